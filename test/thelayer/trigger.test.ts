import type { IDataObject } from 'n8n-workflow';

import { TheLayerTrigger } from '../../nodes/TheLayer/TheLayerTrigger.node';
import type { TheLayerSandbox } from '../../sandbox/thelayer/server';
import { runPoll } from '../helpers/engine';
import { credentialTypes, layerCredentials, runLayer, startSandbox } from './helpers';

describe('The Layer Trigger › cursor across polls', () => {
	let sandbox: TheLayerSandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
		sandbox.clock.freeze(Math.ceil(Date.now() / 1000) * 1000 + 1000);
	});
	afterAll(async () => sandbox.close());

	const poll = (
		staticData: IDataObject,
		parameters: IDataObject = {},
		mode: 'manual' | 'trigger' = 'trigger',
	) =>
		runPoll(
			new TheLayerTrigger(),
			{
				parameters: {
					event: 'invoiceFinalised',
					startFrom: 'beginning',
					overlapSeconds: 300,
					...parameters,
				},
			},
			{
				credentialTypes,
				credentials: { theLayerApi: layerCredentials(sandbox) },
				staticData,
				mode,
			},
		);
	const numbers = (items: Array<{ json: IDataObject }> | undefined) =>
		(items ?? []).map((i) => i.json.number);

	it('emits finalised invoices once, then only new ones', async () => {
		const first = await poll({});
		const initial = numbers(first.items?.[0]);
		expect(initial.length).toBeGreaterThan(0);
		expect((await poll(first.staticData)).items).toBeNull();
		sandbox.clock.advance(60_000);
		await runLayer(sandbox, {
			resource: 'invoice',
			operation: 'create',
			customerId: { __rl: true, mode: 'id', value: 'cus_0001' },
			number: 'TRIG-1',
			issueDate: '2025-11-01',
			dueDate: '2025-11-30',
			linesInput: 'fields',
			lines: { line: [{ description: 'x', quantity: 1, unitPrice: 10, taxRate: 20 }] },
			additionalFields: { status: 'finalised' },
		});
		const second = await poll(first.staticData);
		expect(numbers(second.items?.[0])).toEqual(['TRIG-1']);
		expect((await poll(second.staticData)).items).toBeNull();
	});

	it('starts from now when asked, and samples one record in manual mode', async () => {
		expect((await poll({}, { startFrom: 'now' })).items).toBeNull();
		expect((await poll({}, {}, 'manual')).items?.[0]).toHaveLength(1);
	});
});
