import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { chunk } from '../../../shared/batch';
import { FieldError } from '../../../shared/fieldError';
import { parseMoney, type MinorUnits } from '../../../shared/money';
import type { IntacctClient } from '../../transport/client';
import { queryIn } from '../../transport/functions';
import { checkString, jsonParam } from './params';

/** An amount of a payment or credit applied to one invoice. */
export interface Application {
	invoice: string;
	amount: MinorUnits;
}

type Show = { resource: string[]; operation: string[] };

export function applicationProperties(show: Show): INodeProperties[] {
	return [
		{
			displayName: 'Invoices Identified By',
			name: 'invoiceKey',
			type: 'options',
			options: [
				{ name: 'Invoice Number', value: 'number', description: 'RECORDID, e.g. INV-1001' },
				{ name: 'Record Number', value: 'recordNo', description: 'RECORDNO' },
			],
			default: 'number',
			displayOptions: { show },
		},
		{
			displayName: 'Apply To Input',
			name: 'applyInput',
			type: 'options',
			options: [
				{ name: 'Define Below', value: 'fields' },
				{ name: 'From JSON', value: 'json', description: 'An array of {invoice, amount}' },
			],
			default: 'fields',
			displayOptions: { show },
		},
		{
			displayName: 'Apply To',
			name: 'applyTo',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			placeholder: 'Add Invoice',
			displayOptions: { show: { ...show, applyInput: ['fields'] } },
			options: [
				{
					displayName: 'Invoice',
					name: 'invoice',
					values: [
						{ displayName: 'Invoice', name: 'invoice', type: 'string', default: '' },
						{
							displayName: 'Amount',
							name: 'amount',
							type: 'number',
							typeOptions: { numberPrecision: 2 },
							default: 0,
						},
					],
				},
			],
		},
		{
			displayName: 'Apply To (JSON)',
			name: 'applyToJson',
			type: 'json',
			default: '[]',
			displayOptions: { show: { ...show, applyInput: ['json'] } },
		},
	];
}

export function readApplications(ctx: IExecuteFunctions, itemIndex: number): Application[] {
	const mode = ctx.getNodeParameter('applyInput', itemIndex, 'fields') as string;
	const raw =
		mode === 'json'
			? jsonParam(ctx, 'applyToJson', itemIndex, 'applyToJson')
			: ((ctx.getNodeParameter('applyTo', itemIndex, {}) as { invoice?: IDataObject[] }).invoice ??
				[]);
	if (!Array.isArray(raw) || raw.length === 0) {
		throw new FieldError(
			'applyTo',
			'lists no invoices',
			'Add at least one invoice and the amount applied to it',
		);
	}
	return raw.map((entry, n) => {
		const e = (entry ?? {}) as IDataObject;
		return {
			invoice: checkString(e.invoice ?? e.invoiceNo ?? e.recordNo, `applyTo[${n}].invoice`, {
				required: true,
			}),
			amount: parseMoney(e.amount, `applyTo[${n}].amount`, { allowZero: false }),
		};
	});
}

/** Invoice numbers → RECORDNOs, one readByQuery per 100 numbers. Unknown numbers are left out. */
export async function resolveInvoiceRecordNos(
	client: IntacctClient,
	numbers: string[],
): Promise<Map<string, string>> {
	const map = new Map<string, string>();
	for (const part of chunk([...new Set(numbers)], 100)) {
		const records = await client.readByQueryAll(
			'ARINVOICE',
			'RECORDNO,RECORDID',
			queryIn('RECORDID', part),
		);
		for (const r of records) map.set(String(r.RECORDID), String(r.RECORDNO));
	}
	return map;
}

export function recordNoFor(
	application: Application,
	keyMode: string,
	map: Map<string, string>,
	n: number,
): string {
	if (keyMode === 'recordNo') {
		if (!/^\d+$/.test(application.invoice))
			throw new FieldError(
				`applyTo[${n}].invoice`,
				`"${application.invoice}" is not a record number`,
				'Use the numeric RECORDNO, or identify invoices by number',
			);
		return application.invoice;
	}
	const recordNo = map.get(application.invoice);
	if (!recordNo)
		throw new FieldError(
			`applyTo[${n}].invoice`,
			`invoice ${application.invoice} was not found in Intacct`,
			'Sync the invoice first, or check its number',
		);
	return recordNo;
}
