import { child } from '../../shared/xml';
import type { XmlElement } from '../../shared/xml';
import { errors, fail, FunctionFailure } from '../errors';
import type { IntacctError } from '../errors';
import { findObject } from '../objects/registry';
import type { ObjectDef, Row, StoredRecord } from '../objects/types';
import type { IntacctContext } from '../context';

/** The `<object>` child, resolved; an unknown name fails as "Object definition X not found". */
export function requireObject(element: XmlElement): { def: ObjectDef; sent: string } {
	const sent = (child(element, 'object')?.text ?? '').trim();
	const def = findObject(sent);
	if (!def) fail(errors.objectNotFound(sent));
	return { def, sent };
}

/** Comma-separated keys, trimmed, empties and duplicates dropped. */
export function splitKeys(text: string | undefined): string[] {
	return [
		...new Set(
			(text ?? '')
				.split(',')
				.map((k) => k.trim())
				.filter((k) => k !== ''),
		),
	];
}

/** Builds read rows: stored values plus the object's computed values. */
export function rowBuilder(ctx: IntacctContext, def: ObjectDef): (record: StoredRecord) => Row {
	const derive = def.derive?.(ctx);
	return derive ? (record) => ({ ...record.values, ...derive(record) }) : (record) => record.values;
}

/** Parses pagesize within 1..max (default 100). The error text is UNCONFIRMED. */
export function pageSizeOf(element: XmlElement, max: number): number {
	const raw = child(element, 'pagesize')?.text.trim();
	if (raw === undefined || raw === '') return 100;
	const size = Number(raw);
	if (!Number.isInteger(size) || size < 1 || size > max) {
		fail(errors.queryError(`pagesize must be an integer between 1 and ${max}; got '${raw}'.`));
	}
	return size;
}

/** Only XML output is modelled. */
export function requireXmlFormat(element: XmlElement, name: string): void {
	const format = child(element, name)?.text.trim().toLowerCase();
	if (format && format !== 'xml') fail(errors.unsupported(`${name} '${format}'`));
}

/** Re-throws a failure with a trailing generic error, e.g. "Could not create Invoice record.". */
export function withTrailingError<T>(
	trailing: IntacctError,
	run: () => T,
	data?: FunctionFailure['data'],
): T {
	try {
		return run();
	} catch (error) {
		if (error instanceof FunctionFailure)
			throw new FunctionFailure([...error.errors, trailing], data);
		throw error;
	}
}
