/**
 * The real n8n CLI runs the The Layer quick-start template: finalised invoices are read from The
 * Layer sandbox and a Sage transaction is written back for each; a second run adds nothing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { TheLayerSandbox } from '../../sandbox/thelayer/server';
import {
	REPO_ROOT,
	createN8nInstance,
	describeIfN8n,
	packPackage,
	type N8nInstance,
	type WorkflowJson,
} from '../helpers/n8nCli';
import { records, startSandbox } from '../thelayer/helpers';

const template = JSON.parse(
	readFileSync(path.join(REPO_ROOT, 'workflows', 'thelayer-quick-start.json'), 'utf8'),
) as WorkflowJson;

describeIfN8n('The Layer end to end in the real n8n CLI', () => {
	let sandbox: TheLayerSandbox;
	let n8n: N8nInstance;
	let workflowId: string;

	beforeAll(async () => {
		sandbox = await startSandbox();
		n8n = await createN8nInstance({ packageTarball: await packPackage() });
		await n8n.importCredentials([
			{
				id: 'layerSandbox0001',
				name: 'The Layer account',
				type: 'theLayerApi',
				data: { baseUrl: sandbox.url, ...sandbox.credentials },
			},
		]);
		workflowId = await n8n.importWorkflow({ ...template, id: 'layerQuickStart01' });
	}, 300_000);

	afterAll(async () => {
		await n8n?.close();
		await sandbox?.close();
	});

	test('reads finalised invoices and writes a Sage transaction back for each, once', async () => {
		const result = await n8n.execute(workflowId);
		expect(result.error).toBeUndefined();
		const invoices = result.output('Finalised invoices').map((i) => i.json);
		expect(invoices.length).toBe(3);
		expect(invoices.every((i) => i.status === 'finalised')).toBe(true);
		const stored = (await records(sandbox, 'sage-transactions')).filter((t) =>
			String(t.sageTransactionId).startsWith('DEMO-RCPT-'),
		);
		expect(stored).toHaveLength(3);
		for (const invoice of invoices) {
			const tx = stored.find((t) => t.sageTransactionId === `DEMO-RCPT-${String(invoice.number)}`);
			expect(tx).toMatchObject({
				sageSystem: 'intacct',
				type: 'receipt',
				amount: invoice.grossTotal,
				customerId: invoice.customerId,
				reconciled: false,
			});
			expect(tx?.allocations).toEqual([
				{ invoiceNumber: invoice.number, amount: invoice.grossTotal },
			]);
		}
		const again = await n8n.execute(workflowId);
		expect(again.error).toBeUndefined();
		expect(again.output('Record Sage receipt').map((i) => i.json.outcome)).toEqual([
			'alreadyExists',
			'alreadyExists',
			'alreadyExists',
		]);
		expect(
			(await records(sandbox, 'sage-transactions')).filter((t) =>
				String(t.sageTransactionId).startsWith('DEMO-RCPT-'),
			),
		).toHaveLength(3);
	}, 240_000);
});
