import { ROUTES } from '../../../sandbox/sage200/server';
import { findRoute } from '../../../sandbox/sage200/routes';
import { api, customerId, okBody, postInvoice, startSandbox } from './helpers';
import type { Json, Reply, RequestOptions, Sage200Sandbox } from './helpers';
import { operationOf, root, schemaOf, shapeProblems, specsPresent } from './openapi';
import { validate } from '../thelayer/schemaValidator';

/**
 * The sandbox against Sage's own OpenAPI files: every route is a documented operation with the
 * same operationId, and a sample 200 of every GET/POST/PUT validates against the documented
 * response schema (request bodies against the request schema), read through ./openapi.ts.
 */
const describeSpecs = specsPresent ? describe : describe.skip;

let sandbox: Sage200Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => sandbox.close());

const validated = new Set<string>();

async function call(method: string, path: string, options: RequestOptions = {}): Promise<Reply> {
	const rest = path.split('?')[0];
	const template = findRoute(method, rest).match?.route.path;
	if (!template) throw new Error(`No route for ${method} ${rest}`);
	if (options.body !== undefined)
		expect(shapeProblems(method, template, 'request', options.body)).toEqual([]);
	const reply = await api(sandbox, method, path, options);
	okBody(reply);
	const problems = shapeProblems(method, template, 'response', reply.body);
	if (problems.length > 0)
		throw new Error(`${method} ${template}:\n${problems.slice(0, 20).join('\n')}`);
	validated.add(`${method} ${template}`);
	return reply;
}

describeSpecs('routes and operationIds', () => {
	it("every route is an operation of Sage's files with the same operationId", () => {
		for (const route of ROUTES) {
			expect([
				route.method,
				route.path,
				operationOf(route.method, route.path).operation.operationId,
			]).toEqual([route.method, route.path, route.operationId]);
		}
		const keys = ROUTES.map((r) => `${r.method} ${r.path}`);
		expect(new Set(keys).size).toBe(keys.length);
	});
});

describeSpecs('the converted schemas catch what the shape test relies on', () => {
	const check = (value: unknown) =>
		validate(root, { $ref: '#/components/schemas/financials:tax_code' }, value);
	const taxCode = {
		id: 2,
		code: 1,
		name: 'Standard rated',
		tax_rate: 20,
		terms: '',
		terms_description: '',
		is_notional_acquisition_tax: false,
		date_time_created: '2024-01-01T00:00:00.000',
		date_time_updated: '2024-01-01T00:00:00.000',
	};
	it.each([
		[{}, []],
		[{ colour: 'red' }, ['$: unexpected property colour']],
		[{ name: 'N'.repeat(61) }, ['does not match']],
		[{ tax_rate: 20.001 }, ['is not a valid money']],
		[{ code: 40000 }, ['> maximum 32767']],
		[{ code: '1' }, ['expected integer, got string']],
		[{ tax_rate: '20' }, ['expected number or null, got string']],
		[{ date_time_updated: '2024-01-01' }, ['does not match']],
		[{ date_time_updated: null }, []],
		[{ name: undefined }, ['$: missing required name']], // (the key is removed)
	])('%j', (patch, expected) => {
		const value: Record<string, unknown> = { ...taxCode, ...patch };
		for (const key of Object.keys(value)) if (value[key] === undefined) delete value[key];
		const problems = check(value);
		expect(problems.length).toBe(expected.length);
		expected.forEach((text, i) => expect(problems[i]).toContain(text));
	});
	it('documents a request schema for every POST and PUT route', () => {
		for (const route of ROUTES.filter((r) => r.method === 'POST' || r.method === 'PUT')) {
			expect(schemaOf(route.method, route.path, 'request')).toBeDefined();
		}
	});
});

describeSpecs('sample responses validate against the OpenAPI files', () => {
	let customer: Json;
	let contact: Json;

	it('general and reference data', async () => {
		await call('GET', '/sites');
		await call('GET', '/current_user');
		await call('GET', '/company_details');
		await call('GET', '/company_details/1');
		for (const [list, one] of [
			['/banks', '/banks/1'],
			['/nominal_codes', '/nominal_codes/2001'],
			['/tax_codes', '/tax_codes/2'],
			['/currencies', '/currencies/2'],
		]) {
			await call('GET', list);
			await call('GET', one);
		}
		await call('GET', '/banks', { edition: 'standard' });
		await call('GET', '/currencies', { query: { $expand: 'currency_iso_code' } });
	});

	it('customers and contacts', async () => {
		customer = okBody(
			await call('POST', '/customers', {
				body: {
					reference: 'SHAPE1',
					name: 'Shape Test Ltd',
					credit_limit: 250.5,
					account_opened: '2025-01-01T00:00:00',
					main_address: { address_1: '1 Test St', city: 'Leeds', postcode: 'LS1 1AA' },
					contacts: [
						{
							first_name: 'Sam',
							last_name: 'Shape',
							emails: [{ email: 'sam@shape.example', is_default: true }],
						},
					],
				},
			}),
		);
		await call('GET', '/customers', {
			query: {
				$expand:
					'main_address,contacts,currency,country_code,default_tax_code,default_nominal_code',
			},
		});
		await call('GET', '/customers', { edition: 'standard' });
		await call('GET', `/customers/${customer.id}`);
		await call('PUT', `/customers/${customer.id}`, {
			body: { name: 'Shape Test Limited', on_hold: true },
		});
		await call('GET', '/customer_views');
		contact = okBody(
			await call('POST', `/customers/${customer.id}/customer_contacts`, {
				body: {
					first_name: 'Alex',
					telephones: [{ area_code: '0113', subscriber_number: '4960000' }],
					faxes: [{ subscriber_number: '1' }],
					websites: [{ website: 'https://shape.example' }],
					mobiles: [{ subscriber_number: '07700900000' }],
				},
			}),
		);
		await call('GET', '/customer_contacts');
		await call('GET', `/customer_contacts/${contact.id}`);
		await call('PUT', `/customer_contacts/${contact.id}`, { body: { last_name: 'Jones' } });
		await call('GET', `/customers/${customer.id}/customer_contacts`);
		await call('GET', `/customers/${customer.id}/customer_contacts/${contact.id}`);
		await call('PUT', `/customers/${customer.id}/customer_contacts/${contact.id}`, {
			body: { middle_name: 'B' },
		});
	});

	it('postings, allocations and what they leave behind', async () => {
		const id = customerId(sandbox, 'SHAPE1');
		const invoice = {
			customer_id: id,
			transaction_date: '2025-05-01T00:00:00',
			due_date: '2025-05-31T00:00:00',
			reference: 'S-INV',
			document_goods_value: 100,
			document_tax_value: 20,
			tax_analysis_items: [{ id: 2, goods_amount: 100, tax_amount: 20 }],
			nominal_analysis_items: [{ code: '4000', value: 100, narrative: 'x' }],
		};
		await call('POST', '/sales_invoices', { body: invoice });
		await call('POST', '/sales_credit_notes', {
			body: {
				customer_id: id,
				reference: 'S-CRN',
				document_goods_value: 10,
				document_tax_value: 2,
			},
		});
		await call('POST', '/sales_receipts', {
			body: { customer_id: id, bank_id: 1, cheque_value: 50, reference: 'S-REC' },
		});
		await call('POST', '/sales_payments', {
			body: { customer_id: id, bank_id: 1, cheque_value: 5, reference: 'S-PAY' },
		});
		const posted = okBody(
			await call('GET', `/customers/${id}/sales_posted_transactions`, {
				query: { $orderby: 'id asc' },
			}),
		);
		const [inv, , rec] = posted;
		await call('POST', '/sales_allocations', {
			body: {
				customer_id: id,
				allocation_date: '2025-05-10T00:00:00',
				allocation_lines: [
					{ posted_tran_id: inv.id, value_to_allocate: 50 },
					{ posted_tran_id: rec.id, value_to_allocate: -50 },
				],
			},
		});
		await postInvoice(sandbox, {
			customer_id: customerId(sandbox, 'PAR004'),
			document_goods_value: 117,
			document_tax_value: 0,
			tax_analysis_items: [{ id: 1, goods_amount: 117, tax_amount: 0 }],
			nominal_analysis_items: [{ code: '4000', value: 117 }],
		});
		await call('GET', '/sales_posted_transactions', { query: { $expand: 'customer' } });
		await call('GET', `/sales_posted_transactions/${inv.id}`);
		await call('PUT', `/sales_posted_transactions/${inv.id}`, { body: { queried: 'Q' } });
		await call('GET', '/sales_transaction_views');
	});

	it('covered every GET, POST and PUT route', () => {
		const expected = ROUTES.filter((r) => r.method !== 'DELETE').map(
			(r) => `${r.method} ${r.path}`,
		);
		expect(expected.filter((key) => !validated.has(key))).toEqual([]);
	});
});
