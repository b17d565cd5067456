import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { TheLayerClient } from '../transport/client';
import { paths } from '../transport/contract';

async function options(
	ctx: ILoadOptionsFunctions,
	path: string,
	label: (r: IDataObject) => string,
	value = 'id',
): Promise<INodePropertyOptions[]> {
	const records = await new TheLayerClient(ctx).list(path);
	return records
		.map((r) => ({ name: label(r), value: String(r[value]) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

export async function getSubCompanies(this: ILoadOptionsFunctions) {
	return options(this, paths.subCompanies, (r) => String(r.name));
}

export async function getPaymentMethods(this: ILoadOptionsFunctions) {
	return options(
		this,
		paths.paymentMethods,
		(r) => `${String(r.name)} (${String(r.bankAccountCode ?? '')})`,
	);
}

export async function getNominalCodes(this: ILoadOptionsFunctions) {
	return options(this, paths.nominalCodes, (r) => `${String(r.code)} - ${String(r.name)}`, 'code');
}
