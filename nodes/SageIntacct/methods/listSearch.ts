import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { IntacctClient } from '../transport/client';
import { queryString } from '../transport/functions';

/** Customers for the resource locator, searched by name or ID, 100 at a time. */
export async function searchCustomers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const client = new IntacctClient(this);
	const offset = Number(paginationToken ?? 0) || 0;
	const term = (filter ?? '').trim();
	const query = term
		? `NAME LIKE ${queryString(`%${term}%`)} OR CUSTOMERID LIKE ${queryString(`%${term}%`)}`
		: "STATUS = 'T'";
	const records = await client.readByQueryAll('CUSTOMER', 'CUSTOMERID,NAME', query, {
		limit: offset + 100,
	});
	const page = records.slice(offset);
	return {
		results: page.map((r) => ({
			name: `${String(r.NAME)} (${String(r.CUSTOMERID)})`,
			value: String(r.CUSTOMERID),
		})),
		paginationToken: page.length === 100 ? String(offset + 100) : undefined,
	};
}
