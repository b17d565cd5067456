import type { IDataObject } from 'n8n-workflow';

import { SageIntacctTrigger } from '../../../nodes/SageIntacct/SageIntacctTrigger.node';
import type { IntacctSandbox } from '../../../sandbox/intacct/server';
import { runPoll } from '../../helpers/engine';
import { invoiceParams } from '../fixtures';
import { credentialTypes, intacctCredentials, runIntacct, startSandbox } from '../helpers';

describe('Sage Intacct Trigger › cursor', () => {
	let sandbox: IntacctSandbox;
	let start = 0;
	const trigger = new SageIntacctTrigger();
	beforeAll(async () => {
		sandbox = await startSandbox();
		// Seed data is stamped at start-up; freeze the clock just after it, on a whole second.
		start = Math.ceil(Date.now() / 1000) * 1000 + 1000;
		sandbox.clock.freeze(start);
	});
	afterAll(async () => sandbox.close());

	const poll = (
		staticData: IDataObject,
		parameters: IDataObject = {},
		mode: 'manual' | 'trigger' = 'trigger',
	) =>
		runPoll(
			trigger,
			{
				parameters: {
					object: 'ARINVOICE',
					startFrom: 'beginning',
					options: { overlapSeconds: 300 },
					...parameters,
				},
			},
			{
				credentialTypes,
				credentials: { sageIntacctApi: intacctCredentials(sandbox) },
				staticData,
				mode,
			},
		);
	const invoice = (number: string) => ({
		customer: 'C0003',
		number,
		date: '2025-06-01',
		due: '2025-06-30',
		lines: [{ glAccountNo: '4000', amount: 10 }],
	});
	const numbers = (items: Array<{ json: IDataObject }> | undefined) =>
		(items ?? []).map((i) => i.json.RECORDID).sort();

	it('emits existing records once, then only new or changed ones across polls', async () => {
		const first = await poll({});
		expect(numbers(first.items?.[0])).toEqual(['INV-0001', 'INV-0002', 'INV-0003']);
		const quiet = await poll(first.staticData);
		expect(quiet.items).toBeNull();

		sandbox.clock.advance(60_000);
		await runIntacct(sandbox, invoiceParams, [invoice('TR-1')]);
		const second = await poll(quiet.staticData);
		expect(numbers(second.items?.[0])).toEqual(['TR-1']);

		// A record modified inside the overlap window is re-read but not re-emitted unless it changed.
		sandbox.clock.advance(30_000);
		await runIntacct(sandbox, invoiceParams, [invoice('TR-2')]);
		const third = await poll(second.staticData);
		expect(numbers(third.items?.[0])).toEqual(['TR-2']);
		const state = third.staticData['node:Trigger'] as {
			cursor: string;
			seen: Record<string, string>;
		};
		expect(state.cursor).toBe(new Date(start + 90_000).toISOString());
		// Ten minutes on, everything older than the overlap window is forgotten: static data stays small.
		sandbox.clock.advance(600_000);
		await runIntacct(sandbox, invoiceParams, [invoice('TR-3')]);
		const fourth = await poll(third.staticData);
		expect(numbers(fourth.items?.[0])).toEqual(['TR-3']);
		const later = fourth.staticData['node:Trigger'] as { seen: Record<string, string> };
		expect(Object.keys(later.seen)).toHaveLength(1);
	});

	it('starts from now when asked, and returns a small sample in manual mode', async () => {
		const first = await poll({}, { startFrom: 'now' });
		expect(first.items).toBeNull();
		const manual = await poll({}, {}, 'manual');
		expect(manual.items?.[0]).toHaveLength(1);
	});
});
