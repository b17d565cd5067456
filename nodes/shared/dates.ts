import { DateTime } from 'luxon';

import { FieldError } from './fieldError';

export interface CalendarDate {
	year: number;
	month: number;
	day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})/;

/**
 * Accepts the date shapes n8n users produce: ISO strings (`2024-05-01`, `2024-05-01T10:00:00Z`),
 * Intacct's `mm/dd/yyyy`, JS Dates and luxon DateTimes. Returns the calendar date as written
 * (no time-zone shift for date-only strings).
 */
export function parseCalendarDate(value: unknown, field: string): CalendarDate {
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) throw invalid(field, value);
		return {
			year: value.getUTCFullYear(),
			month: value.getUTCMonth() + 1,
			day: value.getUTCDate(),
		};
	}
	if (DateTime.isDateTime(value)) {
		if (!value.isValid) throw invalid(field, value);
		return { year: value.year, month: value.month, day: value.day };
	}
	if (typeof value !== 'string' || value.trim() === '') {
		throw new FieldError(
			field,
			value === undefined || value === '' ? 'is required' : `must be a date, got ${typeof value}`,
			'Use YYYY-MM-DD',
		);
	}
	const text = value.trim();
	let date: CalendarDate | undefined;
	const iso = ISO_DATE.exec(text);
	if (iso) date = { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
	const us = US_DATE.exec(text);
	if (!date && us) date = { year: Number(us[3]), month: Number(us[1]), day: Number(us[2]) };
	if (!date || !isRealDate(date)) throw invalid(field, text);
	return date;
}

/** A day that exists in the proleptic Gregorian calendar (years 1 to 9999). */
function isRealDate({ year, month, day }: CalendarDate): boolean {
	if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
	const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
	const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
	return day <= days;
}

function invalid(field: string, value: unknown): FieldError {
	return new FieldError(
		field,
		`"${String(value)}" is not a valid date`,
		'Use YYYY-MM-DD, e.g. 2024-05-31',
	);
}

export function toIsoDate(date: CalendarDate): string {
	return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

export function pad(n: number): string {
	return String(n).padStart(2, '0');
}
