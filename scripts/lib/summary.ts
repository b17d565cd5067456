/**
 * The reconciliation summary of a sync run, read from the sandboxes' control APIs: records synced
 * per type, what each customer owes in The Layer and in Sage (to the penny), and what is waiting
 * for a person (records with a Last Sync Error, unreconciled Sage transactions).
 */
import { layerBalances } from '../../sandbox/thelayer/scenario';

type Json = Record<string, unknown>;

async function control(url: string): Promise<Json[]> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
	return (await response.json()) as Json[];
}

const pence = (value: unknown) => Math.round(Number(value ?? 0) * 100);
const money = (p: number) => (p / 100).toFixed(2);

export interface SyncSummary {
	sage: string;
	synced: Record<string, string>;
	balances: { customers: number; equal: number; layerTotal: string; sageTotal: string };
	mismatches: Array<{ customerId: string; layer: string; sage: string }>;
	queued: Array<{ type: string; id: string; reason: string }>;
	balanced: boolean;
}

async function layerState(layerUrl: string) {
	const get = (c: string) => control(`${layerUrl}/__sandbox/records/${c}`);
	return {
		customers: await get('customers'),
		invoices: await get('invoices'),
		payments: await get('payments'),
		creditNotes: await get('credit-notes'),
		refunds: await get('refunds'),
		sageTransactions: await get('sage-transactions'),
	};
}

function summarize(
	sage: string,
	layer: Awaited<ReturnType<typeof layerState>>,
	sageOwes: Map<string, number>,
): SyncSummary {
	const isSynced = (r: Json) => (r.sage as Json | undefined)?.synced === true;
	const count = (list: Json[]) => `${list.filter(isSynced).length}/${list.length}`;
	const finalised = layer.invoices.filter((i) => i.status === 'finalised');
	const layerOwes = layerBalances({
		invoices: finalised.filter(isSynced),
		payments: layer.payments,
		creditNotes: layer.creditNotes,
		refunds: layer.refunds,
	});
	const linked = layer.customers.filter(isSynced).map((c) => String(c.id));
	const mismatches = linked
		.map((id) => ({ customerId: id, layer: layerOwes.get(id) ?? 0, sage: sageOwes.get(id) ?? 0 }))
		.filter((b) => b.layer !== b.sage)
		.map((b) => ({ customerId: b.customerId, layer: money(b.layer), sage: money(b.sage) }));
	const currencyOf = new Map(layer.customers.map((c) => [String(c.id), String(c.currency ?? '')]));
	/** Totals per currency, e.g. "GBP 1200.00, EUR 45.10": a customer owes in its own currency. */
	const total = (map: Map<string, number>) => {
		const sums = new Map<string, number>();
		for (const id of linked) {
			const currency = currencyOf.get(id) ?? '';
			sums.set(currency, (sums.get(currency) ?? 0) + (map.get(id) ?? 0));
		}
		return [...sums].map(([currency, p]) => `${currency} ${money(p)}`).join(', ');
	};
	const queued = [
		...(
			[
				['customer', layer.customers],
				['invoice', finalised],
				['payment', layer.payments],
				['credit note', layer.creditNotes],
				['refund', layer.refunds],
			] as Array<[string, Json[]]>
		).flatMap(([type, list]) =>
			list
				.filter((r) => (r.sage as Json | undefined)?.lastSyncError)
				.map((r) => ({ type, id: String(r.id), reason: String((r.sage as Json).lastSyncError) })),
		),
		...layer.sageTransactions
			.filter((t) => t.reconciled !== true)
			.map((t) => ({
				type: 'unreconciled Sage transaction',
				id: `${String(t.sageSystem)} ${String(t.sageTransactionId)}`,
				reason: `${money(pence(t.amount))} ${String(t.currency)} from ${String(t.sageCustomerId ?? t.customerId ?? '?')}, ref ${String(t.reference ?? '')}`,
			})),
	];
	return {
		sage,
		synced: {
			customers: count(layer.customers),
			invoices: count(finalised),
			payments: count(layer.payments),
			creditNotes: count(layer.creditNotes),
			refunds: count(layer.refunds),
			sageTransactionsReconciled: `${layer.sageTransactions.filter((t) => t.reconciled === true).length}/${layer.sageTransactions.length}`,
		},
		balances: {
			customers: linked.length,
			equal: linked.length - mismatches.length,
			layerTotal: total(layerOwes),
			sageTotal: total(sageOwes),
		},
		mismatches,
		queued,
		balanced: mismatches.length === 0,
	};
}

/** Layer vs Intacct: open invoices and memos less unapplied payments, per linked customer. */
export async function intacctSummary(layerUrl: string, intacctUrl: string): Promise<SyncSummary> {
	const layer = await layerState(layerUrl);
	const byCustomerId = new Map<string, number>();
	const add = (id: unknown, p: number) =>
		byCustomerId.set(String(id), (byCustomerId.get(String(id)) ?? 0) + p);
	const get = (o: string) => control(`${intacctUrl}/__sandbox/records/${o}`);
	for (const i of await get('ARINVOICE')) add(i.CUSTOMERID, pence(i.TOTALDUE));
	for (const a of await get('ARADJUSTMENT')) add(a.CUSTOMERID, pence(a.TOTALDUE));
	for (const p of await get('ARPYMT')) add(p.CUSTOMERID, -Math.abs(pence(p.TOTALDUE)));
	const owes = new Map<string, number>();
	for (const c of layer.customers) {
		const link = c.sage as Json;
		if (link.synced === true)
			owes.set(String(c.id), byCustomerId.get(String(link.sageCustomerId)) ?? 0);
	}
	return summarize('Sage Intacct', layer, owes);
}

/** Layer vs Sage 200: each linked customer's balance in its company. */
export async function sage200Summary(layerUrl: string, sage200Url: string): Promise<SyncSummary> {
	const layer = await layerState(layerUrl);
	const owes = new Map<string, number>();
	const cache = new Map<string, Json[]>();
	for (const c of layer.customers) {
		const link = c.sage as Json;
		if (link.synced !== true) continue;
		const company = String(link.sageCompany).split(':')[1];
		if (!cache.has(company))
			cache.set(
				company,
				await control(`${sage200Url}/__sandbox/records/customers?company=${company}`),
			);
		const found = cache.get(company)?.find((s) => String(s.id) === String(link.sageCustomerId));
		owes.set(String(c.id), pence(found?.balance));
	}
	return summarize('Sage 200', layer, owes);
}

/** The summary as a few readable lines. */
export function formatSummary(s: SyncSummary): string {
	const lines = [
		`${s.sage}: synced ${Object.entries(s.synced)
			.map(([k, v]) => `${k} ${v}`)
			.join(', ')}`,
		`  balances: ${s.balances.equal}/${s.balances.customers} linked customers equal to the penny; The Layer ${s.balances.layerTotal}, Sage ${s.balances.sageTotal}`,
		...s.mismatches.map((m) => `  MISMATCH ${m.customerId}: The Layer ${m.layer}, Sage ${m.sage}`),
		`  queued for a person: ${s.queued.length}`,
		...s.queued.slice(0, 10).map((q) => `    ${q.type} ${q.id}: ${q.reason}`),
	];
	return lines.join('\n');
}

/**
 * Exactly-once accounting of a sync, for the soak and queue-mode runs: Layer records whose Sage
 * link points at nothing (lost), Sage records written more than once for one business key
 * (duplicated), records still unsynced, and linked customers whose balances differ.
 */
export interface ExactlyOnce {
	records: number;
	unsynced: number;
	lost: number;
	duplicated: number;
	customersDuplicated: number;
	balanceDifferences: number;
}

const transactionsOf = (layer: Awaited<ReturnType<typeof layerState>>) =>
	[
		...layer.invoices.filter((i) => i.status === 'finalised'),
		...layer.payments,
		...layer.creditNotes,
		...layer.refunds,
	].filter((r) => r.status !== 'draft');

function exactlyOnce(
	layer: Awaited<ReturnType<typeof layerState>>,
	sageIds: Set<string>,
	businessKeys: string[],
	customerKeys: string[],
	balanceDifferences: number,
): ExactlyOnce {
	const records = transactionsOf(layer);
	const link = (r: Json) => (r.sage as Json | undefined) ?? {};
	const extra = (keys: string[]) => keys.length - new Set(keys).size;
	return {
		records: records.length,
		unsynced: records.filter((r) => link(r).synced !== true).length,
		lost: records.filter((r) => !sageIds.has(String(link(r).sageTransactionId))).length,
		duplicated: extra(businessKeys),
		customersDuplicated: extra(customerKeys),
		balanceDifferences,
	};
}

export async function intacctExactlyOnce(
	layerUrl: string,
	intacctUrl: string,
): Promise<ExactlyOnce> {
	const layer = await layerState(layerUrl);
	const get = (o: string) => control(`${intacctUrl}/__sandbox/records/${o}`);
	const [invoices, payments, adjustments, customers] = await Promise.all([
		get('ARINVOICE'),
		get('ARPYMT'),
		get('ARADJUSTMENT'),
		get('CUSTOMER'),
	]);
	const ids = new Set([...invoices, ...payments, ...adjustments].map((r) => String(r.RECORDNO)));
	const keys = [
		...invoices.map((r) => `ARINVOICE|${String(r.RECORDID)}`),
		...payments.map((r) => `ARPYMT|${String(r.DOCNUMBER)}`),
		...adjustments.map((r) => `ARADJUSTMENT|${String(r.RECORDID)}`),
	];
	const summary = await intacctSummary(layerUrl, intacctUrl);
	return exactlyOnce(
		layer,
		ids,
		keys,
		customers.map((c) => String(c.NAME)),
		summary.mismatches.length,
	);
}

export async function sage200ExactlyOnce(
	layerUrl: string,
	sage200Url: string,
): Promise<ExactlyOnce> {
	const layer = await layerState(layerUrl);
	const companies = new Set(
		layer.customers
			.map((c) => String((c.sage as Json | undefined)?.sageCompany ?? '').split(':')[1])
			.filter(Boolean),
	);
	const ids = new Set<string>();
	const keys: string[] = [];
	const customerKeys: string[] = [];
	for (const company of companies) {
		const get = (c: string) => control(`${sage200Url}/__sandbox/records/${c}?company=${company}`);
		for (const p of await get('sales_posted_transactions')) {
			ids.add(`${company}/${String(p.id)}`);
			keys.push(`${company}|${String(p.trader_transaction_type)}|${String(p.reference)}`);
		}
		for (const c of await get('customers')) customerKeys.push(`${company}|${String(c.reference)}`);
	}
	const summary = await sage200Summary(layerUrl, sage200Url);
	return exactlyOnce(layer, ids, keys, customerKeys, summary.mismatches.length);
}
