import type { IDataObject } from 'n8n-workflow';

import { Lookups } from '../../../nodes/SageSync/actions/map/lookups';
import {
	applyPreset,
	type MapOptions,
	type PresetName,
} from '../../../nodes/SageSync/actions/map/preset';
import { presets } from '../../../nodes/SageSync/actions/map/presets';
import { tablesFromJson } from '../../../nodes/SageSync/actions/map/tables';

export const TABLES = {
	subCompany: { sub_0001: '1:1', sub_0002: '1:2' },
	paymentMethod: {
		pm_0001: { bankAccount: 'BARCLAYS', glAccount: '1010' },
		pm_0002: { bankAccount: '2', glAccount: '1020' },
	},
	nominalCode: { '4000': '40000', '4100': '41000' },
	taxRate: { '20': '1', '0': '2', '5': '3' },
};

export const CUSTOMER: IDataObject = {
	id: 'cus_0001',
	companyName: 'Brightwater Consulting Ltd',
	email: 'accounts@brightwater.co.uk',
	website: 'https://brightwater.co.uk',
	telephone: '+44 20 7946 0811',
	mobile: '+44 7700 900001',
	fax: '+44 20 7946 0812',
	vatNumber: 'GB123456789',
	subCompanyId: 'sub_0001',
	currency: 'GBP',
	contacts: [
		{
			id: 'con_0002',
			firstName: 'Sam',
			lastName: 'Other',
			email: 'sam@brightwater.co.uk',
			telephone: null,
			mobile: null,
			isPrimary: false,
		},
		{
			id: 'con_0001',
			firstName: 'Alice',
			lastName: 'Hart',
			email: 'alice@brightwater.co.uk',
			telephone: '+44 20 7946 0000',
			mobile: '+44 7700 900123',
			isPrimary: true,
		},
	],
	sage: {
		synced: true,
		sageCompany: 'Brightwater UK',
		sageSiteId: '1',
		sageCustomerId: '27006',
		sageAccountNumber: 'BRIGHT01',
	},
};

/** Three lines: 3 × 19.99 less 10% at 20%, 1.5 × 80.00 at 20%, 2 × 12.50 zero-rated. */
export const INVOICE: IDataObject = {
	id: 'inv_0001',
	number: 'INV-1001',
	status: 'finalised',
	customerId: 'cus_0001',
	subCompanyId: 'sub_0001',
	issueDate: '2025-05-01',
	dueDate: '2025-05-31',
	currency: 'GBP',
	reference: 'PO-77',
	lines: [
		{
			description: 'Widget',
			itemCode: 'W1',
			quantity: 3,
			unitPrice: 19.99,
			discountPercent: 10,
			taxRate: 20,
			nominalCode: '4000',
			netAmount: 53.97,
			taxAmount: 10.79,
			grossAmount: 64.76,
		},
		{
			description: 'Support',
			itemCode: null,
			quantity: 1.5,
			unitPrice: 80,
			discountPercent: 0,
			taxRate: 20,
			nominalCode: '4100',
			netAmount: 120,
			taxAmount: 24,
			grossAmount: 144,
		},
		{
			description: 'Book',
			itemCode: 'B1',
			quantity: 2,
			unitPrice: 12.5,
			discountPercent: 0,
			taxRate: 0,
			nominalCode: '4000',
			netAmount: 25,
			taxAmount: 0,
			grossAmount: 25,
		},
	],
	netTotal: 198.97,
	taxTotal: 34.79,
	grossTotal: 233.76,
	amountDue: 233.76,
};

export const INVOICE_2: IDataObject = {
	id: 'inv_0002',
	number: 'INV-1002',
	customerId: 'cus_0001',
	subCompanyId: 'sub_0001',
	currency: 'GBP',
};

export interface MapSetup {
	tables?: IDataObject;
	customers?: IDataObject[];
	invoices?: IDataObject[];
	options?: Partial<MapOptions>;
	overrides?: IDataObject;
}

/** A preset with its tables, lookups and options built once; call it per record (no engine). */
export function mapper(
	preset: PresetName,
	setup: MapSetup = {},
): (record: IDataObject) => IDataObject {
	const ctx = {
		tables: tablesFromJson(setup.tables ?? TABLES),
		lookups: new Lookups(setup.customers ?? [CUSTOMER], setup.invoices ?? [INVOICE, INVOICE_2]),
		options: {
			groupLines: 'perLine' as const,
			nominalCodes: 'table' as const,
			taxHandling: 'separateLines' as const,
			sageCompany: '',
			baseCurrency: 'GBP',
			...setup.options,
		},
	};
	return (record) => applyPreset(presets[preset], record, ctx, setup.overrides ?? {});
}

/** Runs a preset directly: what the Map operation does for one item. */
export function mapRecord(
	preset: PresetName,
	record: IDataObject,
	setup: MapSetup = {},
): IDataObject {
	return mapper(preset, setup)(record);
}
