import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { TheLayerClient } from '../transport/client';
import { paths } from '../transport/contract';

export async function searchCustomers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken ?? 1) || 1;
	const response = await new TheLayerClient(this).request<{
		data: Array<{ id: string; companyName: string }>;
		hasMore: boolean;
	}>('GET', paths.customers, {
		qs: { page, pageSize: 100, ...(filter ? { search: filter } : {}) },
	});
	return {
		results: response.data.map((c) => ({ name: c.companyName, value: c.id })),
		paginationToken: response.hasMore ? String(page + 1) : undefined,
	};
}
