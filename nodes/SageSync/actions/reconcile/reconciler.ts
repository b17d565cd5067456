import { formatMoney, sumMoney, type MinorUnits } from '../../../shared/money';
import { numberKey, type CreditNote, type Invoice, type Ledger } from './ledger';

export type Method = 'allocation' | 'reference' | 'amount';

/** A receipt from Sage (The Layer's Sage transaction), its money in minor units. */
export interface Receipt {
	label: string;
	customerId: string;
	currency: string;
	amount: MinorUnits;
	reference: string;
	/** What Sage said it was allocated to; empty = unallocated. */
	allocations: Array<{ invoiceNumber: string; minor: MinorUnits }>;
	type: string;
	reconciled: boolean;
}

export interface Matched {
	outcome: 'matched';
	method: Method;
	customerId: string;
	currency: string;
	amount: MinorUnits;
	allocations: Array<{
		invoice: Invoice;
		minor: MinorUnits;
		before: MinorUnits;
		after: MinorUnits;
	}>;
	credits: Array<{ credit: CreditNote; invoice: Invoice; minor: MinorUnits }>;
	/** Received but not allocated to any invoice (an over-payment), left on account. */
	onAccount: MinorUnits;
}

export interface Review {
	outcome: 'needsReview';
	method?: Method;
	reason: string;
	candidates: Invoice[];
}

export interface Unallocated {
	outcome: 'unallocated';
	reason: string;
}

export type Result = Matched | Review | Unallocated;

interface Plan {
	method: Method;
	parts: Array<{ invoice: Invoice; minor: MinorUnits }>;
}

const review = (reason: string, method?: Method, candidates: Invoice[] = []): Review => ({
	outcome: 'needsReview',
	method,
	reason,
	candidates,
});

const fmt = (minor: MinorUnits, currency: string) => `${formatMoney(minor)} ${currency}`;

/** The invoices must belong to the receipt's customer (or, without one, to one customer) and currency. */
function checkOwnership(r: Receipt, invoices: Invoice[], method: Method): Review | undefined {
	for (const invoice of invoices) {
		if (r.customerId && invoice.customerId !== r.customerId)
			return review(
				`invoice ${invoice.number} belongs to customer ${invoice.customerId}, the receipt to ${r.customerId}`,
				method,
				invoices,
			);
		if (invoice.currency !== r.currency)
			return review(
				`invoice ${invoice.number} is in ${invoice.currency}, the receipt in ${r.currency}`,
				method,
				invoices,
			);
	}
	if (new Set(invoices.map((i) => i.customerId)).size > 1)
		return review('the invoices belong to different customers', method, invoices);
	return undefined;
}

/** Sage's own allocation, taken as it is, provided The Layer has that much outstanding. */
function byAllocation(r: Receipt, ledger: Ledger): Plan | Review | undefined {
	if (r.allocations.length === 0) return undefined;
	const parts = new Map<Invoice, MinorUnits>();
	for (const a of r.allocations) {
		const found = ledger
			.byNumber(a.invoiceNumber)
			.filter((i) => numberKey(i.number) === numberKey(a.invoiceNumber));
		if (found.length !== 1)
			return review(
				found.length === 0
					? `Sage allocated ${fmt(a.minor, r.currency)} to invoice ${a.invoiceNumber}, which is not among the Layer invoices`
					: `${found.length} Layer invoices are numbered ${a.invoiceNumber}`,
				'allocation',
				found,
			);
		parts.set(found[0], (parts.get(found[0]) ?? 0) + a.minor);
	}
	const invoices = [...parts.keys()];
	const wrong = checkOwnership(r, invoices, 'allocation');
	if (wrong) return wrong;
	for (const [invoice, minor] of parts) {
		if (minor > invoice.outstanding)
			return review(
				`Sage allocated ${fmt(minor, r.currency)} to invoice ${invoice.number}, but ${fmt(invoice.outstanding, r.currency)} is outstanding in The Layer`,
				'allocation',
				[invoice],
			);
	}
	const total = sumMoney([...parts.values()]);
	if (total > r.amount)
		return review(
			`Sage allocated ${fmt(total, r.currency)} of a ${fmt(r.amount, r.currency)} receipt`,
			'allocation',
			invoices,
		);
	return {
		method: 'allocation',
		parts: [...parts].map(([invoice, minor]) => ({ invoice, minor })),
	};
}

/** Invoice numbers (or invoice references) named in the receipt's reference, paid in that order. */
function byReference(r: Receipt, ledger: Ledger): Plan | Review | undefined {
	const tokens = [
		r.reference,
		...r.reference
			.split(/[\s,;:()[\]{}]+/)
			.map((t) => t.replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '')),
	].filter(Boolean);
	const named = [...new Set(tokens.flatMap((t) => ledger.byNumber(t)))];
	if (named.length === 0) return undefined;
	const mine = r.customerId ? named.filter((i) => i.customerId === r.customerId) : named;
	const wrong = checkOwnership(r, mine.length ? mine : named, 'reference');
	if (wrong) return wrong;
	const open = mine.filter((i) => i.outstanding > 0);
	if (open.length === 0)
		return review(
			`the reference names ${mine.map((i) => i.number).join(', ')}, with nothing outstanding`,
			'reference',
			mine,
		);
	let remaining = r.amount;
	const parts: Plan['parts'] = [];
	for (const invoice of open) {
		if (remaining === 0) break;
		const minor = Math.min(remaining, invoice.outstanding);
		parts.push({ invoice, minor });
		remaining -= minor;
	}
	return { method: 'reference', parts };
}

/** The one open invoice of the customer for exactly this amount (or this amount once its credit notes apply), or all of them when they add up to it. */
function byAmount(r: Receipt, ledger: Ledger): Plan | Review | undefined {
	if (!r.customerId) return undefined;
	const open = ledger.openFor(r.customerId, r.currency);
	const netOfCredit = (i: Invoice) =>
		i.outstanding - Math.min(i.outstanding, ledger.creditAvailable(i));
	for (const [kind, candidates] of [
		['outstanding', open.filter((i) => i.outstanding === r.amount)],
		[
			'outstanding after credit notes',
			open.filter((i) => i.outstanding !== r.amount && netOfCredit(i) === r.amount),
		],
	] as const) {
		if (candidates.length === 1)
			return { method: 'amount', parts: [{ invoice: candidates[0], minor: r.amount }] };
		if (candidates.length > 1)
			return review(
				`${candidates.length} open invoices have ${fmt(r.amount, r.currency)} ${kind}`,
				'amount',
				candidates,
			);
	}
	if (open.length > 1 && sumMoney(open.map((i) => i.outstanding)) === r.amount)
		return {
			method: 'amount',
			parts: open.map((invoice) => ({ invoice, minor: invoice.outstanding })),
		};
	return undefined;
}

/**
 * Books the plan: each invoice's outstanding falls by the receipt's part; an unapplied credit note
 * raised against the invoice is applied when, with the receipt, it settles the invoice; what is
 * left of the receipt goes on account.
 */
function commit(r: Receipt, plan: Plan, ledger: Ledger): Matched {
	const matched: Matched = {
		outcome: 'matched',
		method: plan.method,
		customerId: r.customerId || plan.parts[0].invoice.customerId,
		currency: r.currency,
		amount: r.amount,
		allocations: [],
		credits: [],
		onAccount: r.amount - sumMoney(plan.parts.map((p) => p.minor)),
	};
	for (const { invoice, minor } of plan.parts) {
		const before = invoice.outstanding;
		invoice.outstanding -= minor;
		if (invoice.outstanding > 0 && ledger.creditAvailable(invoice) >= invoice.outstanding) {
			for (const credit of ledger.creditsFor(invoice)) {
				const take = Math.min(credit.available, invoice.outstanding);
				if (take === 0) break;
				credit.available -= take;
				invoice.outstanding -= take;
				matched.credits.push({ credit, invoice, minor: take });
			}
		}
		matched.allocations.push({ invoice, minor, before, after: invoice.outstanding });
	}
	return matched;
}

const PLANNERS: Record<Method, (r: Receipt, ledger: Ledger) => Plan | Review | undefined> = {
	allocation: byAllocation,
	reference: byReference,
	amount: byAmount,
};

/**
 * Reconciles receipts to invoices, one method at a time over all receipts, in priority order
 * (Sage's allocation, then invoice number / reference, then exact amount), so a receipt Sage
 * allocated is never beaten to an invoice by a guess.
 */
export function reconcile(receipts: Receipt[], ledger: Ledger, methods: Method[]): Result[] {
	const results: Array<Result | undefined> = receipts.map((r) => {
		if (r.reconciled) return review('already reconciled in The Layer');
		if (r.type === 'refund') return review('a refund: reconcile it against its credit by hand');
		return undefined;
	});
	for (const method of (['allocation', 'reference', 'amount'] as const).filter((m) =>
		methods.includes(m),
	)) {
		receipts.forEach((r, i) => {
			if (results[i]) return;
			const attempt = PLANNERS[method](r, ledger);
			if (!attempt) return;
			results[i] = 'outcome' in attempt ? attempt : commit(r, attempt, ledger);
		});
	}
	return receipts.map(
		(r, i) =>
			results[i] ?? {
				outcome: 'unallocated',
				reason: r.allocations.length
					? 'Sage allocated it, but allocation matching is off and nothing else matched'
					: 'no allocation in Sage, and no invoice matched its reference or amount',
			},
	);
}
