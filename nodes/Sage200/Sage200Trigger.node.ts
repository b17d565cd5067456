import {
	NodeApiError,
	NodeConnectionTypes,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
	type JsonObject,
} from 'n8n-workflow';

import { pollChanges, pollProperties } from '../shared/pollCursor';
import { Sage200Client, odataString, parseSiteCompany } from './transport/client';
import { TRANSACTION_TYPES } from './transport/posting';
import { getCompanies } from './methods/loadOptions';

const EVENTS: Record<string, { path: string; filter?: string }> = {
	receipt: {
		path: 'sales_posted_transactions',
		filter: `trader_transaction_type eq ${odataString(TRANSACTION_TYPES.receipt)}`,
	},
	postedTransaction: { path: 'sales_posted_transactions' },
	customer: { path: 'customers' },
};

/** Sage 200 returns UTC datetimes without an offset (spec §5); read them as UTC. */
export function sageUtc(value: unknown): string {
	const text = String(value ?? '');
	return /Z$|[+-]\d\d:\d\d$/.test(text) ? text : `${text}Z`;
}

export class Sage200Trigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sage 200 Trigger',
		name: 'sage200Trigger',
		icon: { light: 'file:sage200.svg', dark: 'file:sage200.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts the workflow when Sage 200 records change (polls date_time_updated)',
		defaults: { name: 'Sage 200 Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'sage200OAuth2Api', required: true }],
		properties: [
			{
				displayName: 'Site and Company Name or ID',
				name: 'company',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getCompanies' },
				required: true,
				default: '',
				description:
					'Choose from the list, or specify "siteId:companyId" using an <a href="https://docs.n8n.io/code/expressions/">expression</a>. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				options: [
					{ name: 'Customer Created or Updated', value: 'customer' },
					{ name: 'Posted Transaction Created or Updated', value: 'postedTransaction' },
					{ name: 'Sales Receipt Posted or Allocated', value: 'receipt' },
				],
				default: 'receipt',
			},
			...pollProperties,
		],
	};

	methods = { loadOptions: { getCompanies } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = EVENTS[this.getNodeParameter('event') as string];
		const overlap = this.getNodeParameter('overlapSeconds', 300) as number;
		const client = new Sage200Client(this);
		try {
			const company = parseSiteCompany(this.getNodeParameter('company') as string);
			if (this.getMode() === 'manual') {
				const sample = await client.list(
					event.path,
					company,
					{ filter: event.filter, orderby: 'id desc' },
					{ limit: 1 },
				);
				return sample.length ? [this.helpers.returnJsonArray(sample)] : null;
			}
			const fresh = await pollChanges(
				this,
				overlap,
				async (from) => {
					const filter = [
						event.filter,
						from ? `date_time_updated gt ${from.toUTC().toISO()}` : undefined,
					]
						.filter(Boolean)
						.join(' and ');
					return await client.list(
						event.path,
						company,
						{ filter: filter || undefined },
						{ pageSize: 5000 },
					);
				},
				(r) => ({ key: String(r.id), modified: sageUtc(r.date_time_updated) }),
			);
			return fresh.length ? [this.helpers.returnJsonArray(fresh)] : null;
		} catch (error) {
			throw new NodeApiError(this.getNode(), { message: (error as Error).message } as JsonObject, {
				message: (error as Error).message,
			});
		}
	}
}
