import { queryList, queryOne } from '../odata/query';
import { notFound } from '../errors';
import { ok, pathId } from '../route';
import type { Route } from '../route';
import type { CompanyData } from '../store';
import { SANDBOX_USER } from '../tokens';

/** `/sites` (no X-Site needed; one entry per company, spec §4), `/current_user`, `/company_details`. */

function presentCompanyDetails(company: CompanyData) {
	const { info } = company;
	const stamp = '2024-01-01T00:00:00.000';
	return {
		id: 1,
		name: info.name,
		telephone: info.telephone,
		fax: '',
		email: info.email,
		website: info.website,
		tax_registration_number: info.tax_registration_number,
		years_accounts_held_for: 6,
		country_code_id: info.country_code_id,
		eori_number: '',
		is_supplier_payments_enabled: false,
		address: {
			id: 1,
			address_1: info.address.address_1,
			address_2: '',
			address_3: '',
			address_4: '',
			city: info.address.city,
			county: '',
			postcode: info.address.postcode,
			country: info.address.country,
			date_time_created: stamp,
			date_time_updated: stamp,
		},
		date_time_created: stamp,
		date_time_updated: stamp,
	};
}

const companyDetails = { typeName: 'company_details', present: presentCompanyDetails };

export const generalRoutes: Route[] = [
	{
		method: 'GET',
		path: '/sites',
		operationId: 'GetSites',
		scope: 'user',
		handle: ({ store }) =>
			ok(
				store.sites.flatMap((site) =>
					site.companies.map((c) => ({
						company_id: c.company_id,
						company_name: c.company_name,
						tenant_id: site.tenant_id,
						site_id: site.site_id,
						site_name: site.site_name,
						site_short_name: site.site_short_name,
					})),
				),
			),
	},
	{
		method: 'GET',
		path: '/current_user',
		operationId: 'GetCurrentUser',
		scope: 'user',
		handle: () =>
			ok({
				id: 1,
				logon_name: SANDBOX_USER.email,
				friendly_name: SANDBOX_USER.name,
				email_address: SANDBOX_USER.email,
				is_web_user: true,
				last_logon_date_time: '2025-04-01T09:00:00.000',
			}),
	},
	{
		method: 'GET',
		path: '/company_details',
		operationId: 'GetCompanyDetails',
		scope: 'company',
		handle: (context) => ok(queryList([context.company], context.query, companyDetails)),
	},
	{
		method: 'GET',
		path: '/company_details/{Id}',
		operationId: 'GetCompanyDetail',
		scope: 'company',
		handle: (context) => {
			const id = pathId(context);
			if (id !== 1) throw notFound(`No company details with id ${id} was found.`);
			return ok(queryOne(context.company, context.query, companyDetails));
		},
	},
];
