/**
 * The transport's single-pass XML parser must give exactly what fast-xml-parser gives (same
 * options), for the documents Intacct sends and for odd ones: generated documents with repeated
 * and forced-array elements, attributes, entities, CDATA, comments and whitespace, plus malformed
 * text, which both must treat the same way (the fast parser hands it to fast-xml-parser).
 */
import { seededRandom } from '../../../sandbox/shared/random';
import { parseXml, parseXmlReference } from '../../../nodes/SageIntacct/transport/xml';

function same(xml: string): void {
	let expected: unknown;
	let expectedError: string | undefined;
	try {
		expected = parseXmlReference(xml);
	} catch (error) {
		expectedError = (error as Error).message;
	}
	if (expectedError !== undefined) {
		expect(() => parseXml(xml)).toThrow(expectedError);
	} else {
		expect([xml, parseXml(xml)]).toEqual([xml, expected]);
	}
}

const TAGS = [
	'response',
	'operation',
	'result',
	'data',
	'ARINVOICE',
	'ARINVOICEITEMS',
	'ARINVOICEITEM',
	'error',
	'key',
	'status',
	'x',
];
const TEXTS = [
	'',
	' ',
	'\n  ',
	'plain',
	'a &amp; b',
	'&lt;tag&gt;',
	'&quot;q&quot; &apos;a&apos;',
	'&#65;&#x42;',
	'1,000.50',
	'ünïcødé €',
];

function generate(random: () => number, depth: number): string {
	const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
	const tag = pick(TAGS);
	const attrs =
		random() < 0.3
			? ` id="${pick(['1', 'a&amp;b', 'x y'])}"`
			: random() < 0.1
				? ` k='v' n="2"`
				: '';
	if (random() < 0.1) return `<${tag}${attrs}/>`;
	let inner = '';
	const parts = depth > 3 ? 1 : Math.floor(random() * 4);
	for (let i = 0; i < parts; i++) {
		const r = random();
		if (r < 0.45 && depth < 5) inner += generate(random, depth + 1);
		else if (r < 0.85) inner += pick(TEXTS);
		else if (r < 0.93) inner += '<![CDATA[<raw> & stuff]]>';
		else inner += '<!-- note -->';
	}
	return `<${tag}${attrs}>${inner}</${tag}>`;
}

describe('Intacct transport › XML parser', () => {
	test('a gateway response, with the declaration, forced arrays and owned collections', () => {
		same(
			'<?xml version="1.0" encoding="UTF-8"?>\n<response><control><status>success</status></control>' +
				'<operation><authentication><status>success</status></authentication><result><status>success</status>' +
				'<function>readByQuery</function><controlid>c1</controlid><data listtype="ARINVOICE" count="1" totalcount="1" numremaining="0" resultId="">' +
				'<ARINVOICE><RECORDNO>7</RECORDNO><ARINVOICEITEMS><ARINVOICEITEM><AMOUNT>1.00</AMOUNT></ARINVOICEITEM></ARINVOICEITEMS></ARINVOICE>' +
				'</data></result><result><status>failure</status><errormessage><error><errorno>BL01001973</errorno>' +
				'<description2>A transaction with the number &apos;INV-1&apos; already exists.</description2></error></errormessage></result></operation></response>',
		);
	});

	test('mixed text, whitespace, empty and self-closing elements, attributes with text', () => {
		for (const xml of [
			'<r>\n  <a>1</a>\n  <a>2</a>\n</r>',
			'<r><e/><f></f><g a="1"/><h a="1">t</h><i a="&amp;x">t&lt;<![CDATA[<raw>&amp;]]>z</i></r>',
			'<r>pre<b>x</b>post<!-- c --><c>&#65;&#x42;&quot;&apos;&gt;</c></r>',
			'<r><b>x</b><b>y</b><c><d>1</d></c><c>2</c></r>',
			'<r> </r>',
			'<r><a> <b/> </a></r>',
			'<r><a b="1" >x</a ></r>',
		])
			same(xml);
	});

	test('2,000 generated documents parse the same as with fast-xml-parser', () => {
		const random = seededRandom(20261122);
		for (let i = 0; i < 2000; i++) {
			const body = generate(random, 0);
			same(random() < 0.5 ? `<?xml version="1.0" encoding="UTF-8"?>${body}` : body);
		}
	});

	test('malformed and unusual text is handled exactly as fast-xml-parser handles it', () => {
		for (const xml of [
			'',
			'not xml',
			'<r><a>1</r>',
			'<r><a>1</a>',
			'<r>&unknown;</r>',
			'<!DOCTYPE r [<!ENTITY e "x">]><r>&e;</r>',
			'<r><?pi data?></r>',
			'<r a="1>x</r>',
			'<html><body>Service Unavailable</body></html>',
			'<r>1</r><s>2</s>',
		])
			same(xml);
	});
});
