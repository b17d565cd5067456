/**
 * The real n8n CLI runs the Sage 200 quick-start template (OAuth2 credential imported with its
 * tokens, as after a sign-in): customer + contact, invoice, receipt, allocation; the test checks the
 * sandbox's balances to the penny, and that a second run posts nothing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { INode } from 'n8n-workflow';

import { COMPANY_IDS, DEMO_SITE_ID, type Sage200Sandbox } from '../../sandbox/sage200/server';
import {
	REPO_ROOT,
	createN8nInstance,
	describeIfN8n,
	packPackage,
	type N8nInstance,
	type WorkflowJson,
} from '../helpers/n8nCli';
import { records, sage200Credentials, startSandbox } from '../sage200/helpers';

const template = JSON.parse(
	readFileSync(path.join(REPO_ROOT, 'workflows', 'sage200-quick-start.json'), 'utf8'),
) as WorkflowJson;

describeIfN8n('Sage 200 end to end in the real n8n CLI', () => {
	let sandbox: Sage200Sandbox;
	let n8n: N8nInstance;
	let workflowId: string;
	const company = `${DEMO_SITE_ID}:${COMPANY_IDS.uk}`;

	beforeAll(async () => {
		sandbox = await startSandbox();
		n8n = await createN8nInstance({ packageTarball: await packPackage() });
		await n8n.importCredentials([
			{
				id: 'sage200Sandbox01',
				name: 'Sage 200 account',
				type: 'sage200OAuth2Api',
				data: await sage200Credentials(sandbox),
			},
		]);
		// The one thing a user picks after import: the site and company on each Sage 200 node.
		const nodes = (template.nodes as INode[]).map((node) =>
			node.type.endsWith('.sage200')
				? { ...node, parameters: { ...node.parameters, company } }
				: node,
		);
		workflowId = await n8n.importWorkflow({ ...template, nodes, id: 'sage200QuickStart' });
	}, 300_000);

	afterAll(async () => {
		await n8n?.close();
		await sandbox?.close();
	});

	test('posts customer, contact, invoice and an allocated receipt; balances exact; second run posts nothing', async () => {
		const result = await n8n.execute(workflowId);
		expect(result.error).toBeUndefined();
		const customer = (await records(sandbox, 'customers')).find((c) => c.reference === 'DEMO01');
		expect(customer).toMatchObject({
			name: 'Smith & Sons <"Zoë">',
			balance: 259.99,
			credit_limit: 5000,
		});
		const contacts = (await records(sandbox, 'customer_contacts')).filter(
			(c) => c.customer_id === customer?.id,
		);
		expect(contacts.map((c) => [c.first_name, c.last_name])).toEqual([['Zoë', 'Smith']]);
		const posted = (await records(sandbox, 'sales_posted_transactions')).filter(
			(t) => t.customer_id === customer?.id,
		);
		const invoice = posted.find((t) => t.reference === 'DEMO-INV-1');
		const receipt = posted.find((t) => t.reference === 'DEMO-PAY-1');
		expect(invoice).toMatchObject({
			document_gross_value: 1259.99,
			document_outstanding_value: 259.99,
			document_allocated_value: 1000,
		});
		expect(receipt).toMatchObject({ document_gross_value: -1000, document_outstanding_value: 0 });

		const again = await n8n.execute(workflowId);
		expect(again.error).toBeUndefined();
		expect(again.output('Post invoice')[0].json.outcome).toBe('alreadyExists');
		expect(again.output('Allocate receipt to invoice')[0].json.outcome).toBe('alreadyAllocated');
		expect(
			(await records(sandbox, 'sales_posted_transactions')).filter(
				(t) => t.customer_id === customer?.id,
			),
		).toHaveLength(posted.length);
		expect(
			(await records(sandbox, 'customers')).find((c) => c.reference === 'DEMO01')?.balance,
		).toBe(259.99);
	}, 240_000);
});
