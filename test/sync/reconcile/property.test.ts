import type { IDataObject } from 'n8n-workflow';

import { parseMoney } from '../../../nodes/shared/money';
import type { Method, Receipt } from '../../../nodes/SageSync/actions/reconcile/reconciler';
import { int, pick, prng } from '../helpers';
import { run } from './fixtures';

const minor = (value: unknown) => parseMoney(value, 'amount', { allowNegative: true });
const money = (pence: number) => pence / 100;

interface Case {
	invoices: IDataObject[];
	credits: IDataObject[];
	receipts: Receipt[];
	methods: Method[];
}

function randomCase(rand: () => number): Case {
	const customers = ['cus_1', 'cus_2', 'cus_3'].slice(0, int(rand, 1, 3));
	const currencies = ['GBP', 'EUR'].slice(0, int(rand, 1, 2));
	const amounts = [1000, 2500, 9999, 12000, 12000, 50, 1];
	const invoices = Array.from({ length: int(rand, 0, 8) }, (_, n) => ({
		id: `inv_${n}`,
		number: `INV-${n}`,
		status: rand() < 0.1 ? 'draft' : 'finalised',
		customerId: pick(rand, customers),
		currency: pick(rand, currencies),
		reference: rand() < 0.2 ? `PO-${int(rand, 1, 3)}` : null,
		amountDue: money(rand() < 0.5 ? pick(rand, amounts) : rand() < 0.1 ? 0 : int(rand, 1, 50000)),
	}));
	const credits = Array.from({ length: int(rand, 0, 3) }, (_, n) => {
		const invoice = invoices.length ? pick(rand, invoices) : undefined;
		return {
			id: `crn_${n}`,
			number: `CRN-${n}`,
			customerId: invoice?.customerId ?? 'cus_1',
			invoiceId: invoice && rand() < 0.8 ? invoice.id : null,
			currency: invoice?.currency ?? 'GBP',
			grossTotal: money(int(rand, 1, 20000)),
			allocations: rand() < 0.3 ? [{ amount: money(int(rand, 1, 500)) }] : [],
		};
	});
	const receipts = Array.from({ length: int(rand, 1, 6) }, (): Receipt => {
		const named = invoices.length
			? Array.from({ length: int(rand, 0, 3) }, () => pick(rand, invoices))
			: [];
		const amount =
			rand() < 0.4 && invoices.length
				? Math.max(
						1,
						minor(pick(rand, invoices).amountDue) - (rand() < 0.3 ? int(rand, 0, 2000) : 0),
					)
				: int(rand, 1, 60000);
		return {
			label: 'receipt',
			customerId: rand() < 0.15 ? '' : pick(rand, customers),
			currency: pick(rand, currencies),
			amount,
			reference:
				rand() < 0.5
					? named.map((i) => (rand() < 0.8 ? i.number : `${i.reference ?? 'x'}`)).join(' ')
					: 'BACS',
			allocations:
				rand() < 0.5
					? named.map((i) => ({
							invoiceNumber: rand() < 0.9 ? i.number : 'INV-404',
							minor: rand() < 0.6 ? Math.max(1, minor(i.amountDue)) : int(rand, 1, 30000),
						}))
					: [],
			type: rand() < 0.05 ? 'refund' : 'receipt',
			reconciled: rand() < 0.05,
		};
	});
	const methods = (['allocation', 'reference', 'amount'] as Method[]).filter(() => rand() < 0.85);
	return { invoices, credits, receipts, methods };
}

describe('Reconcile › property: allocations never exceed the money and always net to zero', () => {
	it('holds over 5,000 random runs (seeded)', () => {
		const rand = prng(7_2025);
		let matched = 0;
		const seen = {
			allocation: 0,
			reference: 0,
			amount: 0,
			partial: 0,
			onAccount: 0,
			credit: 0,
			multi: 0,
		};
		for (let n = 0; n < 5000; n++) {
			const c = randomCase(rand);
			const results = run(c.receipts, c.invoices, c.credits, c.methods);
			if (results.length !== c.receipts.length)
				throw new Error(`case ${n}: one result per receipt`);
			const toInvoice = new Map<string, number>();
			const fromCredit = new Map<string, number>();
			results.forEach((result, i) => {
				if (result.outcome !== 'matched') return;
				matched++;
				seen[result.method as Method]++;
				const r = c.receipts[i];
				const allocations = result.allocations as IDataObject[];
				const fromReceipt = allocations.reduce((sum, a) => sum + minor(a.amount), 0);
				if (allocations.some((a) => minor(a.amount) <= 0))
					throw new Error(`case ${n}: non-positive allocation`);
				if (fromReceipt > r.amount) throw new Error(`case ${n}: receipt ${i} over-allocated`);
				if (fromReceipt + minor(result.onAccount) !== r.amount)
					throw new Error(`case ${n}: on account`);
				const lines = result.lines as IDataObject[];
				if (lines.reduce((sum, l) => sum + minor(l.amount), 0) !== 0)
					throw new Error(`case ${n}: lines do not net to zero`);
				if (lines.some((l) => l.currency !== r.currency)) throw new Error(`case ${n}: currency`);
				if (allocations.some((a) => a.partial)) seen.partial++;
				if (minor(result.onAccount) > 0) seen.onAccount++;
				if ((result.creditNotes as IDataObject[]).length) seen.credit++;
				if (allocations.length > 1) seen.multi++;
				for (const a of allocations) {
					const invoice = c.invoices.find((x) => x.id === a.invoiceId)!;
					if (invoice.customerId !== result.customerId || invoice.currency !== r.currency)
						throw new Error(`case ${n}: allocated to another customer's or currency's invoice`);
					toInvoice.set(
						String(a.invoiceId),
						(toInvoice.get(String(a.invoiceId)) ?? 0) + minor(a.amount),
					);
				}
				for (const cn of result.creditNotes as IDataObject[]) {
					toInvoice.set(
						String(cn.invoiceId),
						(toInvoice.get(String(cn.invoiceId)) ?? 0) + minor(cn.amount),
					);
					fromCredit.set(
						String(cn.creditNoteId),
						(fromCredit.get(String(cn.creditNoteId)) ?? 0) + minor(cn.amount),
					);
				}
			});
			for (const [id, total] of toInvoice) {
				const invoice = c.invoices.find((x) => x.id === id)!;
				const outstanding = invoice.status === 'draft' ? 0 : Math.max(0, minor(invoice.amountDue));
				if (total > outstanding)
					throw new Error(`case ${n}: invoice ${id} over-allocated (${total} > ${outstanding})`);
			}
			for (const [id, total] of fromCredit) {
				const credit = c.credits.find((x) => x.id === id)!;
				const applied = (credit.allocations as IDataObject[]).reduce(
					(sum, a) => sum + minor(a.amount),
					0,
				);
				if (total > minor(credit.grossTotal) - applied)
					throw new Error(`case ${n}: credit note ${id} over-applied`);
			}
		}
		// The random cases must exercise every kind of match, not just refuse everything.
		expect(matched).toBeGreaterThan(1500);
		for (const count of Object.values(seen)) expect(count).toBeGreaterThan(50);
	});
});
