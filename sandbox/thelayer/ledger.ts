import { formatMoney, sumMoney } from '../shared/money';
import { lineAmounts, totalsOf } from './decimal';
import type { LayerStore } from './store';
import type { Allocation, Invoice, Line, Pence } from './types';
import type { BodyReader } from './validate';

/**
 * The money rules shared by invoices, credit notes, payments and Sage transactions: line
 * totals and allocations to invoices. Invoice amountPaid counts payments and credit notes.
 */

export const LINE_FIELDS = [
	'description',
	'itemCode',
	'quantity',
	'unitPrice',
	'discountPercent',
	'taxRate',
	'nominalCode',
] as const;
const LINE_READ_ONLY = ['id', 'netAmount', 'taxAmount', 'grossAmount'];
const MAX_QUANTITY = 1_000_000_000;

export function amountDue(invoice: Invoice): Pence {
	return totalsOf(invoice.lines).grossTotal - invoice.amountPaid;
}

/** Reads `lines` (at least one when required); ids are `<parentId>-<n>`. */
export function readLines(
	store: LayerStore,
	reader: BodyReader,
	required: boolean,
): ((parentId: string) => Line[]) | undefined {
	const items = reader.objects('lines', LINE_FIELDS, {
		required,
		minItems: 1,
		readOnly: LINE_READ_ONLY,
	});
	if (!items) return undefined;
	const inputs = items.map((line) => {
		const nominalCode = line.text('nominalCode', { nullable: true });
		if (typeof nominalCode === 'string') {
			const nominal = store.find('nominal-codes', (n) => n.code === nominalCode);
			if (!nominal) line.problem('nominalCode', `does not match any nominal code`);
			else if (!nominal.active) line.problem('nominalCode', `${nominalCode} is inactive`);
		}
		return {
			description: line.text('description', { required: true }),
			itemCode: line.text('itemCode', { nullable: true }) ?? null,
			quantity: line.decimal(
				'quantity',
				{ dp: 4, min: 0, max: MAX_QUANTITY, exclusiveMin: true },
				{ required: true },
			),
			unitPrice: line.money('unitPrice', 'any', { required: true }),
			discountPercent: line.decimal('discountPercent', { dp: 2, min: 0, max: 100 }) ?? 0,
			taxRate: line.decimal('taxRate', { dp: 2, min: 0, max: 100 }, { required: true }),
			nominalCode: nominalCode ?? null,
		};
	});
	// Only called once the request has no problems, so every field is present.
	return (parentId) =>
		inputs.map((input, index) =>
			buildLine(`${parentId}-${index + 1}`, {
				...input,
				description: input.description!,
				quantity: input.quantity!,
				unitPrice: input.unitPrice!,
				taxRate: input.taxRate!,
			}),
		);
}

export type LineFields = Omit<Line, 'id' | 'netAmount' | 'taxAmount' | 'grossAmount'>;

/** A line with its net, tax and gross worked out (see lineAmounts for the rounding rule). */
export function buildLine(id: string, fields: LineFields): Line {
	const amounts = lineAmounts(fields);
	return {
		id,
		...fields,
		netAmount: amounts.net,
		taxAmount: amounts.tax,
		grossAmount: amounts.gross,
	};
}

export interface AllocationScope {
	/** Invoices must belong to this customer; null = any customer, but all the same one. */
	customerId: string | null | undefined;
	currency: string | undefined;
	/** The most that may be allocated in total, e.g. the payment amount. */
	limit: { amount: Pence | undefined; label: string };
}

/**
 * Reads `[{ invoiceId, amount }]` under `key`. Each invoice must exist, be finalised, belong to
 * the customer, be in the currency and have at least that much due; each invoice once; the
 * total must not exceed the limit. Problems are recorded on the reader.
 */
export function readAllocations(
	store: LayerStore,
	reader: BodyReader,
	key: string,
	scope: AllocationScope,
	options: { required?: boolean; minItems?: number } = {},
): Allocation[] {
	const items = reader.objects(key, ['invoiceId', 'amount'], options) ?? [];
	const seen = new Set<string>();
	let customerId = scope.customerId;
	const result: Allocation[] = [];
	for (const item of items) {
		const invoiceId = item.text('invoiceId', { required: true });
		const amount = item.money('amount', 'positive', { required: true });
		if (invoiceId === undefined || invoiceId === null) continue;
		const invoice = store.get('invoices', invoiceId);
		if (!invoice) {
			item.problem('invoiceId', 'does not match any invoice');
			continue;
		}
		if (seen.has(invoiceId)) item.problem('invoiceId', 'is allocated more than once');
		seen.add(invoiceId);
		if (invoice.status !== 'finalised') item.problem('invoiceId', 'is a draft invoice');
		if (customerId === null) customerId = invoice.customerId;
		if (customerId !== undefined && invoice.customerId !== customerId) {
			item.problem('invoiceId', `belongs to customer ${invoice.customerId}, not ${customerId}`);
		}
		if (scope.currency !== undefined && invoice.currency !== scope.currency) {
			item.problem('invoiceId', `is in ${invoice.currency}, not ${scope.currency}`);
		}
		if (amount === undefined) continue;
		const due = amountDue(invoice);
		if (amount > due) {
			item.problem('amount', `exceeds the invoice's amount due ${formatMoney(due)}`);
		}
		result.push({ invoiceId, amount });
	}
	const total = sumMoney(result.map((a) => a.amount));
	if (scope.limit.amount !== undefined && total > scope.limit.amount) {
		reader.problem(
			key,
			`total ${formatMoney(total)} exceeds the ${scope.limit.label} ${formatMoney(scope.limit.amount)}`,
		);
	}
	return result;
}

/** Adds each allocation to its invoice's amountPaid (bumping the invoice's modifiedAt). */
export function applyAllocations(store: LayerStore, allocations: readonly Allocation[]): void {
	for (const { invoiceId, amount } of allocations) {
		const invoice = store.get('invoices', invoiceId)!;
		store.update('invoices', invoiceId, { amountPaid: invoice.amountPaid + amount });
	}
}
