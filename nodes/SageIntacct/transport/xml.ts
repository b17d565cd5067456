import { XMLParser } from 'fast-xml-parser';

/**
 * A value to serialise as XML. Objects become nested elements in key order, arrays repeat the
 * element, `undefined`/`null` are left out, and the `$attrs` key holds attributes.
 */
export type XmlValue = string | number | boolean | null | undefined | XmlObject | XmlValue[];
export interface XmlObject {
	[key: string]: XmlValue | Record<string, string> | undefined;
	$attrs?: Record<string, string>;
}

const ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&apos;',
};

// XML 1.0 cannot carry most C0 control characters, even escaped; they are dropped.
// eslint-disable-next-line no-control-regex
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

// eslint-disable-next-line no-control-regex
const NEEDS_WORK = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

export function escapeXml(value: string): string {
	// Most values (ids, amounts, dates) need nothing: one test instead of two replaces.
	if (!NEEDS_WORK.test(value)) return value;
	return value.replace(INVALID_XML_CHARS, '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

export function toXml(tag: string, value: XmlValue | Record<string, string>): string {
	if (value === undefined || value === null) return '';
	if (Array.isArray(value)) {
		let out = '';
		for (const item of value) out += toXml(tag, item);
		return out;
	}
	if (typeof value === 'object') {
		const object = value as XmlObject;
		let attrs = '';
		let inner = '';
		for (const key in object) {
			if (key === '$attrs') {
				const $attrs = object.$attrs as Record<string, string>;
				for (const name in $attrs) attrs += ` ${name}="${escapeXml($attrs[name])}"`;
			} else {
				inner += toXml(key, object[key] as XmlValue);
			}
		}
		return `<${tag}${attrs}>${inner}</${tag}>`;
	}
	return `<${tag}>${escapeXml(typeof value === 'string' ? value : String(value))}</${tag}>`;
}

export type ParsedXml = { [key: string]: ParsedXmlValue };
export type ParsedXmlValue = string | ParsedXml | ParsedXmlValue[];

/** Elements that may repeat, forced to arrays so one record and many look the same. */
function isRepeating(name: string, jpath: string): boolean {
	if (jpath === 'response.operation.result') return true;
	if (jpath.endsWith('.errormessage.error')) return true;
	if (/^response\.operation\.result\.data\.[^.]+$/.test(jpath)) return true;
	// Owned collections: ARINVOICEITEMS/ARINVOICEITEM, ARPYMTDETAILS/ARPYMTDETAIL, ...
	const parts = jpath.split('.');
	const parent = parts[parts.length - 2];
	return parent !== undefined && parent === `${name}S`;
}

const parser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: '@',
	parseTagValue: false,
	parseAttributeValue: false,
	trimValues: false,
	processEntities: true,
	htmlEntities: false,
	isArray: (name, jpath) => isRepeating(name, String(jpath)),
});

/**
 * Parses the gateway's XML into the same shape fast-xml-parser gives with the options above, about
 * ten times faster: a single pass for the documents Intacct sends (declaration, elements,
 * attributes, text, the five named entities, CDATA, comments). Anything else (a DOCTYPE,
 * processing instructions, malformed markup) goes to fast-xml-parser, so odd input behaves exactly
 * as it always did. test/intacct/xmlParse.test.ts checks the two agree.
 */
export function parseXml(xml: string): ParsedXml {
	return fastParse(xml) ?? (parser.parse(xml) as ParsedXml);
}

/** The reference parser, for tests that compare the two. */
export function parseXmlReference(xml: string): ParsedXml {
	return parser.parse(xml) as ParsedXml;
}

const NAMED_ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
};

function decodeEntities(text: string): string | undefined {
	if (text.indexOf('&') === -1) return text;
	let out = '';
	let last = 0;
	for (let i = text.indexOf('&'); i !== -1; i = text.indexOf('&', last)) {
		const end = text.indexOf(';', i);
		if (end === -1) return undefined;
		const name = text.slice(i + 1, end);
		const named = NAMED_ENTITIES[name];
		// fast-xml-parser leaves numeric references (&#65;) as written; so do we.
		if (named === undefined && name[0] !== '#') return undefined;
		out += text.slice(last, i) + (named ?? `&${name};`);
		last = end + 1;
	}
	return out + text.slice(last);
}

interface OpenElement {
	name: string;
	path: string;
	node: ParsedXml;
	text: string;
	hasText: boolean;
	hasChildren: boolean;
	hasAttributes: boolean;
}

const NAME_END = /[\s/>]/g;
const ATTRIBUTE = /\s*([^\s=/>]+)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;

/** isRepeating for an element or attribute `name` directly under `parent`, without the regexes. */
function repeatsUnder(parent: OpenElement, name: string, path: string): boolean {
	return (
		path === 'response.operation.result' ||
		(name === 'error' && parent.name === 'errormessage') ||
		parent.path === 'response.operation.result.data' ||
		parent.name === `${name}S`
	);
}

function addChild(parent: OpenElement, name: string, path: string, value: ParsedXmlValue): void {
	const existing = parent.node[name];
	if (existing === undefined) {
		parent.node[name] = repeatsUnder(parent, name, path) ? [value] : value;
	} else if (Array.isArray(existing)) {
		existing.push(value);
	} else {
		parent.node[name] = [existing, value];
	}
	parent.hasChildren = true;
}

/** The single-pass parser; undefined means "not a document I handle", never a wrong answer. */
function fastParse(xml: string): ParsedXml | undefined {
	const root: OpenElement = {
		name: '',
		path: '',
		node: {},
		text: '',
		hasText: false,
		hasChildren: false,
		hasAttributes: false,
	};
	const stack: OpenElement[] = [root];
	let pos = 0;
	const length = xml.length;
	if (xml.startsWith('<?xml', 0)) {
		const end = xml.indexOf('?>', 5);
		if (end === -1) return undefined;
		const declaration: ParsedXml = {};
		ATTRIBUTE.lastIndex = 5;
		let match: RegExpExecArray | null;
		while ((match = ATTRIBUTE.exec(xml)) !== null && ATTRIBUTE.lastIndex <= end) {
			declaration[`@${match[1]}`] = match[2] ?? match[3];
		}
		root.node['?xml'] = declaration;
		pos = end + 2;
	}
	while (pos < length) {
		const lt = xml.indexOf('<', pos);
		const current = stack[stack.length - 1];
		if (lt !== pos) {
			const raw = xml.slice(pos, lt === -1 ? length : lt);
			if (current === root) {
				if (raw.trim() !== '') return undefined;
			} else {
				const text = decodeEntities(raw);
				if (text === undefined) return undefined;
				current.text += text;
				current.hasText = true;
			}
			if (lt === -1) break;
		}
		const next = xml.charCodeAt(lt + 1);
		if (next === 47 /* / */) {
			const end = xml.indexOf('>', lt);
			if (end === -1 || current === root) return undefined;
			if (xml.slice(lt + 2, end).trimEnd() !== current.name) return undefined;
			stack.pop();
			close(current, stack[stack.length - 1]);
			pos = end + 1;
		} else if (next === 33 /* ! */) {
			if (xml.startsWith('<!--', lt)) {
				const end = xml.indexOf('-->', lt + 4);
				if (end === -1) return undefined;
				pos = end + 3;
			} else if (xml.startsWith('<![CDATA[', lt) && current !== root) {
				const end = xml.indexOf(']]>', lt + 9);
				if (end === -1) return undefined;
				current.text += xml.slice(lt + 9, end);
				current.hasText = true;
				pos = end + 3;
			} else return undefined;
		} else if (next === 63 /* ? */) {
			return undefined;
		} else {
			NAME_END.lastIndex = lt + 1;
			const nameEnd = NAME_END.exec(xml);
			if (nameEnd === null) return undefined;
			const name = xml.slice(lt + 1, nameEnd.index);
			if (name === '' || name.includes('<')) return undefined;
			const element: OpenElement = {
				name,
				path: current === root ? name : `${current.path}.${name}`,
				node: {},
				text: '',
				hasText: false,
				hasChildren: false,
				hasAttributes: false,
			};
			let cursor = nameEnd.index;
			for (;;) {
				ATTRIBUTE.lastIndex = cursor;
				const match = ATTRIBUTE.exec(xml);
				if (match === null) break;
				const value = decodeEntities(match[2] ?? match[3]);
				if (value === undefined) return undefined;
				// fast-xml-parser asks isArray about attributes too (their path ends in the name).
				element.node[`@${match[1]}`] = repeatsUnder(
					element,
					match[1],
					`${element.path}.${match[1]}`,
				)
					? [value]
					: value;
				element.hasAttributes = true;
				cursor = ATTRIBUTE.lastIndex;
			}
			while (cursor < length && /\s/.test(xml[cursor])) cursor++;
			if (xml.startsWith('/>', cursor)) {
				close(element, current);
				pos = cursor + 2;
			} else if (xml[cursor] === '>') {
				stack.push(element);
				pos = cursor + 1;
			} else return undefined;
		}
	}
	if (stack.length !== 1) return undefined;
	return root.node;
}

/** Gives a finished element its value in fast-xml-parser's shape and adds it to its parent. */
function close(element: OpenElement, parent: OpenElement): void {
	let value: ParsedXmlValue;
	if (!element.hasChildren && !element.hasAttributes) {
		value = element.text;
	} else {
		if (element.text !== '') {
			if (element.hasChildren) {
				element.node['#text'] = element.text;
			} else {
				// fast-xml-parser puts the text before the attributes when there are no children.
				value = { '#text': element.text, ...element.node };
				addChild(parent, element.name, element.path, value);
				return;
			}
		}
		value = element.node;
	}
	addChild(parent, element.name, element.path, value);
}

/** Parses, or returns undefined for text that is not well-formed XML. */
export function tryParseXml(xml: string): ParsedXml | undefined {
	let doc: ParsedXml | undefined;
	try {
		doc = parseXml(xml);
	} catch {
		doc = undefined;
	}
	return doc;
}

/** Element text, ignoring formatting whitespace the gateway may add around children. */
export function textOf(value: ParsedXmlValue | undefined): string {
	if (value === undefined) return '';
	if (typeof value === 'string') return value;
	if (Array.isArray(value)) return textOf(value[0]);
	const text = value['#text'];
	return typeof text === 'string' ? text.trim() : '';
}

/** Turns a parsed record into plain JSON: attributes and formatting whitespace dropped. */
export function toPlainRecord(value: ParsedXmlValue, shared?: Map<string, string>): unknown {
	if (typeof value === 'string') return detached(value, shared);
	if (Array.isArray(value)) return value.map((v) => toPlainRecord(v, shared));
	const out: Record<string, unknown> = {};
	let hasChildren = false;
	for (const [key, child] of Object.entries(value)) {
		if (key.startsWith('@') || key === '#text') continue;
		hasChildren = true;
		out[key] = toPlainRecord(child, shared);
	}
	if (!hasChildren) return detached(textOf(value), shared);
	return out;
}

/**
 * A copy of a value cut from a response page. Parsed text is a slice of the page, and V8 keeps the
 * whole page (about 1 KB per record) alive as long as any slice of it lives: listing 200,000
 * records would hold every page. Short strings are copies already; with `shared` (one map per
 * page) the many repeats of short values ('false', 'GBP', 'active') become one string each.
 */
function detached(text: string, shared?: Map<string, string>): string {
	if (text.length >= 13) return (text + ' ').slice(0, -1);
	if (shared === undefined) return text;
	const known = shared.get(text);
	if (known !== undefined) return known;
	shared.set(text, text);
	return text;
}
