import { selectNew, windowStart } from '../../nodes/shared/cursor';

const rec = (key: string, modified: string) => ({ key, modified });
const describe_ = (r: { key: string; modified: string }) => r;

describe('polling cursor', () => {
	it('emits each change once across overlapping polls and advances to the newest change', () => {
		let state = {};
		const first = selectNew([rec('1', '2024-05-01T10:00:00Z'), rec('2', '2024-05-01T10:05:00Z')], describe_, state, 300);
		expect(first.fresh.map((r) => r.key)).toEqual(['1', '2']);
		state = first.next;
		expect(windowStart(state, 300)?.toISO()).toBe('2024-05-01T10:00:00.000Z');
		// The next poll re-reads the overlap window: record 2 again (unchanged), 2 changed, 3 new.
		const second = selectNew([rec('2', '2024-05-01T10:05:00Z'), rec('3', '2024-05-01T10:06:00Z')], describe_, state, 300);
		expect(second.fresh.map((r) => r.key)).toEqual(['3']);
		const third = selectNew([rec('2', '2024-05-01T10:07:00Z')], describe_, second.next, 300);
		expect(third.fresh.map((r) => r.key)).toEqual(['2']);
		expect(third.next.cursor).toBe('2024-05-01T10:07:00.000Z');
	});

	it('forgets keys older than the overlap window so static data stays small', () => {
		const { next } = selectNew([rec('old', '2024-05-01T09:00:00Z'), rec('new', '2024-05-01T10:00:00Z')], describe_, {}, 60);
		expect(Object.keys(next.seen ?? {})).toEqual(['new']);
	});
});
