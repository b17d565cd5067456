import { COMPANY_IDS, DEMO_SITE_ID, SECOND_SITE_ID } from '../../../sandbox/sage200/server';
import { api, get, okBody, startSandbox, tokenFor } from './helpers';
import type { Sage200Sandbox } from './helpers';

let sandbox: Sage200Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => sandbox.close());

describe('GET /sites', () => {
	it('needs only the token and lists one entry per company, as a bare array', async () => {
		const reply = await api(sandbox, 'GET', '/sites', { site: null, company: null });
		expect(okBody(reply)).toEqual([
			{
				company_id: 101,
				company_name: 'Demo UK Ltd',
				tenant_id: 1234,
				site_id: DEMO_SITE_ID,
				site_name: 'Demodata',
				site_short_name: 'demo',
			},
			{
				company_id: 102,
				company_name: 'Demo Ireland Ltd',
				tenant_id: 1234,
				site_id: DEMO_SITE_ID,
				site_name: 'Demodata',
				site_short_name: 'demo',
			},
			{
				company_id: 201,
				company_name: 'Demo Holdings Ltd',
				tenant_id: 5678,
				site_id: SECOND_SITE_ID,
				site_name: 'Group Holdings',
				site_short_name: 'holdings',
			},
		]);
	});

	it('is served under both the Standard and the Professional prefix', async () => {
		const standard = await api(sandbox, 'GET', '/sites', { edition: 'standard' });
		expect(okBody(standard)).toHaveLength(3);
	});

	it('GET /current_user needs no X-Site either', async () => {
		const reply = await api(sandbox, 'GET', '/current_user', { site: null, company: null });
		expect(okBody(reply)).toMatchObject({ id: 1, friendly_name: 'API User', is_web_user: true });
	});
});

describe('X-Site and X-Company', () => {
	it.each([
		['no X-Site', { site: null }, 'The X-Site header is missing'],
		['no X-Company', { company: null }, 'The X-Company header is missing'],
		[
			'an unknown site',
			{ site: '00000000-0000-0000-0000-000000000000' },
			'is not a site this user can access',
		],
		[
			"another site's company",
			{ site: SECOND_SITE_ID, company: COMPANY_IDS.uk },
			`X-Company '101' is not a company of site '${SECOND_SITE_ID}'`,
		],
		['a company id that is not a number', { company: 'Demo UK Ltd' }, 'is not a company of site'],
	])('are required on company resources: %s -> 401', async (_case, options, message) => {
		const reply = await api(sandbox, 'GET', '/customers', options);
		expect(reply.status).toBe(401);
		expect(reply.body).toEqual({ statusCode: 401, message: expect.stringContaining(message) });
	});

	it('pick the company: each company has its own data', async () => {
		const uk = okBody(await api(sandbox, 'GET', '/customers', { company: COMPANY_IDS.uk }));
		const ireland = okBody(
			await api(sandbox, 'GET', '/customers', { company: COMPANY_IDS.ireland }),
		);
		const holdings = okBody(
			await api(sandbox, 'GET', '/customers', {
				site: SECOND_SITE_ID,
				company: COMPANY_IDS.holdings,
			}),
		);
		expect(uk.map((c: { reference: string }) => c.reference)).toEqual([
			'ABB001',
			'KES002',
			'MER003',
			'PAR004',
		]);
		expect(ireland.map((c: { reference: string }) => c.reference)).toEqual(['LIF001', 'GAL002']);
		expect(holdings).toEqual([]);
		const irishCurrencies = okBody(
			await api(sandbox, 'GET', '/currencies', {
				company: COMPANY_IDS.ireland,
				query: { $expand: 'currency_iso_code' },
			}),
		);
		expect(irishCurrencies[0]).toMatchObject({
			is_base_currency: true,
			currency_iso_code: { code: 'EUR' },
		});
	});

	it('accept the site id in any letter case and ignore ocp-apim-subscription-key', async () => {
		const response = await fetch(`${sandbox.apiBase.professional}/customers?$top=1`, {
			headers: {
				Authorization: `Bearer ${await tokenFor(sandbox)}`,
				'X-Site': DEMO_SITE_ID.toUpperCase(),
				'X-Company': '101',
				'Ocp-Apim-Subscription-Key': 'anything',
			},
		});
		expect(response.status).toBe(200);
	});
});

describe('editions and routing', () => {
	it('leaves Professional-only fields out on Standard (spec §12)', async () => {
		const pro = okBody(await get(sandbox, '/customers', { $top: 1 }))[0];
		const standard = okBody(
			await api(sandbox, 'GET', '/customers', { edition: 'standard', query: { $top: 1 } }),
		)[0];
		for (const field of [
			'finance_charge_id',
			'office_type',
			'associated_head_office_id',
			'produce_statements_for_customer',
			'is_head_office_with_branches',
			'use_consolidated_billing',
		]) {
			expect(pro).toHaveProperty(field);
			expect(standard).not.toHaveProperty(field);
		}
		expect(standard.reference).toBe(pro.reference);
		const nominal = okBody(await api(sandbox, 'GET', '/nominal_codes', { edition: 'standard' }))[0];
		expect(nominal).not.toHaveProperty('report_category_id');
	});

	it('answers 404 for an unknown path or id and 405 for a known path with the wrong method', async () => {
		const unknown = await get(sandbox, '/no_such_resource');
		expect(unknown.status).toBe(404);
		expect(unknown.body.message).toContain('No HTTP resource was found');
		expect((await get(sandbox, '/customers/999999')).status).toBe(404);
		expect((await get(sandbox, '/customers/abc')).status).toBe(404);
		const wrong = await api(sandbox, 'PATCH', '/customers/27001', { body: {} });
		expect(wrong).toMatchObject({
			status: 405,
			body: { message: "The requested resource does not support http method 'PATCH'." },
		});
		const getInvoices = await get(sandbox, '/sales_invoices');
		expect(getInvoices.status).toBe(405);
		expect(getInvoices.headers.get('allow')).toBe('POST');
		const outside = await fetch(`${sandbox.url}/uk/sage200extra/accounts/v2/customers`);
		expect(outside.status).toBe(404);
	});

	it('serves company details for the selected company', async () => {
		const [details] = okBody(
			await api(sandbox, 'GET', '/company_details', { company: COMPANY_IDS.ireland }),
		);
		expect(details).toMatchObject({ id: 1, name: 'Demo Ireland Ltd', address: { city: 'Dublin' } });
		expect(okBody(await get(sandbox, '/company_details/1')).name).toBe('Demo UK Ltd');
		expect((await get(sandbox, '/company_details/2')).status).toBe(404);
	});
});
