import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { Sage200Trigger } from '../../nodes/Sage200/Sage200Trigger.node';
import { createCustomer } from '../../sandbox/sage200/resources/customerModel';
import type { Sage200Sandbox } from '../../sandbox/sage200/server';
import { runPoll } from '../helpers/engine';
import {
	credentialTypes,
	records,
	rl,
	runSage200,
	sage200Credentials,
	startSandbox,
} from './helpers';

describe('Sage 200 › paging, exactly-once posting under faults, and the trigger', () => {
	let sandbox: Sage200Sandbox;
	let credentials: ICredentialDataDecryptedObject;
	let company = '';
	let bankId = '';

	beforeAll(async () => {
		sandbox = await startSandbox();
		credentials = await sage200Credentials(sandbox);
		const sites = await runSage200(credentials, { resource: 'site', operation: 'getAll' });
		company = String(sites.items[0].company);
		const banks = await runSage200(credentials, {
			company,
			resource: 'bank',
			operation: 'getAll',
			returnAll: true,
		});
		bankId = String(banks.items[0].id);
	});
	afterAll(async () => sandbox.close());

	it('pages past 10,000 customers with $top 5000', async () => {
		const data = sandbox.store.company(Number(company.split(':')[1]));
		if (!data) throw new Error('no company');
		const before = data.customers.all().length;
		for (let n = 0; n < 10_050; n++)
			createCustomer(data, { reference: `P${String(n).padStart(6, '0')}`, name: `Paging ${n}` });
		sandbox.meter.reset();
		const all = await runSage200(credentials, {
			company,
			resource: 'customer',
			operation: 'getAll',
			returnAll: true,
			pageSize: 5000,
		});
		expect(all.error).toBeUndefined();
		expect(sandbox.meter.snapshot().roundTrips).toBe(3);
		expect(all.items).toHaveLength(before + 10_050);
		expect(new Set(all.items.map((c) => c.id)).size).toBe(before + 10_050);
		const some = await runSage200(credentials, {
			company,
			resource: 'customer',
			operation: 'getAll',
			returnAll: false,
			limit: 7,
			filters: { nameContains: 'Paging 99' },
		});
		expect(some.items).toHaveLength(7);
	}, 120_000);

	it('leaves each of 200 receipts exactly once under 20% injected faults, lost-after-commit included', async () => {
		const created = await runSage200(credentials, {
			company,
			resource: 'customer',
			operation: 'create',
			reference: 'FAULTS',
			name: 'Faults Ltd',
		});
		const customerId = String(created.items[0].id);
		sandbox.faults.configure({
			seed: 11,
			faults: [
				{ type: 'lostAfterCommit', probability: 0.07, match: 'sales_receipts' },
				{ type: 'reset', probability: 0.04 },
				{ type: 'http500', probability: 0.03 },
				{ type: 'http503', probability: 0.03 },
				{ type: 'rateLimit', probability: 0.03, retryAfterSeconds: 0 },
			],
		});
		const input = Array.from({ length: 200 }, (_, n) => ({
			reference: `RCPT-${String(n).padStart(4, '0')}`,
			amount: (n + 1) * 1.01,
		}));
		const params = {
			company,
			resource: 'salesReceipt',
			operation: 'create',
			customerId: rl(customerId),
			bankId,
			amount: '={{ $json.amount }}',
			transactionDate: '2025-07-01',
			reference: '={{ $json.reference }}',
			requestOptions: { maxRetries: 10, retryBaseDelayMs: 5 },
		};
		const run = await runSage200(credentials, params, input);
		expect(run.error).toBeUndefined();
		const faults = sandbox.meter.snapshot().faults;
		expect(faults.lostAfterCommit ?? 0).toBeGreaterThan(0);
		const check = async () => {
			const receipts = (await records(sandbox, 'sales_posted_transactions')).filter((t) =>
				String(t.reference).startsWith('RCPT-'),
			);
			expect(receipts).toHaveLength(200);
			expect(new Set(receipts.map((t) => t.reference)).size).toBe(200);
			const pence = receipts.reduce(
				(sum, t) => sum + Math.round(Math.abs(Number(t.document_gross_value)) * 100),
				0,
			);
			expect(pence).toBe(
				Array.from({ length: 200 }, (_, n) => (n + 1) * 101).reduce((a, b) => a + b, 0),
			);
		};
		await check();
		const again = await runSage200(run.credentials, params, input);
		expect(again.error).toBeUndefined();
		expect(again.items.every((i) => i.outcome === 'alreadyExists')).toBe(true);
		await check();
		sandbox.faults.clear();
	}, 120_000);

	it('polls receipts on date_time_updated across polls', async () => {
		const poll = (staticData: IDataObject) =>
			runPoll(
				new Sage200Trigger(),
				{ parameters: { company, event: 'receipt', startFrom: 'beginning', overlapSeconds: 300 } },
				{
					credentialTypes,
					credentials: { sage200OAuth2Api: credentials },
					staticData,
				},
			);
		const first = await poll({});
		const initial = (first.items?.[0] ?? []).length;
		expect(initial).toBeGreaterThan(0);
		expect((await poll(first.staticData)).items).toBeNull();
		sandbox.clock.advance(60_000);
		const customer = await runSage200(credentials, {
			company,
			resource: 'customer',
			operation: 'create',
			reference: 'TRIG1',
			name: 'Trigger Ltd',
		});
		await runSage200(credentials, {
			company,
			resource: 'salesReceipt',
			operation: 'create',
			customerId: rl(String(customer.items[0].id)),
			bankId,
			amount: 5,
			transactionDate: '2025-07-02',
			reference: 'TRIG-RCPT',
		});
		const second = await poll(first.staticData);
		expect((second.items?.[0] ?? []).map((i) => i.json.reference)).toEqual(['TRIG-RCPT']);
	});
});
