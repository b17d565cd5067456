import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { Sage200Client, odataString, parseSiteCompany } from '../transport/client';

export async function searchCustomers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const company = parseSiteCompany(String(this.getCurrentNodeParameter('company') ?? ''));
	const skip = Number(paginationToken ?? 0) || 0;
	const term = (filter ?? '').trim();
	const qs = {
		$top: 100,
		$skip: skip,
		$orderby: 'name asc',
		$select: 'id,reference,name',
		...(term
			? {
					$filter: `contains(name,${odataString(term)}) or contains(reference,${odataString(term.toUpperCase())})`,
				}
			: {}),
	};
	const records = await new Sage200Client(this).request<
		Array<{ id: number; reference: string; name: string }>
	>('GET', 'customers', { qs, company });
	return {
		results: records.map((c) => ({ name: `${c.name} (${c.reference})`, value: String(c.id) })),
		paginationToken: records.length === 100 ? String(skip + 100) : undefined,
	};
}
