import type { IDataObject } from 'n8n-workflow';

import { jsonValue } from '../../core/records';
import type { Lookups } from './lookups';
import type { MappingTables } from './tables';

export type PresetName =
	| 'customerToIntacct'
	| 'customerToSage200'
	| 'invoiceToIntacct'
	| 'invoiceToSage200'
	| 'paymentToIntacct'
	| 'paymentToSage200'
	| 'creditNoteToIntacct'
	| 'creditNoteToSage200'
	| 'refundToIntacct'
	| 'refundToSage200'
	| 'intacctReceiptToLayer'
	| 'sage200ReceiptToLayer';

export interface MapOptions {
	/** One target line per Layer line, or lines sharing an account (and tax code) added up. */
	groupLines: 'perLine' | 'byAccount';
	/** Layer nominal codes through the Nominal Code table, or sent unchanged. */
	nominalCodes: 'table' | 'same';
	/** Intacct: VAT on its own lines (Tax Rate table → VAT GL account), or inside gross lines. */
	taxHandling: 'separateLines' | 'gross';
	/** Receipts → Layer: the Sage company name recorded on the Sage transaction. */
	sageCompany: string;
	/** Receipts → Layer: the currency of a receipt that does not name one. */
	baseCurrency: string;
}

export interface MapContext {
	tables: MappingTables;
	lookups: Lookups;
	options: MapOptions;
}

/** Any JSON value a field can hold. */
export type FieldValue = IDataObject[string];

/** What a field's default is computed from, and the values of the other fields. */
export interface Scope {
	record: IDataObject;
	ctx: MapContext;
	/** Names the record in errors: `invoice INV-1001`. */
	label: string;
	/** A field's value: the override when the user set one, else its default. */
	get(name: string): FieldValue;
	text(name: string): string;
	/** Whether the user overrode the field. */
	isOverridden(name: string): boolean;
}

export interface PresetField {
	name: string;
	displayName: string;
	/** The default, in words, shown under the override. */
	rule: string;
	type?: 'string' | 'number' | 'json';
	value(scope: Scope): FieldValue;
}

export interface Preset {
	value: PresetName;
	name: string;
	description: string;
	/** Options (Map › Options) that change this preset's output. */
	options: Array<keyof MapOptions>;
	fields: PresetField[];
	label(record: IDataObject): string;
	/** The output item, in the parameter names the target node takes. */
	output(scope: Scope): IDataObject;
}

/**
 * Maps one record: every field's default is computed only when it is not overridden (so an
 * override also bypasses a mapping the default would need), then the preset assembles the output.
 */
export function applyPreset(
	preset: Preset,
	record: IDataObject,
	ctx: MapContext,
	overrides: IDataObject = {},
): IDataObject {
	const fields = new Map(preset.fields.map((f) => [f.name, f]));
	const values = new Map<string, FieldValue>();
	const resolving = new Set<string>();
	const scope: Scope = {
		record,
		ctx,
		label: preset.label(record),
		get(name) {
			if (values.has(name)) return values.get(name);
			const field = fields.get(name);
			if (!field) throw new Error(`Preset ${preset.value} has no field "${name}"`);
			if (resolving.has(name))
				throw new Error(`Preset ${preset.value}: "${name}" depends on itself`);
			resolving.add(name);
			const value =
				name in overrides
					? field.type === 'json'
						? (jsonValue(overrides[name], name) as FieldValue)
						: overrides[name]
					: field.value(scope);
			resolving.delete(name);
			values.set(name, value);
			return value;
		},
		isOverridden: (name) => name in overrides,
		text(name) {
			const value = scope.get(name);
			return value === undefined || value === null ? '' : String(value).trim();
		},
	};
	return preset.output(scope);
}

/** Drops empty values, so the target node sees only fields that have something to say. */
export function compact(object: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(object)) {
		if (value === undefined || value === null || value === '') continue;
		out[key] = value;
	}
	return out;
}
