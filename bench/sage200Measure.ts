/**
 * Sage 200 call efficiency, shared by bench/sage200.bench.ts and its CI test. Sage 200 has no batch
 * endpoint and no idempotency key, so the lower bound for N receipts is N POSTs; exactly-once
 * posting adds a lookup by reference before each POST and a read of the posted transaction after
 * it (3 calls a posting). Reads page with $top, so N records need ceil(N / pageSize) calls.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { startSage200Sandbox, type Sage200Sandbox } from '../sandbox/sage200/server';
import { createCustomer } from '../sandbox/sage200/resources/customerModel';
import { rl, runSage200, sage200Credentials } from '../test/sage200/helpers';
import { ratio, type Ratio } from './intacctMeasure';

export interface Sage200Measurement {
	operation: string;
	n: number;
	calls: Ratio;
	/** Calls per record, the number to watch. */
	perRecord: number;
	wallMs: number;
	latencyBoundMs: number;
}

export interface Sage200Bench {
	sandbox: Sage200Sandbox;
	credentials: ICredentialDataDecryptedObject;
	company: string;
	customerId: string;
	bankId: string;
}

export async function startSage200Bench(latencyMs: number): Promise<Sage200Bench> {
	const sandbox = await startSage200Sandbox({ port: 0, latencyMs });
	const credentials = await sage200Credentials(sandbox);
	const sites = await runSage200(credentials, { resource: 'site', operation: 'getAll' });
	const company = String(sites.items[0].company);
	const customer = await runSage200(credentials, {
		company,
		resource: 'customer',
		operation: 'create',
		reference: 'BENCH',
		name: 'Bench Ltd',
	});
	const banks = await runSage200(credentials, {
		company,
		resource: 'bank',
		operation: 'getAll',
		returnAll: true,
	});
	return {
		sandbox,
		credentials,
		company,
		customerId: String(customer.items[0].id),
		bankId: String(banks.items[0].id),
	};
}

export async function measurePostings(
	bench: Sage200Bench,
	n: number,
	latencyMs: number,
): Promise<Sage200Measurement> {
	const input = Array.from({ length: n }, (_, k) => ({
		reference: `B-${String(k).padStart(6, '0')}`,
		amount: 1 + (k % 97),
	}));
	bench.sandbox.meter.reset();
	const started = Date.now();
	const run = await runSage200(
		bench.credentials,
		{
			company: bench.company,
			resource: 'salesReceipt',
			operation: 'create',
			customerId: rl(bench.customerId),
			bankId: bench.bankId,
			amount: '={{ $json.amount }}',
			transactionDate: '2025-08-01',
			reference: '={{ $json.reference }}',
		},
		input,
	);
	if (run.error) throw run.error;
	const calls = bench.sandbox.meter.snapshot().roundTrips;
	return {
		operation: 'salesReceipt.create',
		n,
		calls: ratio(calls, n),
		perRecord: calls / n,
		wallMs: Date.now() - started,
		latencyBoundMs: calls * latencyMs,
	};
}

export async function measureReads(
	bench: Sage200Bench,
	n: number,
	pageSize: number,
	latencyMs: number,
): Promise<Sage200Measurement> {
	const data = bench.sandbox.store.company(Number(bench.company.split(':')[1]));
	if (!data) throw new Error('bench company missing');
	const existing = data.customers.all().length;
	for (let k = existing; k < n; k++)
		createCustomer(data, { reference: `R${String(k).padStart(7, '0')}`, name: `Read ${k}` });
	bench.sandbox.meter.reset();
	const started = Date.now();
	const run = await runSage200(bench.credentials, {
		company: bench.company,
		resource: 'customer',
		operation: 'getAll',
		returnAll: true,
		pageSize,
	});
	if (run.error) throw run.error;
	if (run.items.length !== Math.max(n, existing))
		throw new Error(`read ${run.items.length} of ${n}`);
	const calls = bench.sandbox.meter.snapshot().roundTrips;
	const bound = Math.ceil((run.items.length + 1) / pageSize);
	return {
		operation: `customer.getAll ($top ${pageSize})`,
		n: run.items.length,
		calls: ratio(calls, bound),
		perRecord: calls / run.items.length,
		wallMs: Date.now() - started,
		latencyBoundMs: calls * latencyMs,
	};
}
