import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { FieldError } from '../../shared/fieldError';
import {
	formatMoney,
	moneyFromApi,
	parseMoney,
	sumMoney,
	type MinorUnits,
} from '../../shared/money';
import { odataString, type Sage200Client } from '../transport/client';
import { customerLocator, numericId, readCompany, text } from './common';
import type { Sage200Operation, Show } from './operation';
import { readJsonArray } from '../../shared/jsonInput';

const show: Show = { resource: ['allocation'], operation: ['create'] };

const properties: INodeProperties[] = [
	customerLocator(show),
	{
		displayName: 'Credit Reference',
		name: 'creditReference',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show },
		description: 'Reference of the receipt or credit note to allocate from',
	},
	{
		displayName: 'Allocate To (JSON)',
		name: 'allocateToJson',
		type: 'json',
		required: true,
		default: '[{"reference":"INV-1001","amount":120}]',
		displayOptions: { show },
		description:
			'Invoices (or refunds) by reference, and the amount of the credit to allocate to each',
	},
];

interface Target {
	reference: string;
	amount: MinorUnits;
}

function readTargets(ctx: IExecuteFunctions, i: number): Target[] {
	const raw = readJsonArray(ctx, 'allocateToJson', i, '[{"reference":"INV-1001","amount":120}]', {
		nonEmpty: true,
	});
	return raw.map((entry, n) => {
		const e = (entry ?? {}) as IDataObject;
		const reference = String(e.reference ?? '').trim();
		if (!reference)
			throw new FieldError(
				`allocateTo[${n}].reference`,
				'is required',
				'Name the invoice by its reference',
			);
		return {
			reference,
			amount: parseMoney(e.amount, `allocateTo[${n}].amount`, { allowZero: false }),
		};
	});
}

/**
 * Allocates a receipt or credit note to invoices. Lines must net to zero (credit negative, debits
 * positive, spec §9.5); that is checked here before sending, with the outstanding amounts, so a
 * mistake is explained instead of a bare 400. A credit already fully allocated is reported as
 * such, so a re-run does not fail.
 */
export const allocation: Record<string, Sage200Operation> = {
	create: {
		description: properties,
		async prepare(this: IExecuteFunctions, i: number) {
			const company = readCompany(this, i);
			const customerId = numericId(text(this, 'customerId', i, true, 'customer'), 'customer');
			const creditReference = text(this, 'creditReference', i, true);
			const targets = readTargets(this, i);
			const total = sumMoney(targets.map((t) => t.amount));
			return async (client: Sage200Client) => {
				const refs = [creditReference, ...targets.map((t) => t.reference)];
				const filter = `customer_id eq ${customerId} and (${refs.map((r) => `reference eq ${odataString(r)}`).join(' or ')})`;
				const posted = await client.list('sales_posted_transactions', company, { filter });
				const credit = posted.find(
					(p) =>
						p.reference === creditReference &&
						moneyFromApi(p.document_outstanding_value) <= 0 &&
						moneyFromApi(p.document_gross_value) < 0,
				);
				if (!credit)
					throw new FieldError(
						'creditReference',
						`no receipt or credit note "${creditReference}" was found for customer ${customerId}`,
						'Post it first, or check the reference',
					);
				const available = -moneyFromApi(credit.document_outstanding_value);
				if (available === 0) return [{ ...credit, outcome: 'alreadyAllocated' }];
				if (total > available) {
					throw new FieldError(
						'allocateToJson',
						`allocates ${formatMoney(total)} but only ${formatMoney(available)} of ${creditReference} is unallocated`,
						'Allocate at most the outstanding amount',
					);
				}
				const lines: IDataObject[] = [
					{ posted_tran_id: credit.id, value_to_allocate: -Number(formatMoney(total)) },
				];
				for (const [n, target] of targets.entries()) {
					const debit = posted.find(
						(p) => p.reference === target.reference && moneyFromApi(p.document_gross_value) > 0,
					);
					if (!debit)
						throw new FieldError(
							`allocateTo[${n}].reference`,
							`invoice "${target.reference}" was not found for customer ${customerId}`,
							'Post the invoice first',
						);
					if (target.amount > moneyFromApi(debit.document_outstanding_value)) {
						throw new FieldError(
							`allocateTo[${n}].amount`,
							`${formatMoney(target.amount)} is more than the ${formatMoney(moneyFromApi(debit.document_outstanding_value))} outstanding on ${target.reference}`,
							'Allocate at most the outstanding amount',
						);
					}
					lines.push({
						posted_tran_id: debit.id,
						value_to_allocate: Number(formatMoney(target.amount)),
					});
				}
				const body = { customer_id: customerId, allocation_lines: lines };
				return [
					{
						...(await client.request('POST', 'sales_allocations', { body, company })),
						outcome: 'allocated',
					},
				];
			};
		},
	},
};
