import type { IDataObject } from 'n8n-workflow';

import { FieldError } from '../../../shared/fieldError';
import { decimalText, scaledDecimal } from '../../core/lineAmounts';
import { asObject, jsonValue, text } from '../../core/records';
import { SyncError } from '../../core/syncError';

export type TableName = 'nominalCode' | 'paymentMethod' | 'subCompany' | 'taxRate';

export interface MappingRow {
	from: string;
	to: string;
	/** Payment methods only: the bank's GL account, for Intacct refunds (debit memos). */
	glAccount: string;
}

export const TABLE_LABELS: Record<TableName, string> = {
	nominalCode: 'Nominal Code',
	paymentMethod: 'Payment Method',
	subCompany: 'Sub-Company',
	taxRate: 'Tax Rate',
};

const TABLES = Object.keys(TABLE_LABELS) as TableName[];

/** Rows may name a value or `*`, which maps every value without a row of its own. */
export const WILDCARD = '*';

function keyOf(table: TableName, value: string): string {
	if (value === WILDCARD) return value;
	if (table === 'taxRate') return decimalText(scaledDecimal(value, 2, 'Tax Rate mapping'), 2);
	return value.trim().toLowerCase();
}

/**
 * The mapping tables set on the node: sub-company → Sage company (Sage 200 "siteId:companyId", or
 * Intacct location/entity), payment method → bank account, Layer nominal code → GL account /
 * nominal code, tax rate → Sage 200 tax code ID or Intacct VAT GL account. A value without a row is
 * an error naming the record and the value; nothing falls back silently.
 */
export class MappingTables {
	private readonly tables = new Map<TableName, Map<string, MappingRow>>();

	constructor(rows: Partial<Record<TableName, MappingRow[]>>) {
		for (const table of TABLES) {
			const map = new Map<string, MappingRow>();
			for (const row of rows[table] ?? []) {
				const key = keyOf(table, row.from);
				const existing = map.get(key);
				if (existing && (existing.to !== row.to || existing.glAccount !== row.glAccount))
					throw new FieldError(
						`mappings.${table}`,
						`maps "${row.from}" twice (to "${existing.to}" and "${row.to}")`,
						'Keep one row per value',
					);
				map.set(key, row);
			}
			this.tables.set(table, map);
		}
	}

	hasRows(table: TableName): boolean {
		return (this.tables.get(table)?.size ?? 0) > 0;
	}

	/** The row for `value`; `needer` names the record (and line) that needs it. */
	lookup(table: TableName, value: string, needer: string): MappingRow {
		const map = this.tables.get(table) ?? new Map<string, MappingRow>();
		const label = TABLE_LABELS[table];
		if (!value) {
			const wildcard = map.get(WILDCARD);
			if (wildcard) return wildcard;
			throw new SyncError(
				`${needer} has no ${label.toLowerCase()} to map`,
				`Set it in The Layer, pass the record it comes from under Lookups, or add a "${WILDCARD}" row to the ${label} mapping table`,
			);
		}
		const row = map.get(keyOf(table, value)) ?? map.get(WILDCARD);
		if (!row)
			throw new SyncError(
				`${needer}: ${label.toLowerCase()} "${value}" is not in the ${label} mapping table`,
				`Add a ${label} row mapping "${value}" under Mapping Tables (or a "${WILDCARD}" row for every other value)`,
			);
		return row;
	}
}

function rowFrom(entry: unknown, from: string, table: TableName, n: number): MappingRow {
	const object = asObject(entry);
	const to = object ? text(object.to ?? object.bankAccount ?? object.value) : text(entry);
	if (!from || !to)
		throw new FieldError(
			`mappings.${table}[${n}]`,
			'needs both a Layer value and a Sage value',
			'Fill in both columns, or remove the row',
		);
	return { from, to, glAccount: object ? text(object.glAccount) : '' };
}

/** Rows from the "Mapping Tables" fixed collection: `{ subCompany: [{ from, to }], … }`. */
export function tablesFromFields(value: unknown): MappingTables {
	const groups = asObject(value) ?? {};
	const rows: Partial<Record<TableName, MappingRow[]>> = {};
	for (const table of TABLES) {
		const list = (Array.isArray(groups[table]) ? groups[table] : []) as IDataObject[];
		rows[table] = list.map((row, n) => rowFrom(row, text(row.from), table, n));
	}
	return new MappingTables(rows);
}

/**
 * Rows from JSON, for templates that build the tables from data:
 * `{"subCompany": {"sc_0001": "1:1"}, "paymentMethod": {"pm_0001": {"bankAccount": "1", "glAccount": "1010"}}}`;
 * each table may also be a list of `{from, to}` rows.
 */
export function tablesFromJson(raw: unknown): MappingTables {
	const value = jsonValue(raw, 'mappingsJson');
	if (value === undefined) return new MappingTables({});
	const groups = asObject(value);
	if (!groups)
		throw new FieldError('mappingsJson', 'must be an object of tables', 'E.g. {"subCompany": {}}');
	const rows: Partial<Record<TableName, MappingRow[]>> = {};
	for (const [name, table] of Object.entries(groups)) {
		if (!TABLES.includes(name as TableName))
			throw new FieldError(
				'mappingsJson',
				`has an unknown table "${name}"`,
				`Use ${TABLES.join(', ')}`,
			);
		const key = name as TableName;
		rows[key] = Array.isArray(table)
			? table.map((row, n) => rowFrom(row, text(asObject(row)?.from), key, n))
			: Object.entries(asObject(table) ?? {}).map(([from, to], n) => rowFrom(to, from, key, n));
	}
	return new MappingTables(rows);
}
