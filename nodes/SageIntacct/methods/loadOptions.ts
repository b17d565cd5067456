import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { IntacctClient } from '../transport/client';

async function options(
	ctx: ILoadOptionsFunctions,
	object: string,
	idField: string,
	nameField: string,
	query = "STATUS = 'T'",
): Promise<INodePropertyOptions[]> {
	const records = await new IntacctClient(ctx).readByQueryAll(
		object,
		`${idField},${nameField}`,
		query,
	);
	return records
		.map((r: IDataObject) => ({
			name: `${String(r[idField])} - ${String(r[nameField] ?? '')}`,
			value: String(r[idField]),
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

export async function getGlAccounts(this: ILoadOptionsFunctions) {
	return options(this, 'GLACCOUNT', 'ACCOUNTNO', 'TITLE');
}

export async function getBankAccounts(this: ILoadOptionsFunctions) {
	return options(this, 'CHECKINGACCOUNT', 'BANKACCOUNTID', 'BANKNAME');
}

export async function getLocations(this: ILoadOptionsFunctions) {
	return options(this, 'LOCATION', 'LOCATIONID', 'NAME');
}

export async function getDepartments(this: ILoadOptionsFunctions) {
	return options(this, 'DEPARTMENT', 'DEPARTMENTID', 'TITLE');
}

export async function getEntities(this: ILoadOptionsFunctions) {
	return options(this, 'LOCATIONENTITY', 'LOCATIONID', 'NAME');
}
