import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { FieldError } from '../../../shared/fieldError';
import { formatMoney, parseMoney, sumMoney, type MinorUnits } from '../../../shared/money';
import type { XmlObject } from '../../transport/xml';
import { checkString, jsonParam } from './params';

export interface TransactionLine {
	glAccountNo: string;
	amount: MinorUnits;
	memo?: string;
	locationId?: string;
	departmentId?: string;
}

type Show = { resource: string[]; operation: string[] };

const lineValues: INodeProperties[] = [
	{
		displayName: 'GL Account Name or ID',
		name: 'glAccountNo',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getGlAccounts' },
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		typeOptions: { numberPrecision: 2 },
		default: 0,
	},
	{ displayName: 'Memo', name: 'memo', type: 'string', default: '' },
	{
		displayName: 'Location Name or ID',
		name: 'locationId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getLocations' },
		default: '',
		description:
			'Required in multi-entity companies. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Department Name or ID',
		name: 'departmentId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getDepartments' },
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
						'An array of {glAccountNo, amount, memo, locationId, departmentId}, e.g. mapped by the Sage Sync node',
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

export function readLines(
	ctx: IExecuteFunctions,
	itemIndex: number,
	rules: { allowNegative: boolean; defaults?: { locationId?: string; departmentId?: string } },
): TransactionLine[] {
	const mode = ctx.getNodeParameter('linesInput', itemIndex, 'fields') as string;
	let raw: unknown;
	if (mode === 'json') {
		raw = jsonParam(ctx, 'linesJson', itemIndex, 'linesJson');
		if (!Array.isArray(raw))
			throw new FieldError(
				'linesJson',
				'must be a JSON array of lines',
				'Pass e.g. [{"glAccountNo":"4000","amount":120}]',
			);
	} else {
		raw = ((ctx.getNodeParameter('lines', itemIndex, {}) as { line?: IDataObject[] }).line ??
			[]) as unknown[];
	}
	const list = raw as unknown[];
	if (list.length === 0) throw new FieldError('lines', 'is empty', 'Add at least one line');
	return list.map((entry, n) => {
		if (!entry || typeof entry !== 'object')
			throw new FieldError(
				`lines[${n}]`,
				'must be an object',
				'Each line needs glAccountNo and amount',
			);
		const line = entry as IDataObject;
		const at = (key: string) => `lines[${n}].${key}`;
		return {
			glAccountNo: checkString(line.glAccountNo ?? line.glAccount, at('glAccountNo'), {
				required: true,
			}),
			amount: parseMoney(line.amount, at('amount'), {
				allowNegative: rules.allowNegative,
				allowZero: false,
			}),
			memo: checkString(line.memo, at('memo')) || undefined,
			locationId:
				checkString(line.locationId, at('locationId')) || rules.defaults?.locationId || undefined,
			departmentId:
				checkString(line.departmentId, at('departmentId')) ||
				rules.defaults?.departmentId ||
				undefined,
		};
	});
}

/** Legacy `lineitem` elements, in the XSD's order. */
export function lineItemsXml(lines: TransactionLine[], sign: 1 | -1 = 1): XmlObject[] {
	return lines.map((line) => ({
		glaccountno: line.glAccountNo,
		amount: formatMoney(line.amount * sign),
		memo: line.memo,
		locationid: line.locationId,
		departmentid: line.departmentId,
	}));
}

export function linesTotal(lines: TransactionLine[]): MinorUnits {
	return sumMoney(lines.map((l) => l.amount));
}
