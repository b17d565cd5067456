import { Clock } from '../../../sandbox/shared/clock';
import { FaultInjector, validateFaultConfig } from '../../../sandbox/shared/faults';
import { formatMoney, parseMoney } from '../../../sandbox/shared/money';
import { el, parseXmlDocument, XmlParseError } from '../../../sandbox/shared/xml';

describe('money', () => {
	it.each([
		['1250', 125000],
		['1250.5', 125050],
		['0.005', 1],
		['0.004999', 0],
		['-150.005', -15001],
		['.5', 50],
		['+3', 300],
		['-0.001', 0],
	])('parses %s exactly to %i minor units', (text, minor) => {
		expect(parseMoney(text)).toBe(minor);
	});

	it.each(['', 'abc', '1,000.00', '1e3', '12.3.4', '99999999999999999999'])(
		'rejects %s',
		(text) => {
			expect(parseMoney(text)).toBeUndefined();
		},
	);

	it('formats with two decimals', () => {
		expect([125000, -15, 0, 7].map(formatMoney)).toEqual(['1250.00', '-0.15', '0.00', '0.07']);
	});
});

describe('xml', () => {
	it('decodes entities once and keeps whitespace exact', () => {
		const root = parseXmlDocument(
			'<a x="1 &amp;lt; 2"> &#x263A;&#233;&amp;lt;<![CDATA[&amp;]]> </a>',
		);
		expect(root.text).toBe(' ☺é&lt;&amp; ');
		expect(root.attrs.x).toBe('1 &lt; 2');
	});

	it('rejects malformed documents and undefined entities', () => {
		for (const bad of ['', '<a>', '<a>&nbsp;</a>', '<a/><b/>', 'text']) {
			expect(() => parseXmlDocument(bad)).toThrow(XmlParseError);
		}
	});

	it('escapes every metacharacter when writing', () => {
		expect(el('v', { a: `"'<>&` }, `<&>"'`).source).toBe(
			`<v a="&quot;&apos;&lt;&gt;&amp;">&lt;&amp;&gt;&quot;&apos;</v>`,
		);
		expect(el('empty', null, '').source).toBe('<empty/>');
	});
});

describe('FaultInjector', () => {
	it('fires a rule at most `times` times and only on matching targets', () => {
		const faults = new FaultInjector({
			faults: [{ type: 'http500', times: 2, match: 'readMore' }],
		});
		expect(faults.pick(['readByQuery'])).toBeUndefined();
		expect(faults.pick(['readMore'])?.type).toBe('http500');
		expect(faults.pick(['READMORE'])?.type).toBe('http500');
		expect(faults.pick(['readMore'])).toBeUndefined();
		expect(faults.describe().faults[0].times).toBe(0);
	});

	it('skips ineligible rules without using them up', () => {
		const faults = new FaultInjector({ faults: [{ type: 'sessionExpiry', times: 1 }] });
		expect(faults.pick(['x'], () => false)).toBeUndefined();
		expect(faults.pick(['x'])?.type).toBe('sessionExpiry');
	});

	it('validates configs', () => {
		expect(() => validateFaultConfig({ faults: [{ type: 'nope' }] })).toThrow(/type/);
		expect(() => validateFaultConfig({ faults: [{ type: 'reset', probability: 2 }] })).toThrow(
			/probability/,
		);
		expect(() => validateFaultConfig({ latencyMs: -1 })).toThrow(/latencyMs/);
		expect(() => validateFaultConfig([])).toThrow();
	});
});

describe('Clock', () => {
	it('freezes, advances and releases', () => {
		const clock = new Clock();
		clock.freeze('2025-01-01T00:00:00Z');
		clock.advance(1500);
		expect(clock.now().toISOString()).toBe('2025-01-01T00:00:01.500Z');
		clock.release();
		expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1000);
	});
});
