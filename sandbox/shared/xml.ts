import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * A parsed XML element. `text` is the exact decoded character data directly inside the element
 * (never trimmed), so user values round-trip byte for byte; callers ignore it when the element has
 * child elements (it is then only the whitespace between them).
 */
export interface XmlElement {
	name: string;
	attrs: Record<string, string>;
	children: XmlElement[];
	text: string;
}

export class XmlParseError extends Error {}

const ATTR_PREFIX = '@_';

const parser = new XMLParser({
	preserveOrder: true,
	ignoreAttributes: false,
	attributeNamePrefix: ATTR_PREFIX,
	parseTagValue: false,
	parseAttributeValue: false,
	trimValues: false,
	// Entities are decoded by decodeEntities() below: the library leaves numeric character
	// references alone, and decoding once ourselves avoids double-decoding `&amp;lt;`.
	processEntities: false,
	cdataPropName: '#cdata',
	commentPropName: '#comment',
	ignoreDeclaration: true,
	ignorePiTags: true,
});

const NAMED_ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
};

export function decodeEntities(raw: string): string {
	return raw.replace(/&([^;\s&]*);/g, (whole, ref: string) => {
		if (ref.startsWith('#')) {
			const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
			if (!Number.isInteger(code) || code <= 0 || code > 0x10ffff) {
				throw new XmlParseError(`Invalid character reference ${whole}`);
			}
			return String.fromCodePoint(code);
		}
		const named = NAMED_ENTITIES[ref];
		if (named === undefined) throw new XmlParseError(`Undefined entity ${whole}`);
		return named;
	});
}

type OrderedNode = Record<string, unknown>;

function convert(node: OrderedNode): XmlElement | undefined {
	const name = Object.keys(node).find((key) => key !== ':@');
	if (name === undefined || name === '#text' || name === '#cdata' || name === '#comment') {
		return undefined;
	}
	const attrs: Record<string, string> = {};
	const rawAttrs = (node[':@'] ?? {}) as Record<string, unknown>;
	for (const [key, value] of Object.entries(rawAttrs)) {
		attrs[key.slice(ATTR_PREFIX.length)] = decodeEntities(String(value));
	}
	const element: XmlElement = { name, attrs, children: [], text: '' };
	for (const child of (node[name] ?? []) as OrderedNode[]) {
		if ('#text' in child) {
			element.text += decodeEntities(String(child['#text']));
		} else if ('#cdata' in child) {
			for (const part of child['#cdata'] as OrderedNode[])
				element.text += String(part['#text'] ?? '');
		} else {
			const converted = convert(child);
			if (converted) element.children.push(converted);
		}
	}
	return element;
}

/** Parses a whole document and returns its root element; throws XmlParseError when malformed. */
export function parseXmlDocument(body: string): XmlElement {
	const source = body.replace(/^\uFEFF/, '');
	if (source.trim() === '') throw new XmlParseError('Empty document');
	const validation = XMLValidator.validate(source);
	if (validation !== true) {
		const { msg, line, col } = validation.err;
		throw new XmlParseError(`${msg} (line ${line}, column ${col ?? '?'})`);
	}
	const roots = (parser.parse(source) as OrderedNode[])
		.map(convert)
		.filter((el): el is XmlElement => el !== undefined);
	if (roots.length !== 1) throw new XmlParseError('Expected exactly one root element');
	return roots[0];
}

export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
	return element?.children.find((c) => c.name === name);
}

export function childrenNamed(element: XmlElement | undefined, name: string): XmlElement[] {
	return element ? element.children.filter((c) => c.name === name) : [];
}

/** Text of the first child with that name, or undefined when the child is absent. */
export function childText(element: XmlElement | undefined, name: string): string | undefined {
	return child(element, name)?.text;
}

/** Follows a slash-separated path of child names, e.g. `operation/result`. */
export function pathOf(element: XmlElement | undefined, path: string): XmlElement | undefined {
	let current = element;
	for (const part of path.split('/')) current = child(current, part);
	return current;
}

// ---- writing -------------------------------------------------------------------------------

/** An already-serialised XML fragment; plain strings passed to el() are escaped as text. */
export class Xml {
	constructor(readonly source: string) {}
	toString(): string {
		return this.source;
	}
}

export type XmlChild = Xml | string | number | null | undefined | false | XmlChild[];

const ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&apos;',
};

export function escapeXml(value: string): string {
	return value.replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}

function serialise(children: XmlChild[]): string {
	let out = '';
	for (const c of children) {
		if (c === null || c === undefined || c === false) continue;
		if (Array.isArray(c)) out += serialise(c);
		else if (c instanceof Xml) out += c.source;
		else out += escapeXml(String(c));
	}
	return out;
}

/** Builds `<name attrs>children</name>`, or `<name attrs/>` when there is no content. */
export function el(
	name: string,
	attrs: Record<string, string | number | undefined> | null,
	...children: XmlChild[]
): Xml {
	let open = `<${name}`;
	for (const [key, value] of Object.entries(attrs ?? {})) {
		if (value !== undefined) open += ` ${key}="${escapeXml(String(value))}"`;
	}
	const content = serialise(children);
	return new Xml(content === '' ? `${open}/>` : `${open}>${content}</${name}>`);
}

export function fragment(...children: XmlChild[]): Xml {
	return new Xml(serialise(children));
}
