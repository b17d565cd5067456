import { randomBytes } from 'node:crypto';

import type { Clock } from '../shared/clock';
import { timestampOf } from './dates';
import type { FieldValue, Row, StoredRecord } from './objects/types';

export interface StoreSchema {
	sequenceOf(object: string): string;
	stampsCreated(object: string): boolean;
}

interface JournalEntry {
	object: string;
	recordNo: number;
	previous: StoredRecord | undefined;
}

/** A saved readByQuery result for readMore: a snapshot of the remaining rows. */
export interface ResultSet {
	object: string;
	/** Selected field names, resolved again when a page is rendered. */
	fields: readonly string[];
	/** All matching rows, captured when the query ran. */
	rows: readonly Row[];
	pageSize: number;
	/** Index of the next row to return. */
	position: number;
}

const MAX_RESULT_SETS = 500;

/**
 * All sandbox state in one place: records per object, RECORDNO sequences, completed function
 * control ids (uniqueid), and saved result sets for readMore. Records are immutable: every write
 * replaces the record and journals the previous version, so a savepoint can be rolled back
 * (function failure, transaction="true").
 */
export class IntacctStore {
	private tables = new Map<string, Map<number, StoredRecord>>();
	private sequences = new Map<string, number>();
	private journal: JournalEntry[] = [];
	private completed = new Set<string>();
	private resultSets = new Map<string, ResultSet>();
	/**
	 * findOne's lookup indexes, per object and field, built on first use and kept in step by every
	 * write and rollback: value -> RECORDNOs holding it. Without them each create that checks a
	 * document number scans the whole table, which made bulk creates quadratic.
	 */
	private indexes = new Map<string, Map<string, Map<FieldValue, Set<number>>>>();

	constructor(
		readonly clock: Clock,
		private readonly schema: StoreSchema,
		private readonly seeder: (store: IntacctStore) => void = () => undefined,
	) {
		this.reset();
	}

	now(): Date {
		return this.clock.now();
	}

	/** Current WHENCREATED/WHENMODIFIED stamp (internal ISO form). */
	timestamp(): string {
		return timestampOf(this.now());
	}

	/** Back to the seed: records, sequences, completed control ids and result sets. */
	reset(): void {
		this.tables.clear();
		this.indexes.clear();
		this.sequences.clear();
		this.completed.clear();
		this.resultSets.clear();
		this.journal = [];
		this.seeder(this);
		this.journal = [];
	}

	private table(object: string): Map<number, StoredRecord> {
		let table = this.tables.get(object);
		if (!table) {
			table = new Map();
			this.tables.set(object, table);
		}
		return table;
	}

	/** All records of an object, RECORDNO ascending (the sandbox's documented result order). */
	list(object: string): StoredRecord[] {
		return [...this.table(object).values()].sort((a, b) => a.recordNo - b.recordNo);
	}

	get(object: string, recordNo: number): StoredRecord | undefined {
		return this.table(object).get(recordNo);
	}

	findOne(object: string, field: string, value: FieldValue): StoredRecord | undefined {
		const holders = this.index(object, field).get(value);
		if (!holders || holders.size === 0) return undefined;
		if (holders.size === 1) return this.get(object, holders.values().next().value!);
		// Several records share the value: the first in table order, as a scan would find.
		for (const record of this.table(object).values()) {
			if (record.values[field] === value) return record;
		}
		return undefined;
	}

	private index(object: string, field: string): Map<FieldValue, Set<number>> {
		let byField = this.indexes.get(object);
		if (!byField) {
			byField = new Map();
			this.indexes.set(object, byField);
		}
		let index = byField.get(field);
		if (!index) {
			index = new Map();
			for (const record of this.table(object).values()) {
				addToIndex(index, record.values[field], record.recordNo);
			}
			byField.set(field, index);
		}
		return index;
	}

	/** Puts (or, with undefined, removes) a record and keeps the object's indexes in step. */
	private place(object: string, recordNo: number, record: StoredRecord | undefined): void {
		const table = this.table(object);
		const byField = this.indexes.get(object);
		if (byField) {
			const previous = table.get(recordNo);
			for (const [field, index] of byField) {
				const before = previous?.values[field];
				const after = record?.values[field];
				if (previous && before === after && record) continue;
				if (previous) index.get(before as FieldValue)?.delete(recordNo);
				if (record) addToIndex(index, after, recordNo);
			}
		}
		if (record) table.set(recordNo, record);
		else table.delete(recordNo);
	}

	nextNumber(sequence: string): number {
		const next = (this.sequences.get(sequence) ?? 0) + 1;
		this.sequences.set(sequence, next);
		return next;
	}

	/** Adds a record with the next RECORDNO; `lines` may be built from that RECORDNO. */
	insert(
		object: string,
		values: Record<string, FieldValue | undefined>,
		lines?: Row[] | ((recordNo: number) => Row[]),
	): StoredRecord {
		const recordNo = this.nextNumber(this.schema.sequenceOf(object));
		const stamp = this.timestamp();
		const record: StoredRecord = {
			recordNo,
			values: {
				...values,
				RECORDNO: recordNo,
				...(this.schema.stampsCreated(object) ? { WHENCREATED: values.WHENCREATED ?? stamp } : {}),
				WHENMODIFIED: stamp,
			},
			lines: typeof lines === 'function' ? lines(recordNo) : lines,
		};
		this.write(object, recordNo, record);
		return record;
	}

	/** Applies a patch (only the given fields change) and bumps WHENMODIFIED. */
	update(
		object: string,
		recordNo: number,
		patch: Record<string, FieldValue | undefined>,
		lines?: Row[],
	): StoredRecord {
		const existing = this.get(object, recordNo);
		if (!existing) throw new Error(`No ${object} ${recordNo}`);
		const record: StoredRecord = {
			recordNo,
			values: { ...existing.values, ...patch, RECORDNO: recordNo, WHENMODIFIED: this.timestamp() },
			lines: lines ?? existing.lines,
		};
		this.write(object, recordNo, record);
		return record;
	}

	remove(object: string, recordNo: number): void {
		this.write(object, recordNo, undefined);
	}

	private write(object: string, recordNo: number, record: StoredRecord | undefined): void {
		this.journal.push({ object, recordNo, previous: this.table(object).get(recordNo) });
		this.place(object, recordNo, record);
	}

	// ---- savepoints --------------------------------------------------------------------------

	mark(): number {
		return this.journal.length;
	}

	/** Undoes every write made since the mark (sequences are not rolled back, as in a database). */
	rollbackTo(mark: number): void {
		while (this.journal.length > mark) {
			const entry = this.journal.pop()!;
			this.place(entry.object, entry.recordNo, entry.previous);
		}
	}

	/** Forgets the undo history once a request is finished. */
	commit(): void {
		this.journal = [];
	}

	// ---- uniqueid ----------------------------------------------------------------------------

	isCompleted(companyId: string, controlId: string): boolean {
		return this.completed.has(`${companyId.toUpperCase()}\u0000${controlId}`);
	}

	markCompleted(companyId: string, controlId: string): void {
		this.completed.add(`${companyId.toUpperCase()}\u0000${controlId}`);
	}

	// ---- readMore result sets ----------------------------------------------------------------

	saveResultSet(set: ResultSet): string {
		const id = `${this.resultSets.size}${randomBytes(12).toString('base64url')}`;
		this.resultSets.set(id, set);
		if (this.resultSets.size > MAX_RESULT_SETS) {
			this.resultSets.delete(this.resultSets.keys().next().value!);
		}
		return id;
	}

	getResultSet(id: string): ResultSet | undefined {
		return this.resultSets.get(id);
	}

	/** readMore by `<object>`: the most recent open result set for that object. */
	latestResultSetId(object: string): string | undefined {
		let latest: string | undefined;
		for (const [id, set] of this.resultSets) if (set.object === object) latest = id;
		return latest;
	}

	dropResultSet(id: string): void {
		this.resultSets.delete(id);
	}
}

function addToIndex(
	index: Map<FieldValue, Set<number>>,
	value: FieldValue | undefined,
	recordNo: number,
): void {
	if (value === undefined) return;
	let holders = index.get(value);
	if (!holders) {
		holders = new Set();
		index.set(value, holders);
	}
	holders.add(recordNo);
}
