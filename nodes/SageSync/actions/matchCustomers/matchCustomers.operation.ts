import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { recordList, text } from '../../core/records';
import { compact } from '../map/preset';
import { toItemError } from '../../core/syncError';
import type { SyncOperation } from '../operation';
import {
	DEFAULT_PATHS,
	SageCustomerIndex,
	linkOf,
	matchCustomers as matchAll,
	type MatchResult,
	type SageCustomer,
	type StrategyRow,
} from './matcher';

const show = { operation: ['matchCustomers'] };

const properties: INodeProperties[] = [
	{
		displayName: 'Sage System',
		name: 'sageSystem',
		type: 'options',
		options: [
			{ name: 'Sage 200', value: 'sage200', description: 'Compares ID, reference, name and email' },
			{
				name: 'Sage Intacct',
				value: 'intacct',
				description: 'Compares CUSTOMERID, NAME and DISPLAYCONTACT.EMAIL1',
			},
		],
		default: 'intacct',
		displayOptions: { show },
		description: 'Where the Sage customers come from; sets which of their fields are compared',
	},
	{
		displayName: 'Sage Customers',
		name: 'sageCustomers',
		type: 'json',
		required: true,
		default: '',
		displayOptions: { show },
		placeholder: '{{ $("Get Intacct customers").all() }}',
		description:
			'The Sage customer list: n8n items or records, usually one expression such as {{ $("Get Intacct customers").all() }}. Read once, from the first item, unless Options › Read Per Item is on.',
	},
	{
		displayName: 'Sage Company',
		name: 'sageCompany',
		type: 'string',
		default: '',
		displayOptions: { show },
		description:
			'Links to another Sage company are ignored; empty = any. Also written to the matched customers’ link.',
	},
	{
		displayName: 'Sage Site ID',
		name: 'sageSiteId',
		type: 'string',
		default: '',
		displayOptions: { show },
		description: 'Links to another site / entity are ignored; empty = any',
	},
	{
		displayName: 'Strategies',
		name: 'strategies',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Strategy',
		default: {
			strategy: [{ strategy: 'link' }, { strategy: 'customerId' }, { strategy: 'companyName' }],
		},
		displayOptions: { show },
		description:
			'Tried in order; the first that finds one Sage customer matches, the first that finds several makes the customer ambiguous',
		options: [
			{
				displayName: 'Strategy',
				name: 'strategy',
				values: [
					{
						displayName: 'Strategy',
						name: 'strategy',
						type: 'options',
						options: [
							{
								name: 'Account Number',
								value: 'accountNumber',
								description:
									'The customer’s accountNumber (or Sage Account Number) = the Sage account number',
							},
							{
								name: 'Catch-All Customer',
								value: 'catchAll',
								description: 'Everything still unmatched goes to one Sage customer',
							},
							{
								name: 'Company Name',
								value: 'companyName',
								description: 'Ignoring case, punctuation, "&"/"and" and Ltd/Limited/PLC/LLP/Inc',
							},
							{
								name: 'Customer ID',
								value: 'customerId',
								description: 'The Layer ID = the Sage customer ID',
							},
							{ name: 'Email', value: 'email', description: 'Ignoring case' },
							{
								name: 'Existing Link',
								value: 'link',
								description:
									'The customer’s Sage link (or the upload columns SageCustomerId / SageAccountNumber), in this Sage company and site',
							},
						],
						default: 'link',
					},
					{
						displayName: 'Catch-All Sage Customer',
						name: 'catchAllCustomer',
						type: 'string',
						default: '',
						displayOptions: { show: { strategy: ['catchAll'] } },
						description: 'Its ID or account number',
					},
					{
						displayName: 'Layer Value',
						name: 'layerValue',
						type: 'string',
						default: '',
						displayOptions: { hide: { strategy: ['catchAll'] } },
						description:
							'Compare this instead of the default Layer field, e.g. an expression reading a custom field of the customer',
					},
				],
			},
		],
	},
	{
		displayName: 'Options',
		name: 'matchOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Read Per Item',
				name: 'perItem',
				type: 'boolean',
				default: false,
				description:
					'Whether each item brings its own Sage customer list (an expression reading a field of the item)',
			},
			{
				displayName: 'Sage Account Number Field',
				name: 'accountNumberField',
				type: 'string',
				default: '',
			},
			{ displayName: 'Sage Email Field', name: 'emailField', type: 'string', default: '' },
			{ displayName: 'Sage ID Field', name: 'idField', type: 'string', default: '' },
			{ displayName: 'Sage Name Field', name: 'nameField', type: 'string', default: '' },
		],
	},
];

function sageSummary(sage: SageCustomer): IDataObject {
	return { sageCustomerId: sage.id, sageAccountNumber: sage.accountNumber, sageName: sage.name };
}

function outputFor(
	record: IDataObject,
	result: MatchResult,
	scope: IDataObject,
): { output: number; json: IDataObject } {
	if (result.outcome === 'matched') {
		const link = linkOf(record);
		return {
			output: 0,
			json: {
				...record,
				match: {
					outcome: 'matched',
					strategy: result.strategy,
					...sageSummary(result.sage),
					sageRecord: result.sage.record ?? null,
				},
				// The Layer › Customer › Update Sage Link takes these as its Link Fields.
				linkFields: compact({
					sageCompany: text(scope.sageCompany) || text(link.sageCompany),
					sageSiteId: text(scope.sageSiteId) || text(link.sageSiteId),
					sageCustomerId: result.sage.id,
					sageAccountNumber: result.sage.accountNumber,
					synced: true,
				}),
			},
		};
	}
	if (result.outcome === 'notFound')
		return { output: 1, json: { ...record, match: { outcome: 'notFound', tried: result.tried } } };
	return {
		output: 2,
		json: {
			...record,
			match: {
				outcome: 'ambiguous',
				strategy: result.strategy,
				reason: result.reason,
				candidates: result.candidates.map(sageSummary),
			},
		},
	};
}

/**
 * Match Customers: Layer customers in, each to Matched (with the link fields for The Layer ›
 * Customer › Update Sage Link), Not Found (create it in Sage) or Ambiguous (needs a person).
 */
export const matchCustomers: SyncOperation = {
	description: properties,
	outputs: ['Matched', 'Not Found', 'Ambiguous'],
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const outputs: INodeExecutionData[][] = [[], [], []];
		if (items.length === 0) return outputs;
		const system = this.getNodeParameter('sageSystem', 0) as 'intacct' | 'sage200';
		const options = this.getNodeParameter('matchOptions', 0, {}) as IDataObject;
		const paths = {
			id: text(options.idField) || DEFAULT_PATHS[system].id,
			accountNumber: text(options.accountNumberField) || DEFAULT_PATHS[system].accountNumber,
			name: text(options.nameField) || DEFAULT_PATHS[system].name,
			email: text(options.emailField) || DEFAULT_PATHS[system].email,
		};
		const scope = {
			sageCompany: text(this.getNodeParameter('sageCompany', 0, '')),
			sageSiteId: text(this.getNodeParameter('sageSiteId', 0, '')),
		};
		const readIndex = (i: number) =>
			new SageCustomerIndex(
				recordList(this.getNodeParameter('sageCustomers', i), 'sageCustomers'),
				paths,
			);
		let shared: SageCustomerIndex | undefined;
		const batches = new Map<
			SageCustomerIndex,
			Array<{ itemIndex: number; record: IDataObject; rows: StrategyRow[] }>
		>();
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				const index = options.perItem === true ? readIndex(itemIndex) : (shared ??= readIndex(0));
				const rows = ((this.getNodeParameter('strategies', itemIndex, {}) as IDataObject)
					.strategy ?? []) as StrategyRow[];
				const batch = batches.get(index) ?? [];
				batch.push({ itemIndex, record: items[itemIndex].json, rows });
				batches.set(index, batch);
			} catch (error) {
				const itemError = toItemError(this.getNode(), error, itemIndex);
				if (!this.continueOnFail()) throw itemError;
				outputs[0].push({ json: { error: itemError.message }, pairedItem: { item: itemIndex } });
			}
		}
		for (const [index, batch] of batches) {
			const results = matchAll(batch, index, scope);
			batch.forEach((entry, n) => {
				const { output, json } = outputFor(entry.record, results[n], scope);
				outputs[output].push({ json, pairedItem: { item: entry.itemIndex } });
			});
		}
		return outputs;
	},
};
