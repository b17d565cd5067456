import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { Sage200Client, parseSiteCompany } from '../transport/client';

export async function getCompanies(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const sites = await new Sage200Client(this).request<IDataObject[]>('GET', 'sites');
	return (Array.isArray(sites) ? sites : []).map((s) => ({
		name: `${String(s.site_name)} / ${String(s.company_name)}`,
		value: `${String(s.site_id)}:${String(s.company_id)}`,
	}));
}

async function companyList(
	ctx: ILoadOptionsFunctions,
	path: string,
	label: (r: IDataObject) => string,
): Promise<INodePropertyOptions[]> {
	const company = parseSiteCompany(String(ctx.getCurrentNodeParameter('company') ?? ''));
	const records = await new Sage200Client(ctx).list(path, company);
	return records.map((r) => ({ name: label(r), value: String(r.id) }));
}

export async function getBanks(this: ILoadOptionsFunctions) {
	return companyList(
		this,
		'banks',
		(r) => `${String(r.code)} - ${String(r.description ?? r.bank_name ?? '')}`,
	);
}

export async function getNominalCodes(this: ILoadOptionsFunctions) {
	return companyList(this, 'nominal_codes', (r) => `${String(r.reference)} - ${String(r.name)}`);
}

export async function getTaxCodes(this: ILoadOptionsFunctions) {
	return companyList(
		this,
		'tax_codes',
		(r) => `T${String(r.code)} - ${String(r.name)} (${String(r.tax_rate)}%)`,
	);
}
