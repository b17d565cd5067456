import { DateTime } from 'luxon';

import { parseCalendarDate, toIsoDate } from '../../nodes/shared/dates';

describe('parseCalendarDate', () => {
	it('accepts the shapes n8n users produce, without shifting the day', () => {
		expect(parseCalendarDate('2024-05-31', 'd')).toEqual({ year: 2024, month: 5, day: 31 });
		expect(parseCalendarDate('2024-05-31T23:30:00+01:00', 'd')).toEqual({ year: 2024, month: 5, day: 31 });
		expect(parseCalendarDate('05/31/2024', 'd')).toEqual({ year: 2024, month: 5, day: 31 });
		expect(parseCalendarDate(DateTime.fromISO('2024-02-29'), 'd')).toEqual({ year: 2024, month: 2, day: 29 });
		expect(toIsoDate({ year: 2024, month: 1, day: 2 })).toBe('2024-01-02');
	});

	it('rejects malformed dates naming the field', () => {
		expect(() => parseCalendarDate('2023-02-29', 'invoiceDate')).toThrow('Field "invoiceDate" "2023-02-29" is not a valid date');
		expect(() => parseCalendarDate('tomorrow', 'dueDate')).toThrow(/dueDate/);
		expect(() => parseCalendarDate('', 'dueDate')).toThrow(/is required/);
		expect(() => parseCalendarDate(42, 'dueDate')).toThrow(/must be a date/);
	});
});
