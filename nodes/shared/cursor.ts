import { DateTime } from 'luxon';

/**
 * Polling cursor kept in workflow static data (never in process memory): the newest modification
 * time seen, plus the keys already emitted inside the overlap window. Each poll asks for records
 * modified since (cursor − overlap), so late-committed or clock-skewed records are not missed, and
 * the seen-map drops the ones already emitted, so nothing is emitted twice.
 */
export interface CursorState {
	/** ISO-8601 UTC, e.g. 2024-05-01T10:00:00.000Z */
	cursor?: string;
	/** key → modification time (ISO) of records emitted within the overlap window */
	seen?: Record<string, string>;
}

export interface CursorRecord {
	key: string;
	modified: string;
}

export function windowStart(state: CursorState, overlapSeconds: number): DateTime | undefined {
	if (!state.cursor) return undefined;
	return DateTime.fromISO(state.cursor, { zone: 'utc' }).minus({ seconds: overlapSeconds });
}

export function selectNew<T>(
	records: T[],
	describe: (record: T) => CursorRecord,
	state: CursorState,
	overlapSeconds: number,
): { fresh: T[]; next: CursorState } {
	const seen = { ...(state.seen ?? {}) };
	const fresh: T[] = [];
	let newest = state.cursor ? DateTime.fromISO(state.cursor, { zone: 'utc' }) : undefined;
	for (const record of records) {
		const { key, modified } = describe(record);
		const at = DateTime.fromISO(modified, { zone: 'utc' });
		if (!at.isValid) continue;
		const iso = at.toISO() as string;
		if (seen[key] === iso) continue;
		seen[key] = iso;
		fresh.push(record);
		if (!newest || at > newest) newest = at;
	}
	const cursor = newest?.toISO() ?? undefined;
	const horizon = newest?.minus({ seconds: overlapSeconds });
	const kept: Record<string, string> = {};
	for (const [key, iso] of Object.entries(seen)) {
		if (!horizon || DateTime.fromISO(iso, { zone: 'utc' }) >= horizon) kept[key] = iso;
	}
	return { fresh, next: { cursor, seen: kept } };
}
