import type { Clock } from '../shared/clock';
import type { CollectionName, Collections, NewRecord, Stamped } from './types';

/** Id prefix per collection: `cus_0001`, `inv_0001`, … */
export const ID_PREFIX: Record<CollectionName, string> = {
	'sub-companies': 'sub',
	'payment-methods': 'pm',
	'nominal-codes': 'nom',
	customers: 'cus',
	contacts: 'con',
	invoices: 'inv',
	payments: 'pay',
	'credit-notes': 'crn',
	refunds: 'ref',
	'sage-transactions': 'stx',
};

export const COLLECTIONS = Object.keys(ID_PREFIX) as CollectionName[];

export function isCollectionName(name: string): name is CollectionName {
	return Object.prototype.hasOwnProperty.call(ID_PREFIX, name);
}

/** API order: modifiedAt, then id (as strings), ascending. */
export function byModifiedThenId(a: Stamped, b: Stamped): number {
	if (a.modifiedAt !== b.modifiedAt) return a.modifiedAt < b.modifiedAt ? -1 : 1;
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * All sandbox state: one map per collection plus an id sequence per collection. Records are
 * replaced, never mutated, so anything handed out stays a consistent snapshot.
 */
export class LayerStore {
	private tables = new Map<CollectionName, Map<string, Stamped>>();
	private sequences = new Map<CollectionName, number>();

	constructor(
		readonly clock: Clock,
		private readonly seeder: (store: LayerStore) => void = () => undefined,
	) {
		this.reset();
	}

	/** Current timestamp, ISO-8601 UTC with milliseconds. */
	timestamp(): string {
		return this.clock.now().toISOString();
	}

	reset(): void {
		this.tables.clear();
		this.sequences.clear();
		this.seeder(this);
	}

	private table<C extends CollectionName>(name: C): Map<string, Collections[C]> {
		let table = this.tables.get(name);
		if (!table) {
			table = new Map();
			this.tables.set(name, table);
		}
		return table as Map<string, Collections[C]>;
	}

	/** Every record of a collection in insertion order. */
	all<C extends CollectionName>(name: C): Array<Collections[C]> {
		return [...this.table(name).values()];
	}

	get<C extends CollectionName>(name: C, id: string): Collections[C] | undefined {
		return this.table(name).get(id);
	}

	find<C extends CollectionName>(
		name: C,
		predicate: (record: Collections[C]) => boolean,
	): Collections[C] | undefined {
		for (const record of this.table(name).values()) if (predicate(record)) return record;
		return undefined;
	}

	nextId(name: CollectionName): string {
		const next = (this.sequences.get(name) ?? 0) + 1;
		this.sequences.set(name, next);
		return `${ID_PREFIX[name]}_${String(next).padStart(4, '0')}`;
	}

	/**
	 * Adds a record with the next id; `values` may be built from that id (line ids). `at`
	 * overrides the timestamps (seed data).
	 */
	insert<C extends CollectionName>(
		name: C,
		values: NewRecord<C> | ((id: string) => NewRecord<C>),
		at?: string,
	): Collections[C] {
		const stamp = at ?? this.timestamp();
		const id = this.nextId(name);
		const record = {
			...(typeof values === 'function' ? values(id) : values),
			id,
			createdAt: stamp,
			modifiedAt: stamp,
		} as Collections[C];
		this.table(name).set(record.id, record);
		return record;
	}

	/** Replaces the given fields and bumps modifiedAt. */
	update<C extends CollectionName>(
		name: C,
		id: string,
		patch: Partial<NewRecord<C>>,
	): Collections[C] {
		const existing = this.get(name, id);
		if (!existing) throw new Error(`No ${name} ${id}`);
		const record = { ...existing, ...patch, modifiedAt: this.timestamp() } as Collections[C];
		this.table(name).set(id, record);
		return record;
	}
}
