import { badRequest } from '../errors';
import { asArray, asObject, date, int, money, readRow } from '../fields';
import type { Specs } from '../fields';
import { allocate } from '../ledger';
import type { AllocationLine } from '../ledger';
import { ok } from '../route';
import type { CompanyRoute } from '../route';
import { sageDate, toAmount } from '../values';
import { customerOf } from './postings';

/**
 * `POST /sales_allocations` (spec §9.5): `allocation_lines` name posted transactions by `id`
 * (not URN) with signed `value_to_allocate`; they must net to zero. Answers the allocation
 * with its defaults filled in.
 */
const ALLOCATION_FIELDS: Specs = {
	customer_id: int({ required: true }),
	allocation_date: date(),
};

const LINE_FIELDS: Specs = {
	posted_tran_id: int({ required: true }),
	value_to_allocate: money({ required: true }),
};

export const allocationRoutes: CompanyRoute[] = [
	{
		method: 'POST',
		path: '/sales_allocations',
		operationId: 'PostSalesAllocation',
		scope: 'company',
		handle: ({ company, body }) => {
			const row = readRow(ALLOCATION_FIELDS, body, { create: true });
			const source = asObject(body, '');
			if (source.allocation_lines == null) {
				throw badRequest(`The field 'allocation_lines' is required.`);
			}
			const customer = customerOf(company, row.customer_id);
			const seen = new Set<number>();
			const lines: AllocationLine[] = asArray(source.allocation_lines, 'allocation_lines').map(
				(raw, i) => {
					const path = `allocation_lines[${i}]`;
					const line = readRow(LINE_FIELDS, raw, { create: true, path });
					const id = line.posted_tran_id as number;
					const transaction = company.transactions.get(id);
					if (!transaction || transaction.customer_id !== customer.id) {
						throw badRequest(
							`Sales posted transaction record not found for ${path}.posted_tran_id ${id} on customer ${customer.id}.`,
						);
					}
					if (seen.has(id))
						throw badRequest(`The posted transaction ${id} appears twice in allocation_lines.`);
					seen.add(id);
					return { transaction, value: line.value_to_allocate as number, path };
				},
			);
			const day = (row.allocation_date as string | null) ?? company.today();
			allocate(company, lines, day);
			return ok({
				customer_id: customer.id,
				allocation_date: sageDate(day),
				allocation_lines: lines.map((l) => ({
					posted_tran_id: l.transaction.id,
					value_to_allocate: toAmount(l.value),
				})),
			});
		},
	},
];
