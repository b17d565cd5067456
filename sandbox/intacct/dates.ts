/**
 * Intacct date formats (spec §7). Internally dates are ISO `YYYY-MM-DD` and timestamps
 * `YYYY-MM-DDTHH:MM:SS` (UTC) so they sort as strings; the wire uses `mm/dd/yyyy` and
 * `mm/dd/yyyy HH:MM:SS`. The time zone Intacct uses for WHEN* stamps is UNCONFIRMED; the
 * sandbox uses UTC.
 */
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function isoDate(year: number, month: number, day: number): string | undefined {
	if (![year, month, day].every(Number.isInteger) || year < 1 || year > 9999) return undefined;
	const probe = new Date(Date.UTC(year, month - 1, day));
	if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return undefined;
	return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const US_DATETIME = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** `mm/dd/yyyy` -> `YYYY-MM-DD`, or undefined. */
export function parseUsDate(text: string): string | undefined {
	const m = US_DATE.exec(text.trim());
	return m ? isoDate(Number(m[3]), Number(m[1]), Number(m[2])) : undefined;
}

/** `mm/dd/yyyy[ HH:MM[:SS]]` -> `YYYY-MM-DDTHH:MM:SS`, or undefined. */
export function parseUsDateTime(text: string): string | undefined {
	const m = US_DATETIME.exec(text.trim());
	if (!m) return undefined;
	const date = isoDate(Number(m[3]), Number(m[1]), Number(m[2]));
	const [h, min, s] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
	if (!date || h > 23 || min > 59 || s > 59) return undefined;
	return `${date}T${pad(h)}:${pad(min)}:${pad(s)}`;
}

export function formatUsDate(iso: string): string {
	const [y, m, d] = iso.slice(0, 10).split('-');
	return `${m}/${d}/${y}`;
}

export function formatUsDateTime(iso: string): string {
	return `${formatUsDate(iso)} ${iso.length > 10 ? iso.slice(11, 19) : '00:00:00'}`;
}

/** Timestamp for WHENCREATED/WHENMODIFIED (UTC, second precision). */
export function timestampOf(date: Date): string {
	return date.toISOString().slice(0, 19);
}

export function dateOf(date: Date): string {
	return date.toISOString().slice(0, 10);
}

/** ISO-8601 with an explicit offset, as in the authentication block: `2024-05-01T10:00:00+00:00`. */
export function isoWithOffset(date: Date): string {
	return `${date.toISOString().slice(0, 19)}+00:00`;
}

export function addDays(iso: string, days: number): string {
	const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return dateOf(d);
}
