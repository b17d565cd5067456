/**
 * Every Layer ↔ Sage 200 template from workflows/ (and the customer upload / grid export), imported
 * into the real n8n CLI with the packed package and run with `n8n execute` against The Layer and
 * Sage 200 sandboxes. Two sub-companies map to two Sage 200 companies. End states are read back
 * from the sandboxes; second runs create nothing; a seeded scenario ends with Sage 200 balances
 * equal to The Layer's, to the penny.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { IDataObject, INode } from 'n8n-workflow';

import { COMPANY_IDS, type Sage200Sandbox } from '../../sandbox/sage200/server';
import type { TheLayerSandbox } from '../../sandbox/thelayer/server';
import {
	DEMO_LAYER_SETUP,
	ISSUE_SCENARIO,
	buildScenario,
	layerBalances,
	layerCall,
} from '../helpers/layerScenario';
import {
	N8N_RUNTIME_DIR,
	createN8nInstance,
	describeIfN8n,
	packPackage,
	sandboxCredentialImports,
	type N8nInstance,
	type WorkflowJson,
} from '../helpers/n8nCli';
import {
	expectRunOk,
	outputsOf,
	readTemplates,
	workflowsOf,
	SOAK_FAULTS,
	injectedFaults,
	setFaults,
	unsyncedInLayer,
} from '../helpers/templateRun';
import {
	rl,
	runSage200,
	sage200Credentials,
	startSandbox as startSage200,
} from '../sage200/helpers';
import { records as layerRecords, startSandbox as startLayer } from '../thelayer/helpers';

const templates = readTemplates(/^(sage200-\d|customer-upload|customers-grid).*\.json$/);
const idOf = (slug: string) => {
	const found = templates.find((t) => t.file.includes(slug));
	if (!found?.id) throw new Error(`no template *${slug}*`);
	return found.id;
};
const pence = (value: unknown) => Math.round(Number(value) * 100);
const COMPANIES = [COMPANY_IDS.uk, COMPANY_IDS.ireland];

async function sageRecords(sage: Sage200Sandbox, collection: string, company: number) {
	const response = await fetch(`${sage.url}/__sandbox/records/${collection}?company=${company}`);
	if (!response.ok) throw new Error(`records ${collection}: HTTP ${response.status}`);
	return (await response.json()) as IDataObject[];
}

async function allSage(sage: Sage200Sandbox, collection: string) {
	const out: IDataObject[] = [];
	for (const company of COMPANIES)
		for (const r of await sageRecords(sage, collection, company))
			out.push({ ...r, _company: company });
	return out;
}

/** Layer customer id → its Sage 200 balance, in pence, through the Sage link. */
async function sageBalances(sage: Sage200Sandbox, layerCustomers: IDataObject[]) {
	const sageCustomers = await allSage(sage, 'customers');
	const out = new Map<string, number>();
	for (const c of layerCustomers) {
		const link = c.sage as IDataObject;
		if (!link.synced) continue;
		const company = Number(String(link.sageCompany).split(':')[1]);
		const found = sageCustomers.find(
			(s) => s._company === company && String(s.id) === String(link.sageCustomerId),
		);
		if (found) out.set(String(c.id), pence(found.balance));
	}
	return out;
}

async function counts(layer: TheLayerSandbox, sage: Sage200Sandbox) {
	const out: Record<string, number> = {};
	for (const c of ['customers', 'customer_contacts', 'sales_posted_transactions'])
		out[`sage200 ${c}`] = (await allSage(sage, c)).length;
	for (const c of ['customers', 'invoices', 'payments', 'sage-transactions', 'nominal-codes'])
		out[c] = (await layerRecords(layer, c)).length;
	return out;
}

async function layerOwes(layer: TheLayerSandbox, skip: (r: IDataObject) => boolean = () => false) {
	return layerBalances({
		invoices: (await layerRecords(layer, 'invoices')).filter((r) => !skip(r)),
		payments: await layerRecords(layer, 'payments'),
		creditNotes: await layerRecords(layer, 'credit-notes'),
		refunds: await layerRecords(layer, 'refunds'),
	});
}

/** Writes rows as an XLSX file with the n8n runtime's own xlsx package. */
function writeXlsx(file: string, rows: unknown[][]): void {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const XLSX = require(path.join(N8N_RUNTIME_DIR, 'node_modules', '@e965', 'xlsx')) as {
		utils: {
			aoa_to_sheet(rows: unknown[][]): unknown;
			book_new(): unknown;
			book_append_sheet(book: unknown, sheet: unknown, name: string): void;
			sheet_to_json(sheet: unknown, options: { header: 1 }): unknown[][];
		};
		writeFile(book: unknown, file: string): void;
		readFile(file: string): { Sheets: Record<string, unknown>; SheetNames: string[] };
	};
	const book = XLSX.utils.book_new();
	XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Customers');
	XLSX.writeFile(book, file);
}

function readXlsx(file: string): unknown[][] {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const XLSX = require(path.join(N8N_RUNTIME_DIR, 'node_modules', '@e965', 'xlsx')) as {
		readFile(file: string): { Sheets: Record<string, unknown>; SheetNames: string[] };
		utils: { sheet_to_json(sheet: unknown, options: { header: 1 }): unknown[][] };
	};
	const book = XLSX.readFile(file);
	return XLSX.utils.sheet_to_json(book.Sheets[book.SheetNames[0]], { header: 1 });
}

const HEADER = [
	'CustomerId',
	'SageCompanyName',
	'SageSiteId',
	'SageAccountNumber',
	'SageCustomerId',
	'Synced',
];

/** The template with its "File" node pointing at `file`. */
function withFile(template: WorkflowJson, file: string, id: string): WorkflowJson {
	const nodes = (template.nodes as INode[]).map((n) =>
		n.name === 'File'
			? { ...n, parameters: { ...n.parameters, jsonOutput: JSON.stringify({ path: file }) } }
			: n,
	);
	return { ...template, nodes, id, name: `${String(template.name)} (${path.basename(file)})` };
}

describeIfN8n('Layer ↔ Sage 200 templates in the real n8n CLI', () => {
	let layer: TheLayerSandbox;
	let sage: Sage200Sandbox;
	let n8n: N8nInstance;
	let files: string;

	beforeAll(async () => {
		layer = await startLayer();
		sage = await startSage200();
		files = mkdtempSync(path.join(os.tmpdir(), 'link-files-'));
		n8n = await createN8nInstance({
			packageTarball: await packPackage(),
			env: {
				N8N_USE_WORKFLOW_PUBLICATION_SERVICE: 'false',
				N8N_RESTRICT_FILE_ACCESS_TO: files,
			},
		});
		await n8n.importCredentials(
			sandboxCredentialImports({ layer, sage200: await sage200Credentials(sage) }),
		);
		const upload = templates.find((t) => t.file.startsWith('customer-upload')) as WorkflowJson;
		const grid = templates.find((t) => t.file.startsWith('customers-grid')) as WorkflowJson;
		await n8n.importWorkflows([
			...workflowsOf(templates.filter((t) => !/customer-upload|customers-grid/.test(t.file))),
			withFile(upload, path.join(files, 'links.xlsx'), 'uploadXlsx'),
			withFile(upload, path.join(files, 'links.csv'), 'uploadCsv'),
			withFile(grid, path.join(files, 'export.xlsx'), 'gridExport'),
		]);
		await n8n.publishWorkflows(
			templates.filter((t) => /^sage200-[1-6]/.test(t.file)).map((t) => t.id as string),
		);
	}, 400_000);

	afterAll(async () => {
		await n8n?.close();
		await layer?.close();
		await sage?.close();
		if (files) rmSync(files, { recursive: true, force: true });
	});

	test('every template uses only node types n8n knows and the sandbox credentials', async () => {
		const known = new Set(await n8n.listNodeTypes());
		for (const template of templates)
			for (const node of template.nodes) {
				expect(`${template.file}: ${node.type} ${known.has(node.type)}`).toBe(
					`${template.file}: ${node.type} true`,
				);
				for (const credential of Object.values(node.credentials ?? {}))
					expect(['The Layer account', 'Sage 200 account']).toContain(credential.name);
			}
	}, 120_000);

	test('reference data: sales nominal codes once, bank rows per company', async () => {
		const before = (await layerRecords(layer, 'nominal-codes')).length;
		const result = await n8n.execute(idOf('sage200-7'));
		expectRunOk(result);
		expect((await layerRecords(layer, 'nominal-codes')).length).toBe(before);
		const rows = result.output('Bank rows for the mapping').map((i) => i.json);
		expect(rows.length).toBe(5);
		expect(rows[0]).toMatchObject({ bankId: '1', nominal: '1200' });
	}, 120_000);

	test('customers and contacts: each in its company once, linked back', async () => {
		expectRunOk(await n8n.execute(idOf('sage200-1')));
		const customers = await layerRecords(layer, 'customers');
		const sageCustomers = await allSage(sage, 'customers');
		for (const c of customers) {
			const link = c.sage as IDataObject;
			const company = c.subCompanyId === 'sub_0002' ? COMPANY_IDS.ireland : COMPANY_IDS.uk;
			expect([c.id, link.synced, link.sageCompany, link.sageAccountNumber]).toEqual([
				c.id,
				true,
				expect.stringMatching(new RegExp(`:${company}$`)),
				String(c.id)
					.replace(/[^A-Za-z0-9]/g, '')
					.toUpperCase(),
			]);
			const inSage = sageCustomers.filter(
				(s) => s._company === company && s.reference === link.sageAccountNumber,
			);
			expect(inSage).toHaveLength(1);
			expect(String(inSage[0].id)).toBe(String(link.sageCustomerId));
			expect(inSage[0].name).toBe(c.companyName);
		}
		const contacts = await allSage(sage, 'customer_contacts');
		const brightwater = customers.find((c) => c.id === 'cus_0001') as IDataObject;
		expect(
			contacts.some(
				(k) => String(k.customer_id) === String((brightwater.sage as IDataObject).sageCustomerId),
			),
		).toBe(true);
		const before = await counts(layer, sage);
		expectRunOk(await n8n.execute(idOf('sage200-1')));
		expect(await counts(layer, sage)).toEqual(before);
	}, 180_000);

	test('invoices: posted once in the right company, totals exact, marked synced', async () => {
		expectRunOk(await n8n.execute(idOf('sage200-2')));
		const invoices = (await layerRecords(layer, 'invoices')).filter(
			(i) => i.status === 'finalised',
		);
		const posted = await allSage(sage, 'sales_posted_transactions');
		for (const invoice of invoices) {
			const link = invoice.sage as IDataObject;
			expect([invoice.number, link.synced, link.lastSyncError]).toEqual([
				invoice.number,
				true,
				null,
			]);
			const found = posted.filter(
				(p) => `${String(p._company)}/${String(p.id)}` === link.sageTransactionId,
			);
			expect(found).toHaveLength(1);
			expect([invoice.number, pence(found[0].document_gross_value)]).toEqual([
				invoice.number,
				pence(invoice.grossTotal),
			]);
		}
		const before = await counts(layer, sage);
		expectRunOk(await n8n.execute(idOf('sage200-2')));
		expect(await counts(layer, sage)).toEqual(before);
	}, 180_000);

	test('receipts (partial, multi-invoice), credit notes and refunds: posted, allocated once; balances equal', async () => {
		const invoices = (await layerRecords(layer, 'invoices')).filter(
			(i) => i.status === 'finalised',
		);
		const [a, b] = invoices.filter((i) => i.customerId === 'cus_0001');
		await layerCall(layer, 'POST', '/payments', {
			customerId: 'cus_0001',
			paymentMethodId: 'pm_0001',
			amount: Number((Number(a.amountDue) + 100).toFixed(2)),
			date: '2025-05-01',
			reference: 'BACS-7781',
			allocations: [
				{ invoiceId: a.id, amount: a.amountDue },
				{ invoiceId: b.id, amount: 100 },
			],
		});
		const c = invoices.find((i) => i.customerId === 'cus_0002') as IDataObject;
		await layerCall(layer, 'POST', '/credit-notes', {
			number: 'CN-2001',
			customerId: 'cus_0002',
			invoiceId: c.id,
			issueDate: '2025-05-02',
			reason: 'Damaged fitting',
			lines: [
				{ description: 'One kit', quantity: 1, unitPrice: 18.75, taxRate: 20, nominalCode: '4010' },
			],
			allocations: [{ invoiceId: c.id, amount: 22.5 }],
		});
		const payment = await layerCall(layer, 'POST', '/payments', {
			customerId: 'cus_0002',
			paymentMethodId: 'pm_0002',
			amount: 50,
			date: '2025-05-03',
			reference: 'CARD-1',
			allocations: [{ invoiceId: c.id, amount: 50 }],
		});
		await layerCall(layer, 'POST', '/refunds', {
			number: 'RF-1',
			customerId: 'cus_0002',
			paymentMethodId: 'pm_0002',
			amount: 20,
			date: '2025-05-04',
			paymentId: payment.id,
		});
		const irish = invoices.find((i) => i.customerId === 'cus_0005') as IDataObject;
		await layerCall(layer, 'POST', '/payments', {
			customerId: 'cus_0005',
			paymentMethodId: 'pm_0003',
			amount: 300,
			date: '2025-05-05',
			reference: 'EUR-TRF-1',
			allocations: [{ invoiceId: irish.id, amount: 300 }],
		});
		expectRunOk(await n8n.execute(idOf('sage200-3')));
		expectRunOk(await n8n.execute(idOf('sage200-4')));
		for (const collection of ['payments', 'credit-notes', 'refunds'])
			for (const r of await layerRecords(layer, collection))
				expect([collection, r.id, (r.sage as IDataObject).synced]).toEqual([
					collection,
					r.id,
					true,
				]);
		const customers = await layerRecords(layer, 'customers');
		const owes = await layerOwes(layer);
		const sageOwes = await sageBalances(sage, customers);
		for (const customer of customers)
			expect([customer.id, sageOwes.get(String(customer.id))]).toEqual([
				customer.id,
				owes.get(String(customer.id)) ?? 0,
			]);
		const before = await counts(layer, sage);
		expectRunOk(await n8n.execute(idOf('sage200-3')));
		expectRunOk(await n8n.execute(idOf('sage200-4')));
		expect(await counts(layer, sage)).toEqual(before);
	}, 300_000);

	test('a receipt posted in Sage 200 becomes a Layer Sage transaction: allocated ones reconciled, others queued', async () => {
		const credentials = await sage200Credentials(sage);
		const company = `${String((await layerRecords(layer, 'customers'))[0].sage && ((await layerRecords(layer, 'customers'))[0].sage as IDataObject).sageCompany)}`;
		const customer = (await layerRecords(layer, 'customers')).find(
			(c) => c.id === 'cus_0003',
		) as IDataObject;
		const link = customer.sage as IDataObject;
		const invoice = (await layerRecords(layer, 'invoices')).find(
			(i) => i.customerId === 'cus_0003' && Number(i.amountDue) > 0,
		) as IDataObject;
		for (const [reference, allocate] of [
			['CHQ-100234', true],
			['CHQ-100235', false],
		] as const) {
			const receipt = await runSage200(credentials, {
				company,
				resource: 'salesReceipt',
				operation: 'create',
				customerId: rl(String(link.sageCustomerId)),
				bankId: '1',
				amount: 100,
				transactionDate: '2025-05-10',
				reference,
			});
			expect(receipt.error).toBeUndefined();
			if (allocate) {
				const allocation = await runSage200(credentials, {
					company,
					resource: 'allocation',
					operation: 'create',
					customerId: rl(String(link.sageCustomerId)),
					creditReference: reference,
					allocateToJson: JSON.stringify([{ reference: invoice.number, amount: 100 }]),
				});
				expect(allocation.error).toBeUndefined();
			}
		}
		const result = await n8n.execute(idOf('sage200-5'));
		expectRunOk(result);
		// The sandbox's own seeded receipt (of a Sage customer The Layer does not have) comes too,
		// unreconciled.
		const recorded = (await layerRecords(layer, 'sage-transactions')).filter(
			(t) => t.sageSystem === 'sage200' && String(t.reference).startsWith('CHQ-'),
		);
		expect(recorded.map((t) => [t.reference, t.customerId, t.reconciled])).toEqual(
			expect.arrayContaining([
				['CHQ-100234', 'cus_0003', true],
				['CHQ-100235', 'cus_0003', false],
			]),
		);
		expect(recorded).toHaveLength(2);
		const after = (await layerRecords(layer, 'invoices')).find((i) => i.id === invoice.id);
		expect(pence(after?.amountDue)).toBe(pence(invoice.amountDue) - 10000);
		// Matched: CHQ-100234; needs review: the seeded receipt (its invoice is not in The Layer);
		// unallocated: CHQ-100235.
		expect(outputsOf(result, 'Match to invoices').map((o) => o.length)).toEqual([1, 1, 1]);
		const before = await counts(layer, sage);
		expectRunOk(await n8n.execute(idOf('sage200-5')));
		expect(await counts(layer, sage)).toEqual(before);
	}, 180_000);

	test('balances back: Sage 200 balance, credit limit and on hold onto each linked Layer customer', async () => {
		expectRunOk(await n8n.execute(idOf('sage200-6')));
		const customers = await layerRecords(layer, 'customers');
		const sageOwes = await sageBalances(sage, customers);
		for (const c of customers)
			expect([c.id, pence(c.balance)]).toEqual([c.id, sageOwes.get(String(c.id))]);
	}, 180_000);

	test('hourly auto-sync runs every step and, with nothing new, changes nothing', async () => {
		const before = await counts(layer, sage);
		const result = await n8n.execute(idOf('sage200-9'));
		expectRunOk(result);
		expect(Object.keys(result.run?.data.resultData.runData ?? {})).toEqual(
			expect.arrayContaining(['1. Invoices (and their customers)', '5. Balances']),
		);
		expect(await counts(layer, sage)).toEqual(before);
	}, 300_000);

	describe('customer upload and grid export', () => {
		const links = async () =>
			Object.fromEntries(
				(await layerRecords(layer, 'customers')).map((c) => [c.id, c.sage as IDataObject]),
			);

		test('a file with a missing column, a row without Sage IDs or an unknown customer: each reported by row, nothing written', async () => {
			const before = await links();
			const company = String(before.cus_0001.sageCompany);
			const [site] = company.split(':');
			writeXlsx(path.join(files, 'links.xlsx'), [
				HEADER,
				['cus_0001', company, site, 'NEWREF1', '', 'Yes'],
				['cus_0002', company, site, '', '', 'Yes'],
				['cus_9999', company, site, 'X1', '9', 'Yes'],
			]);
			const result = await n8n.execute('uploadXlsx');
			expect(result.error).toBeUndefined();
			const report = result.output('Report of bad rows').map((i) => i.json);
			expect(report).toEqual([
				expect.objectContaining({
					row: 3,
					customerId: 'cus_0002',
					reason: expect.stringMatching(/SageAccountNumber|SageCustomerId/),
				}),
				expect.objectContaining({
					row: 4,
					customerId: 'cus_9999',
					reason: expect.stringMatching(/cus_9999|not.*Layer|unknown/i),
				}),
			]);
			expect(await links()).toEqual(before);

			writeFileSync(
				path.join(files, 'links.csv'),
				[
					'CustomerId,SageCompanyName,SageAccountNumber,SageCustomerId,Synced',
					`cus_0001,${company},NEWREF1,,Yes`,
				].join('\n'),
			);
			const csv = await n8n.execute('uploadCsv');
			expect(csv.error).toBeUndefined();
			const missing = csv.output('Report of bad rows').map((i) => i.json);
			expect(missing[0].reason).toMatch(/SageSiteId/);
			expect(await links()).toEqual(before);
		}, 180_000);

		test('export → edit → re-import round-trips, in XLSX and CSV', async () => {
			expectRunOk(await n8n.execute('gridExport'));
			const rows = readXlsx(path.join(files, 'export.xlsx'));
			expect(rows[0]).toEqual(HEADER);
			const customers = await layerRecords(layer, 'customers');
			expect(rows.length).toBe(customers.length + 1);
			const edited = rows.map((row, n) =>
				n > 0 && row[0] === 'cus_0004' ? [row[0], row[1], row[2], 'NORTHG01', '', 'Yes'] : row,
			);
			writeXlsx(path.join(files, 'links.xlsx'), edited);
			expectRunOk(await n8n.execute('uploadXlsx'));
			const after = await links();
			expect(after.cus_0004).toMatchObject({ synced: true, sageAccountNumber: 'NORTHG01' });
			expect(after.cus_0001).toMatchObject({
				synced: true,
				sageAccountNumber: (customers.find((c) => c.id === 'cus_0001')?.sage as IDataObject)
					.sageAccountNumber,
			});
			// The same edit as CSV, back to the original reference.
			const original = rows.find((r) => r[0] === 'cus_0004') as unknown[];
			writeFileSync(
				path.join(files, 'links.csv'),
				[HEADER, original].map((r) => r.map((v) => String(v ?? '')).join(',')).join('\n'),
			);
			expectRunOk(await n8n.execute('uploadCsv'));
			expect((await links()).cus_0004).toMatchObject({
				sageAccountNumber: original[3],
				sageCustomerId: original[4],
			});
			expectRunOk(await n8n.execute('gridExport'));
			// The same links again (rows come in The Layer's last-modified order).
			const byId = (list: unknown[][]) =>
				[...list].sort((x, y) => String(x[0]).localeCompare(String(y[0])));
			expect(byId(readXlsx(path.join(files, 'export.xlsx')))).toEqual(byId(rows));
		}, 240_000);
	});

	test('seeded scenario across two Sage 200 companies: balances equal to the penny', async () => {
		await fetch(`${layer.url}/__sandbox/reset`, { method: 'POST' });
		await fetch(`${sage.url}/__sandbox/reset`, { method: 'POST' });
		const scenario = await buildScenario(layer, ISSUE_SCENARIO, {
			prefix: 'S2',
			...DEMO_LAYER_SETUP,
		});
		expect(scenario).toMatchObject({ invoices: 200, payments: 150, creditNotes: 10, refunds: 5 });
		expectRunOk(await n8n.execute(idOf('sage200-9')));
		const customers = await layerRecords(layer, 'customers');
		const owes = await layerOwes(layer);
		const sageOwes = await sageBalances(sage, customers);
		let total = 0;
		for (const id of scenario.customerIds) {
			expect([id, sageOwes.get(id)]).toEqual([id, owes.get(id) ?? 0]);
			total += owes.get(id) ?? 0;
		}
		expect(total).toBeGreaterThan(0);
		const companies = new Set(
			customers
				.filter((c) => scenario.customerIds.includes(String(c.id)))
				.map((c) => (c.sage as IDataObject).sageCompany),
		);
		expect(companies.size).toBe(2);
		const before = await counts(layer, sage);
		expectRunOk(await n8n.execute(idOf('sage200-9')));
		expect(await counts(layer, sage)).toEqual(before);
	}, 900_000);

	test('fault soak (small): the scenario under ~10% injected faults, then clean runs: nothing lost, nothing doubled, balances exact', async () => {
		await fetch(`${layer.url}/__sandbox/reset`, { method: 'POST' });
		await fetch(`${sage.url}/__sandbox/reset`, { method: 'POST' });
		const scenario = await buildScenario(
			layer,
			{ customers: 20, invoices: 60, payments: 40, creditNotes: 4, refunds: 2 },
			{
				prefix: 'SOAK',
				...DEMO_LAYER_SETUP,
				seed: 99,
			},
		);
		await setFaults(layer.url, SOAK_FAULTS);
		await setFaults(sage.url, SOAK_FAULTS);
		const faulty = await n8n.execute(idOf('sage200-9'));
		const injected = {
			layer: await injectedFaults(layer.url),
			sage200: await injectedFaults(sage.url),
		};
		await setFaults(layer.url, undefined);
		await setFaults(sage.url, undefined);
		let runs = 1;
		while ((await unsyncedInLayer(layer.url)) > 0 && runs < 4) {
			expectRunOk(await n8n.execute(idOf('sage200-9')), true);
			runs++;
		}
		expect(await unsyncedInLayer(layer.url)).toBe(0);
		const posted = await allSage(sage, 'sales_posted_transactions');
		const keys = posted.map(
			(p) => `${String(p._company)}|${String(p.trader_transaction_type)}|${String(p.reference)}`,
		);
		const duplicated = keys.length - new Set(keys).size;
		const invoices = (await layerRecords(layer, 'invoices')).filter(
			(i) => i.status === 'finalised',
		);
		const lost = invoices.filter(
			(i) =>
				!posted.some(
					(p) =>
						`${String(p._company)}/${String(p.id)}` === (i.sage as IDataObject).sageTransactionId,
				),
		).length;
		const customers = await layerRecords(layer, 'customers');
		const owes = await layerOwes(layer);
		const sageOwes = await sageBalances(sage, customers);
		const wrong = scenario.customerIds.filter((id) => (owes.get(id) ?? 0) !== sageOwes.get(id));
		console.log(
			`Sage 200 soak: faulty run ${faulty.ok ? 'completed' : 'stopped'}, injected ${JSON.stringify(injected)}; ${runs} runs to converge; invoices lost ${lost}; postings duplicated ${duplicated}; customers with a balance difference ${wrong.length}`,
		);
		expect([lost, duplicated, wrong.length]).toEqual([0, 0, 0]);
		const before = await counts(layer, sage);
		expectRunOk(await n8n.execute(idOf('sage200-9')));
		expect(await counts(layer, sage)).toEqual(before);
	}, 900_000);
});
