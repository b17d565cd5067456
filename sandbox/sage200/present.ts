import { presentRow } from './fields';
import type { Specs, StoredValue } from './fields';
import type { Json } from './odata/filter';
import type { Edition, Stamped } from './types';

/**
 * A stored record as the API prints it: `id`, the fields of its table in order (with computed
 * values from `computed` slotted in where the table lists them), then the timestamps.
 */
export function presentRecord(
	specs: Specs,
	record: Stamped & { row: Record<string, StoredValue> },
	edition: Edition,
	computed: Json = {},
): Json {
	// Built in place: spreading a 130-field row per record is what made big lists slow.
	const out: Json = { id: record.id };
	presentRow(specs, record.row, edition, out);
	for (const key of Object.keys(computed)) out[key] = computed[key];
	out.date_time_created = record.date_time_created;
	out.date_time_updated = record.date_time_updated;
	return out;
}

/** `analysis_code_1` … `analysis_code_n` as string fields of `max` characters. */
export function numberedFields<T>(prefix: string, count: number, spec: T): Record<string, T> {
	const out: Record<string, T> = {};
	for (let n = 1; n <= count; n++) out[`${prefix}${n}`] = spec;
	return out;
}
