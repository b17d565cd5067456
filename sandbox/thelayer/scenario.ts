/**
 * Builds business scenarios in The Layer sandbox through its API (the way The Layer's own users
 * create records): customers across sub-companies, finalised invoices, payments (partial and
 * multi-invoice), credit notes allocated to invoices, refunds. Deterministic: the same seed gives
 * the same records. Money is integer pence here and decimal strings on the wire. Used by the demo's
 * headless run (`scripts/run.sh --once`) and by the template end-to-end tests.
 */
import { seededRandom } from '../shared/random';

/** A JSON object as the API returns it. */
type IDataObject = Record<string, unknown>;

export interface LayerApi {
	url: string;
	credentials: { token1: string; token2: string };
}

export async function layerCall(
	api: LayerApi,
	method: string,
	path: string,
	body?: unknown,
): Promise<IDataObject> {
	const response = await fetch(`${api.url}/api/v1${path}`, {
		method,
		headers: {
			Token1: api.credentials.token1,
			Token2: api.credentials.token2,
			'Content-Type': 'application/json',
		},
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const json = (await response.json()) as IDataObject;
	if (!response.ok)
		throw new Error(`${method} ${path}: HTTP ${response.status} ${JSON.stringify(json)}`);
	return json;
}

const pounds = (pence: number) => Number((pence / 100).toFixed(2));

export interface ScenarioSize {
	customers: number;
	invoices: number;
	payments: number;
	creditNotes: number;
	refunds: number;
}

export const ISSUE_SCENARIO: ScenarioSize = {
	customers: 50,
	invoices: 200,
	payments: 150,
	creditNotes: 10,
	refunds: 5,
};

export interface ScenarioOptions {
	/** Sub-company per customer index and its currency, payment method and VAT rate. */
	subCompanies: Array<{ id: string; currency: string; paymentMethodId: string; vat: number }>;
	nominalCodes: string[];
	prefix: string;
	seed?: number;
}

/**
 * The demo Layer's two sub-companies (sandbox/thelayer/seed.ts: GBP and EUR, each with its payment
 * method and VAT rate) and the nominal codes the templates' mapping tables know.
 */
export const DEMO_LAYER_SETUP: Pick<ScenarioOptions, 'subCompanies' | 'nominalCodes'> = {
	subCompanies: [
		{ id: 'sub_0001', currency: 'GBP', paymentMethodId: 'pm_0001', vat: 20 },
		{ id: 'sub_0002', currency: 'EUR', paymentMethodId: 'pm_0003', vat: 23 },
	],
	nominalCodes: ['4000', '4010', '4020'],
};

export interface Scenario {
	customerIds: string[];
	invoices: number;
	payments: number;
	partialPayments: number;
	multiInvoicePayments: number;
	creditNotes: number;
	refunds: number;
}

/**
 * Creates the scenario. Every payment is fully allocated (to one invoice, part of one, or several);
 * each credit note is allocated to an invoice it fits; each refund pays back part of a payment.
 */
export async function buildScenario(
	api: LayerApi,
	size: ScenarioSize,
	options: ScenarioOptions,
): Promise<Scenario> {
	const rnd = seededRandom(options.seed ?? 7);
	const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)];
	const customers: Array<{ id: string; sub: ScenarioOptions['subCompanies'][number] }> = [];
	for (let n = 0; n < size.customers; n++) {
		const sub = options.subCompanies[n % options.subCompanies.length];
		const created = await layerCall(api, 'POST', '/customers', {
			companyName: `${options.prefix} Customer ${String(n + 1).padStart(3, '0')} Ltd`,
			email: `accounts${n + 1}@${options.prefix.toLowerCase()}-customer.test`,
			telephone: `+44 20 7946 ${String(1000 + n).slice(-4)}`,
			subCompanyId: sub.id,
			currency: sub.currency,
		});
		customers.push({ id: String(created.id), sub });
	}
	const open: Array<{ id: string; number: string; customer: number; due: number }> = [];
	for (let n = 0; n < size.invoices; n++) {
		const customer = n < customers.length ? n : Math.floor(rnd() * customers.length);
		const { sub } = customers[customer];
		const lines = Array.from({ length: 1 + Math.floor(rnd() * 3) }, (_, l) => ({
			description: `Service ${l + 1}`,
			quantity: 1 + Math.floor(rnd() * 4),
			unitPrice: pounds(500 + Math.floor(rnd() * 50_000)),
			discountPercent: rnd() < 0.2 ? 10 : 0,
			taxRate: sub.vat,
			nominalCode: pick(options.nominalCodes),
		}));
		const invoice = await layerCall(api, 'POST', '/invoices', {
			number: `${options.prefix}-INV-${String(n + 1).padStart(4, '0')}`,
			customerId: customers[customer].id,
			issueDate: `2025-0${1 + (n % 6)}-${String(1 + (n % 27)).padStart(2, '0')}`,
			status: 'finalised',
			lines,
		});
		open.push({
			id: String(invoice.id),
			number: String(invoice.number),
			customer,
			due: Math.round(Number(invoice.amountDue) * 100),
		});
	}
	let creditNotes = 0;
	for (const invoice of open.filter((_, n) => n % 17 === 3).slice(0, size.creditNotes)) {
		const { sub } = customers[invoice.customer];
		// A net amount whose VAT keeps the gross within what is due.
		const net = Math.max(100, Math.floor(invoice.due / (2 * (1 + sub.vat / 100))));
		// The sandbox's rule: VAT per line = net × rate, rounded half up to the penny.
		const total = net + Math.round((net * sub.vat) / 100);
		await layerCall(api, 'POST', '/credit-notes', {
			number: `${options.prefix}-CN-${String(++creditNotes).padStart(3, '0')}`,
			customerId: customers[invoice.customer].id,
			invoiceId: invoice.id,
			issueDate: '2025-07-01',
			reason: 'Goodwill credit',
			lines: [
				{
					description: 'Credit',
					quantity: 1,
					unitPrice: pounds(net),
					taxRate: sub.vat,
					nominalCode: options.nominalCodes[0],
				},
			],
			allocations: [{ invoiceId: invoice.id, amount: pounds(total) }],
		});
		invoice.due -= total;
	}
	let payments = 0;
	let partial = 0;
	let multi = 0;
	const paid: Array<{ id: string; customer: number; amount: number }> = [];
	const candidates = () => open.filter((i) => i.due > 0);
	while (payments < size.payments && candidates().length > 0) {
		const first = pick(candidates());
		const { sub } = customers[first.customer];
		const kind = payments % 5;
		const allocations: Array<{ invoiceId: string; amount: number }> = [];
		if (kind === 1 && first.due > 200) {
			const part = Math.floor(first.due * (0.3 + 0.4 * rnd()));
			allocations.push({ invoiceId: first.id, amount: part });
			partial++;
		} else {
			allocations.push({ invoiceId: first.id, amount: first.due });
			if (kind === 2) {
				const second = candidates().find((i) => i.customer === first.customer && i !== first);
				if (second) {
					allocations.push({ invoiceId: second.id, amount: second.due });
					multi++;
				}
			}
		}
		const amount = allocations.reduce((s, a) => s + a.amount, 0);
		const payment = await layerCall(api, 'POST', '/payments', {
			customerId: customers[first.customer].id,
			paymentMethodId: sub.paymentMethodId,
			amount: pounds(amount),
			date: '2025-08-01',
			reference: `${options.prefix}-PAY-${String(payments + 1).padStart(4, '0')}`,
			allocations: allocations.map((a) => ({ invoiceId: a.invoiceId, amount: pounds(a.amount) })),
		});
		for (const a of allocations) {
			const invoice = open.find((i) => i.id === a.invoiceId);
			if (invoice) invoice.due -= a.amount;
		}
		paid.push({ id: String(payment.id), customer: first.customer, amount });
		payments++;
	}
	let refunds = 0;
	for (const payment of paid.filter((_, n) => n % 11 === 5).slice(0, size.refunds)) {
		const { sub } = customers[payment.customer];
		await layerCall(api, 'POST', '/refunds', {
			number: `${options.prefix}-RF-${String(++refunds).padStart(3, '0')}`,
			customerId: customers[payment.customer].id,
			paymentMethodId: sub.paymentMethodId,
			amount: pounds(Math.max(1, Math.floor(payment.amount / 10))),
			date: '2025-09-01',
			paymentId: payment.id,
		});
	}
	return {
		customerIds: customers.map((c) => c.id),
		invoices: open.length,
		payments,
		partialPayments: partial,
		multiInvoicePayments: multi,
		creditNotes,
		refunds,
	};
}

/**
 * What each customer owes according to The Layer, in pence: invoices − payments − credit notes +
 * refunds, from the sandbox's records.
 */
export function layerBalances(records: {
	invoices: IDataObject[];
	payments: IDataObject[];
	creditNotes: IDataObject[];
	refunds: IDataObject[];
}): Map<string, number> {
	const balances = new Map<string, number>();
	const add = (customerId: unknown, pence: number) =>
		balances.set(String(customerId), (balances.get(String(customerId)) ?? 0) + pence);
	const pence = (value: unknown) => Math.round(Number(value) * 100);
	for (const i of records.invoices.filter((i) => i.status === 'finalised'))
		add(i.customerId, pence(i.grossTotal));
	for (const p of records.payments) add(p.customerId, -pence(p.amount));
	for (const c of records.creditNotes) add(c.customerId, -pence(c.grossTotal));
	for (const r of records.refunds) add(r.customerId, pence(r.amount));
	return balances;
}
