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

export function escapeXml(value: string): string {
	return value.replace(INVALID_XML_CHARS, '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

export function toXml(tag: string, value: XmlValue | Record<string, string>): string {
	if (value === undefined || value === null) return '';
	if (Array.isArray(value)) return value.map((v) => toXml(tag, v)).join('');
	if (typeof value === 'object') {
		const { $attrs, ...children } = value as XmlObject;
		const attrs = $attrs
			? Object.entries($attrs)
					.map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
					.join('')
			: '';
		const inner = Object.entries(children)
			.map(([k, v]) => toXml(k, v as XmlValue))
			.join('');
		return `<${tag}${attrs}>${inner}</${tag}>`;
	}
	return `<${tag}>${escapeXml(String(value))}</${tag}>`;
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

export function parseXml(xml: string): ParsedXml {
	return parser.parse(xml) as ParsedXml;
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
export function toPlainRecord(value: ParsedXmlValue): unknown {
	if (typeof value === 'string') return value;
	if (Array.isArray(value)) return value.map(toPlainRecord);
	const out: Record<string, unknown> = {};
	let hasChildren = false;
	for (const [key, child] of Object.entries(value)) {
		if (key.startsWith('@') || key === '#text') continue;
		hasChildren = true;
		out[key] = toPlainRecord(child);
	}
	if (!hasChildren) return textOf(value);
	return out;
}
