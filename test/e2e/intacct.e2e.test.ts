/**
 * The real n8n 2.x CLI with the packed package installed as a community package: the quick-start
 * template from workflows/ is imported with `n8n import:workflow`, run with `n8n execute` against
 * the Intacct sandbox, and the sandbox's state is checked field by field.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { IntacctSandbox } from '../../sandbox/intacct/server';
import { records, startSandbox } from '../intacct/helpers';
import {
	REPO_ROOT,
	createN8nInstance,
	describeIfN8n,
	packPackage,
	type N8nInstance,
	type WorkflowJson,
} from '../helpers/n8nCli';

const template = JSON.parse(
	readFileSync(path.join(REPO_ROOT, 'workflows', 'intacct-quick-start.json'), 'utf8'),
) as WorkflowJson;

describeIfN8n('Sage Intacct end to end in the real n8n CLI', () => {
	let sandbox: IntacctSandbox;
	let n8n: N8nInstance;
	let workflowId: string;

	beforeAll(async () => {
		sandbox = await startSandbox();
		n8n = await createN8nInstance({ packageTarball: await packPackage() });
		await n8n.importCredentials([
			{
				id: 'intacctSandbox01',
				name: 'Sage Intacct account',
				type: 'sageIntacctApi',
				data: { endpointUrl: sandbox.endpoint, ...sandbox.credentials },
			},
		]);
		workflowId = await n8n.importWorkflow({ ...template, id: 'intacctQuickStart1' });
	}, 300_000);

	afterAll(async () => {
		await n8n?.close();
		await sandbox?.close();
	});

	test('n8n loads the package', async () => {
		const types = await n8n.listNodeTypes();
		expect(types).toEqual(
			expect.arrayContaining([
				'n8n-nodes-thelayer-sage.sageIntacct',
				'n8n-nodes-thelayer-sage.sageIntacctTrigger',
			]),
		);
	}, 120_000);

	test('creates 3 customers, 3 invoices with lines and 1 payment applied, every field as sent', async () => {
		const result = await n8n.execute(workflowId);
		expect(result.error).toBeUndefined();
		expect(result.ok).toBe(true);

		const customers = (await records(sandbox, 'CUSTOMER')).filter((c) =>
			String(c.CUSTOMERID).startsWith('DEMO-'),
		);
		expect(
			customers.map((c) => [
				c.CUSTOMERID,
				c.NAME,
				c['DISPLAYCONTACT.EMAIL1'],
				c['DISPLAYCONTACT.PHONE1'],
				c['DISPLAYCONTACT.CELLPHONE'],
				c['DISPLAYCONTACT.URL1'],
				c.TAXID,
			]),
		).toEqual([
			[
				'DEMO-001',
				'Smith & Sons <"Zoë">',
				'accounts@smithandsons.test',
				'+44 20 7946 0101',
				'07700 900101',
				'https://smithandsons.test',
				'GB123456789',
			],
			[
				'DEMO-002',
				'Bright Ideas Ltd',
				'ap@brightideas.test',
				'+44 161 496 0202',
				'07700 900202',
				'https://brightideas.test',
				'GB987654321',
			],
			[
				'DEMO-003',
				"O'Neill Café & Bar",
				'finance@oneill.test',
				'+353 1 555 0303',
				'+353 85 555 0303',
				'https://oneill.test',
				'IE1234567T',
			],
		]);
		// Byte-exact: the same UTF-8 bytes as the template sent.
		expect(Buffer.from(String(customers[0].NAME), 'utf8')).toEqual(
			Buffer.from('Smith & Sons <"Zoë">', 'utf8'),
		);
		expect(customers[0]['DISPLAYCONTACT.PRINTAS']).toBe('Smith & Sons <"Zoë">');

		const invoices = (await records(sandbox, 'ARINVOICE')).filter((i) =>
			String(i.RECORDID).startsWith('DEMO-INV'),
		);
		expect(
			invoices.map((i) => [
				i.RECORDID,
				i.CUSTOMERID,
				i.WHENCREATED,
				i.WHENDUE,
				i.TOTALENTERED,
				i.TOTALDUE,
				i.DESCRIPTION,
			]),
		).toEqual([
			[
				'DEMO-INV-1',
				'DEMO-001',
				'09/01/2025',
				'09/30/2025',
				'1249.99',
				'0.00',
				'Consulting & support <September>',
			],
			['DEMO-INV-2', 'DEMO-002', '09/02/2025', '10/02/2025', '350.50', '350.50', 'Licences'],
			['DEMO-INV-3', 'DEMO-003', '09/03/2025', '10/03/2025', '540.00', '540.00', 'Training day'],
		]);
		// The control API lists owned lines as an array under the collection name.
		const lines = invoices.map((i) => i.ARINVOICEITEMS as Array<Record<string, string>>);
		expect(lines.map((ls) => ls.map((l) => [l.ACCOUNTNO, l.AMOUNT, l.MEMO]))).toEqual([
			[
				['4000', '1200.00', 'Consulting, 8 days'],
				['4020', '49.99', 'Support subscription'],
			],
			[['4010', '350.50', '5 × licence']],
			[
				['4000', '600.00', 'Training'],
				['4000', '-60.00', 'Loyalty discount'],
			],
		]);

		const payments = (await records(sandbox, 'ARPYMT')).filter((p) => p.DOCNUMBER === 'DEMO-PAY-1');
		expect(payments).toHaveLength(1);
		expect(payments[0]).toMatchObject({
			CUSTOMERID: 'DEMO-001',
			FINANCIALENTITY: 'BARCLAYS-GBP',
			PAYMENTMETHOD: 'EFT',
			RECEIPTDATE: '09/20/2025',
			TOTALENTERED: '1249.99',
		});
		expect(invoices[0].STATE).toBe('Paid');
	}, 180_000);

	test('a second run creates nothing new', async () => {
		const before = {
			c: (await records(sandbox, 'CUSTOMER')).length,
			i: (await records(sandbox, 'ARINVOICE')).length,
			p: (await records(sandbox, 'ARPYMT')).length,
		};
		const result = await n8n.execute(workflowId);
		expect(result.error).toBeUndefined();
		expect(result.output('Record payment')[0].json).toMatchObject({
			outcome: 'alreadyApplied',
			DOCNUMBER: 'DEMO-PAY-1',
		});
		expect((await records(sandbox, 'CUSTOMER')).length).toBe(before.c);
		expect((await records(sandbox, 'ARINVOICE')).length).toBe(before.i);
		expect((await records(sandbox, 'ARPYMT')).length).toBe(before.p);
	}, 180_000);
});
