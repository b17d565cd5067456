import type { INodeProperties } from 'n8n-workflow';

import type { Preset, PresetName } from './preset';
import { presets } from './presets';

const show = { operation: ['map'] };
const RECEIPT_PRESETS: PresetName[] = ['intacctReceiptToLayer', 'sage200ReceiptToLayer'];

const presetsUsing = (option: string): PresetName[] =>
	Object.values(presets)
		.filter((p) => (p.options as string[]).includes(option))
		.map((p) => p.value);

const fromTo = (from: string, to: string, toHint: string): INodeProperties[] => [
	{ displayName: from, name: 'from', type: 'string', default: '' },
	{ displayName: to, name: 'to', type: 'string', default: '', description: toHint },
];

export const mapProperties: INodeProperties[] = [
	{
		displayName: 'Preset',
		name: 'preset',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show },
		options: [
			{ name: 'Credit Note → Intacct AR Adjustment', value: 'creditNoteToIntacct' },
			{ name: 'Credit Note → Sage 200 Sales Credit Note', value: 'creditNoteToSage200' },
			{ name: 'Customer → Intacct Customer', value: 'customerToIntacct' },
			{ name: 'Customer → Sage 200 Customer and Contact', value: 'customerToSage200' },
			{ name: 'Intacct AR Payment → Layer Sage Transaction', value: 'intacctReceiptToLayer' },
			{ name: 'Invoice → Intacct AR Invoice', value: 'invoiceToIntacct' },
			{ name: 'Invoice → Sage 200 Sales Invoice', value: 'invoiceToSage200' },
			{ name: 'Payment → Intacct AR Payment', value: 'paymentToIntacct' },
			{ name: 'Payment → Sage 200 Sales Receipt', value: 'paymentToSage200' },
			{ name: 'Refund → Intacct AR Adjustment (Debit Memo)', value: 'refundToIntacct' },
			{ name: 'Refund → Sage 200 Sales Payment', value: 'refundToSage200' },
			{ name: 'Sage 200 Receipt → Layer Sage Transaction', value: 'sage200ReceiptToLayer' },
		],
		default: 'invoiceToIntacct',
		description:
			'What each input item is, and which node the output feeds: the output uses that node’s parameter names',
	},
	{
		displayName: 'Sage Company',
		name: 'sageCompany',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: { ...show, preset: RECEIPT_PRESETS } },
		description: 'The Sage company name The Layer records the transaction under',
	},
	{
		displayName: 'Mapping Tables Input',
		name: 'mappingsInput',
		type: 'options',
		options: [
			{ name: 'Define Below', value: 'fields' },
			{
				name: 'From JSON',
				value: 'json',
				description: 'E.g. built from The Layer’s payment methods with an expression.',
			},
		],
		default: 'fields',
		displayOptions: { show },
	},
	{
		displayName: 'Mapping Tables',
		name: 'mappings',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Mapping',
		default: {},
		displayOptions: { show: { ...show, mappingsInput: ['fields'] } },
		description:
			'A value without a row is an error naming the record; a row with Layer value * maps every other value',
		options: [
			{
				displayName: 'Nominal Code → GL Account / Nominal Code',
				name: 'nominalCode',
				values: fromTo(
					'Layer Nominal Code',
					'Sage Code',
					'Intacct GL account number or Sage 200 nominal code',
				),
			},
			{
				displayName: 'Payment Method → Bank Account',
				name: 'paymentMethod',
				values: [
					...fromTo(
						'Layer Payment Method ID',
						'Bank Account',
						'Intacct bank account ID or Sage 200 bank ID',
					),
					{
						displayName: 'GL Account (Intacct Refunds)',
						name: 'glAccount',
						type: 'string',
						default: '',
						description: 'The bank’s GL account, credited by Intacct refund debit memos',
					},
				],
			},
			{
				displayName: 'Sub-Company → Sage Company',
				name: 'subCompany',
				values: fromTo(
					'Layer Sub-Company ID',
					'Sage Company',
					'Sage 200 "siteId:companyId", or the Intacct location/entity ID',
				),
			},
			{
				displayName: 'Tax Rate → Tax Code / VAT Account',
				name: 'taxRate',
				values: fromTo(
					'Layer Tax Rate (%)',
					'Sage Code',
					'Sage 200 tax code ID, or the Intacct VAT GL account',
				),
			},
		],
	},
	{
		displayName: 'Mapping Tables (JSON)',
		name: 'mappingsJson',
		type: 'json',
		default: '{"subCompany": {}, "paymentMethod": {}, "nominalCode": {}, "taxRate": {}}',
		displayOptions: { show: { ...show, mappingsInput: ['json'] } },
		description:
			'Each table maps a Layer value to a Sage value; payment methods may map to {"bankAccount": "…", "glAccount": "…"}. Read once, from the first item.',
	},
	{
		displayName: 'Lookups',
		name: 'lookups',
		type: 'collection',
		placeholder: 'Add Lookup',
		default: {},
		displayOptions: { show },
		description: 'Other records the mapping needs. Read once, from the first item.',
		options: [
			{
				displayName: 'Customers',
				name: 'customers',
				type: 'json',
				default: '',
				description:
					'Layer customers (with their Sage link), e.g. {{ $("Get customers").all() }}: the Sage customer ID and sub-company of transactions',
			},
			{
				displayName: 'Invoices',
				name: 'invoices',
				type: 'json',
				default: '',
				description:
					'Layer invoices (or Intacct invoices with RECORDNO and RECORDID): invoice numbers for allocations',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Base Currency',
				name: 'baseCurrency',
				type: 'string',
				default: 'GBP',
				displayOptions: { show: { '/preset': presetsUsing('baseCurrency') } },
				description:
					'Currency of a receipt that does not name one (the Sage company’s base currency)',
			},
			{
				displayName: 'Group Lines',
				name: 'groupLines',
				type: 'options',
				options: [
					{ name: 'One per Layer Line', value: 'perLine' },
					{
						name: 'By Account',
						value: 'byAccount',
						description: 'Add up lines with the same account (and tax code); nets discount lines',
					},
				],
				default: 'perLine',
				displayOptions: { show: { '/preset': presetsUsing('groupLines') } },
			},
			{
				displayName: 'Nominal Codes',
				name: 'nominalCodes',
				type: 'options',
				options: [
					{ name: 'Map Through the Nominal Code Table', value: 'table' },
					{ name: 'Same Code in Sage', value: 'same' },
				],
				default: 'table',
				displayOptions: { show: { '/preset': presetsUsing('nominalCodes') } },
			},
			{
				displayName: 'Tax Handling (Intacct)',
				name: 'taxHandling',
				type: 'options',
				options: [
					{
						name: 'VAT on Separate Lines',
						value: 'separateLines',
						description: 'Net lines, plus one line per rate to the Tax Rate table’s VAT GL account',
					},
					{ name: 'Gross Lines', value: 'gross', description: 'Each line includes its VAT' },
				],
				default: 'separateLines',
				displayOptions: { show: { '/preset': presetsUsing('taxHandling') } },
			},
		],
	},
	...Object.values(presets).map(overridesProperty),
];

/** The preset's fields as one collection: adding a field overrides its default (shown below it). */
function overridesProperty(preset: Preset): INodeProperties {
	return {
		displayName: 'Field Overrides',
		name: 'fieldOverrides',
		type: 'collection',
		placeholder: 'Override Field',
		default: {},
		displayOptions: { show: { ...show, preset: [preset.value] } },
		description: 'Any output field, set here (usually with an expression) instead of its default',
		options: [...preset.fields]
			.sort((a, b) => a.displayName.localeCompare(b.displayName))
			.map((f) => ({
				displayName: f.displayName,
				name: f.name,
				type: f.type ?? 'string',
				default: f.type === 'json' ? '[]' : f.type === 'number' ? 0 : '',
				description: `Default: ${f.rule}`,
			})),
	};
}
