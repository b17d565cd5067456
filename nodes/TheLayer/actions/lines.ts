import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { FieldError } from '../../shared/fieldError';
import { compact, money } from './common';
import type { Show } from './operation';
import { readJsonArray } from '../../shared/jsonInput';

const lineValues: INodeProperties[] = [
	{ displayName: 'Description', name: 'description', type: 'string', default: '' },
	{ displayName: 'Item Code', name: 'itemCode', type: 'string', default: '' },
	{ displayName: 'Quantity', name: 'quantity', type: 'number', default: 1 },
	{
		displayName: 'Unit Price',
		name: 'unitPrice',
		type: 'number',
		typeOptions: { numberPrecision: 2 },
		default: 0,
	},
	{ displayName: 'Discount (%)', name: 'discountPercent', type: 'number', default: 0 },
	{
		displayName: 'Tax Rate (%)',
		name: 'taxRate',
		type: 'number',
		default: 20,
		description: 'UK standard VAT is 20',
	},
	{
		displayName: 'Nominal Code Name or ID',
		name: 'nominalCode',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getNominalCodes' },
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
];

export function lineProperties(show: Show): INodeProperties[] {
	return [
		{
			displayName: 'Lines Input',
			name: 'linesInput',
			type: 'options',
			options: [
				{ name: 'Define Below', value: 'fields' },
				{
					name: 'From JSON',
					value: 'json',
					description:
						'An array of {description, itemCode, quantity, unitPrice, discountPercent, taxRate, nominalCode}',
				},
			],
			default: 'fields',
			displayOptions: { show },
		},
		{
			displayName: 'Lines',
			name: 'lines',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			placeholder: 'Add Line',
			displayOptions: { show: { ...show, linesInput: ['fields'] } },
			options: [{ displayName: 'Line', name: 'line', values: lineValues }],
		},
		{
			displayName: 'Lines (JSON)',
			name: 'linesJson',
			type: 'json',
			default: '[]',
			displayOptions: { show: { ...show, linesInput: ['json'] } },
		},
	];
}

function percent(value: unknown, field: string, fallback: number): number {
	if (value === undefined || value === '' || value === null) return fallback;
	const n = typeof value === 'number' ? value : Number(value);
	if (!Number.isFinite(n) || n < 0 || n > 100)
		throw new FieldError(
			field,
			`must be a percentage from 0 to 100, got ${String(value)}`,
			'E.g. 20 for 20%',
		);
	return n;
}

export function readLayerLines(ctx: IExecuteFunctions, i: number): IDataObject[] {
	const mode = ctx.getNodeParameter('linesInput', i, 'fields') as string;
	const raw =
		mode === 'json'
			? readJsonArray(
					ctx,
					'linesJson',
					i,
					'[{"description":"Support","quantity":1,"unitPrice":100}]',
				)
			: ((ctx.getNodeParameter('lines', i, {}) as { line?: unknown[] }).line ?? []);
	if (raw.length === 0) throw new FieldError('lines', 'is empty', 'Add at least one line');
	return raw.map((entry, n) => {
		const line = (entry ?? {}) as IDataObject;
		const at = (key: string) => `lines[${n}].${key}`;
		const quantity = typeof line.quantity === 'number' ? line.quantity : Number(line.quantity ?? 1);
		if (!Number.isFinite(quantity) || quantity <= 0) {
			throw new FieldError(
				at('quantity'),
				`must be a number above 0, got ${String(line.quantity)}`,
				'E.g. 1 or 2.5',
			);
		}
		const description =
			line.description === undefined || line.description === null ? '' : String(line.description);
		const checked = compact({
			description,
			itemCode: line.itemCode === undefined ? undefined : String(line.itemCode),
			quantity,
			unitPrice: money(line.unitPrice, at('unitPrice'), true, true),
			discountPercent: percent(line.discountPercent, at('discountPercent'), 0),
			taxRate: percent(line.taxRate, at('taxRate'), 20),
			nominalCode: line.nominalCode === undefined ? undefined : String(line.nominalCode),
		});
		if (!description.trim())
			throw new FieldError(
				at('description'),
				'is required',
				'Describe the line, e.g. the product or service',
			);
		return checked;
	});
}
