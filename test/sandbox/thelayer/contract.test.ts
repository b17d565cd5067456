import { ROUTES } from '../../../sandbox/thelayer/routes';
import { call, doc, documentOperations, parametersOf, seen } from './contract';
import { get, line, okBody, startSandbox } from './helpers';
import type { TheLayerSandbox } from './helpers';
import { assertSupported, validate } from './schemaValidator';
import type { Schema } from './schemaValidator';

let sandbox: TheLayerSandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => sandbox.close());

const key = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

describe('the OpenAPI document', () => {
	it('says plainly that it is an assumed contract and what The Layer documents', () => {
		const info = doc.info as { title: string; description: string };
		expect(info.title).toBe('The Layer API (assumed contract)');
		expect(doc['x-assumed']).toBe(true);
		expect(doc.openapi).toMatch(/^3\.1\./);
		expect(info.description).toContain('8826683');
		expect(info.description).toContain('ASSUMED');
		expect(info.description).toContain('nodes/TheLayer/openapi/the-layer.assumed.openapi.json');
		expect(doc.servers).toEqual([expect.objectContaining({ url: 'https://webapi.thelayer.com' })]);
		const schemes = (doc.components as Schema).securitySchemes as Record<string, Schema>;
		expect(schemes.Token1).toMatchObject({ type: 'apiKey', in: 'header', name: 'Token1' });
		expect(schemes.Token2).toMatchObject({ type: 'apiKey', in: 'header', name: 'Token2' });
		// Both in one requirement object: both headers are required together.
		expect(doc.security).toEqual([{ Token1: [], Token2: [] }]);
	});

	it('closes every object schema (no additionalProperties escapes) and uses only the validated keywords', () => {
		const open: string[] = [];
		const visit = (node: unknown, where: string): void => {
			if (Array.isArray(node)) return node.forEach((n, i) => visit(n, `${where}[${i}]`));
			if (typeof node !== 'object' || node === null) return;
			const schema = node as Schema;
			if (schema.type === 'object' && schema.additionalProperties !== false) open.push(where);
			for (const [k, v] of Object.entries(schema)) visit(v, `${where}.${k}`);
		};
		visit(doc, '$');
		expect(open).toEqual([]);
		const schemas = (doc.components as { schemas: Record<string, Schema> }).schemas;
		for (const [name, schema] of Object.entries(schemas)) {
			expect(() => assertSupported(doc, schema, name)).not.toThrow();
		}
	});
});

describe('the sandbox route table and the document', () => {
	it('serve exactly the same operations', () => {
		const documented = documentOperations().map(
			(o) => `${key(o.method, o.path)} ${o.op.operationId}`,
		);
		const served = ROUTES.map((r) => `${key(r.method, r.path)} ${r.operationId}`);
		expect([...served].sort()).toEqual([...documented].sort());
		expect(new Set(served).size).toBe(served.length);
	});

	it('agree on every list endpoint query parameter and every path parameter', () => {
		for (const route of ROUTES) {
			const op = doc.paths[route.path][route.method.toLowerCase()];
			expect([route.operationId, ...parametersOf(op, 'query')].sort()).toEqual(
				[route.operationId, ...(route.queryParams ?? [])].sort(),
			);
			const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
			expect(parametersOf(op, 'path').sort()).toEqual(names.sort());
		}
	});
});

describe('sample responses validate against the document', () => {
	const c = (method: string, path: string, body?: unknown, query?: Record<string, string>) =>
		call(sandbox, method, path, { body, query });

	it('reference data', async () => {
		await c('GET', '/sub-companies');
		await c('GET', '/sub-companies/sub_0001');
		await c('GET', '/payment-methods');
		await c('GET', '/payment-methods/pm_0003');
		await c('GET', '/nominal-codes', undefined, { code: '4000' });
		await c('GET', '/nominal-codes/nom_0001');
		const nominal = okBody(
			await c('POST', '/nominal-codes', { code: '4030', name: 'Sales - Training' }),
		);
		await c('PATCH', `/nominal-codes/${nominal.id}`, { active: false });
	});

	it('customers, Sage links, balances and contacts', async () => {
		await c('GET', '/customers', undefined, { search: 'smith', synced: 'false' });
		await c('GET', '/customers/cus_0003');
		const customer = okBody(
			await c('POST', '/customers', {
				companyName: 'Contract Test Ltd',
				email: 'a@b.co.uk',
				creditLimit: 1000,
			}),
		);
		await c('PATCH', `/customers/${customer.id}`, { vatNumber: 'GB 123 4567 89', fax: null });
		await c('GET', `/customers/${customer.id}/sage-link`);
		await c('PUT', `/customers/${customer.id}/sage-link`, {
			synced: true,
			sageCompany: 'THELAYER-DEMO',
			sageCustomerId: 'C0100',
		});
		await c('PUT', `/customers/${customer.id}/balances`, {
			balance: -12.5,
			creditLimit: 2000,
			onHold: true,
			currency: 'GBP',
		});
		const contact = okBody(
			await c('POST', `/customers/${customer.id}/contacts`, {
				firstName: 'Ada',
				lastName: 'Lovelace',
			}),
		);
		await c('PATCH', `/customers/${customer.id}/contacts/${contact.id}`, {
			mobile: '+44 7700 900000',
		});
		await c('GET', `/customers/${customer.id}/contacts`);
	});

	it('invoices, payments, credit notes and refunds', async () => {
		await c('GET', '/invoices', undefined, { status: 'finalised', customerId: 'cus_0001' });
		await c('GET', '/invoices/inv_0001');
		const invoice = okBody(
			await c('POST', '/invoices', {
				number: 'CT-1',
				customerId: 'cus_0002',
				issueDate: '2025-05-01',
				lines: [line({ quantity: 3, unitPrice: 33.33 })],
			}),
		);
		await c('PATCH', `/invoices/${invoice.id}`, {
			reference: 'PO 1',
			lines: [line({ quantity: 2, unitPrice: 250, discountPercent: 10, nominalCode: '4000' })],
		});
		await c('POST', `/invoices/${invoice.id}/finalise`);
		await c('PUT', `/invoices/${invoice.id}/sage-sync`, {
			synced: true,
			sageTransactionId: 'ARINV-1',
		});
		const payment = okBody(
			await c('POST', '/payments', {
				customerId: 'cus_0002',
				paymentMethodId: 'pm_0001',
				amount: 100,
				date: '2025-05-02',
				reference: 'BACS-CT-1',
				allocations: [{ invoiceId: invoice.id, amount: 100 }],
			}),
		);
		await c('GET', '/payments', undefined, { invoiceId: invoice.id });
		await c('GET', `/payments/${payment.id}`);
		await c('PUT', `/payments/${payment.id}/sage-sync`, {
			lastSyncError: 'Bank account not found',
		});
		const note = okBody(
			await c('POST', '/credit-notes', {
				number: 'CN-CT-1',
				customerId: 'cus_0002',
				invoiceId: invoice.id,
				issueDate: '2025-05-03',
				reason: 'Goodwill',
				lines: [line({ unitPrice: 50 })],
				allocations: [{ invoiceId: invoice.id, amount: 60 }],
			}),
		);
		await c('GET', '/credit-notes', undefined, { customerId: 'cus_0002' });
		await c('GET', `/credit-notes/${note.id}`);
		await c('PUT', `/credit-notes/${note.id}/sage-sync`, { synced: false, lastSyncError: null });
		const refund = okBody(
			await c('POST', '/refunds', {
				number: 'RF-CT-1',
				customerId: 'cus_0002',
				paymentMethodId: 'pm_0001',
				amount: 10,
				date: '2025-05-04',
				creditNoteId: note.id,
			}),
		);
		await c('GET', '/refunds', undefined, { synced: 'false' });
		await c('GET', `/refunds/${refund.id}`);
		await c('PUT', `/refunds/${refund.id}/sage-sync`, {
			synced: true,
			lastSyncedAt: '2025-05-04T10:00:00Z',
		});
	});

	it('Sage transactions', async () => {
		const tx = okBody(
			await c('POST', '/sage-transactions', {
				sageSystem: 'intacct',
				sageCompany: 'THELAYER-DEMO',
				sageTransactionId: 'ARPYMT-77',
				type: 'receipt',
				customerId: 'cus_0003',
				amount: 1440,
				currency: 'GBP',
				date: '2025-05-05',
				reference: 'BACS 77',
				allocations: [{ invoiceNumber: 'INV-1003', amount: 1440 }],
			}),
		);
		await c('GET', '/sage-transactions', undefined, { reconciled: 'false', sageSystem: 'intacct' });
		await c('GET', `/sage-transactions/${tx.id}`);
		await c('POST', `/sage-transactions/${tx.id}/reconcile`, {
			allocations: [{ invoiceId: 'inv_0003', amount: 1440 }],
		});
	});

	it('errors: 400, 401, 404, 409 and 429 bodies are the documented Error', async () => {
		await call(sandbox, 'GET', '/invoices', { headers: {} });
		await call(sandbox, 'POST', '/invoices', { body: { number: 1 }, invalid: true });
		await call(sandbox, 'GET', '/invoices', { query: { pageSize: '501' } });
		await c('GET', '/invoices/inv_9999');
		await c('POST', '/nominal-codes', { code: '4000', name: 'Duplicate' });
		await c('POST', '/invoices/inv_0001/finalise');
		sandbox.faults.configure({ faults: [{ type: 'rateLimit', times: 1 }] });
		await c('GET', '/customers');
	});

	it('every operation has a validated 2xx sample', () => {
		const missing = ROUTES.map((r) => r.operationId).filter(
			(id) => ![...(seen.get(id) ?? [])].some((s) => s >= 200 && s < 300),
		);
		expect(missing).toEqual([]);
	});

	it('every stored record, as the control API shows it, matches its document schema', async () => {
		const schemaOf: Record<string, string> = {
			'sub-companies': 'SubCompany',
			'payment-methods': 'PaymentMethod',
			'nominal-codes': 'NominalCode',
			customers: 'Customer',
			contacts: 'Contact',
			invoices: 'Invoice',
			payments: 'Payment',
			'credit-notes': 'CreditNote',
			refunds: 'Refund',
			'sage-transactions': 'SageTransaction',
		};
		for (const [collection, name] of Object.entries(schemaOf)) {
			const response = await fetch(`${sandbox.url}/__sandbox/records/${collection}`);
			const records = (await response.json()) as unknown[];
			expect(records.length).toBeGreaterThan(0);
			const schema = { $ref: `#/components/schemas/${name}` };
			for (const record of records) expect(validate(doc, schema, record)).toEqual([]);
		}
		expect((await get(sandbox, '/customers')).status).toBe(200);
	});
});
