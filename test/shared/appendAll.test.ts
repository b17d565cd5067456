/**
 * Get Many of a few hundred thousand records once overflowed the call stack: the nodes appended
 * the records with `out.push(...items)`, which passes every record as an argument.
 */
import { appendAll } from '../../nodes/shared/itemLoop';

describe('appendAll', () => {
	test('appends a million items in order, where a spread would overflow the stack', () => {
		const items = Array.from({ length: 1_000_000 }, (_, i) => i);
		expect(() => [0].push(...items)).toThrow(RangeError);
		const out = [-1];
		appendAll(out, items);
		expect(out.length).toBe(1_000_001);
		expect([out[0], out[1], out[1_000_000]]).toEqual([-1, 0, 999_999]);
	});
});
