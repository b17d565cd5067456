import {
	NodeApiError,
	NodeConnectionTypes,
	type IDataObject,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
	type JsonObject,
} from 'n8n-workflow';

import { pollChanges, pollProperties } from '../shared/pollCursor';
import { TheLayerClient } from './transport/client';
import { paths } from './transport/contract';

/** What each event polls: a list endpoint and its fixed filters. */
const EVENTS: Record<string, { path: string; qs: IDataObject }> = {
	invoiceFinalised: { path: paths.invoices, qs: { status: 'finalised' } },
	customer: { path: paths.customers, qs: {} },
	payment: { path: paths.payments, qs: {} },
	creditNote: { path: paths.creditNotes, qs: {} },
	refund: { path: paths.refunds, qs: {} },
	sageTransaction: { path: paths.sageTransactions, qs: { reconciled: false } },
};

export class TheLayerTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'The Layer Trigger',
		name: 'theLayerTrigger',
		icon: { light: 'file:theLayer.svg', dark: 'file:theLayer.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description:
			'Starts the workflow when records change in The Layer (it has no webhooks, so this polls)',
		defaults: { name: 'The Layer Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'theLayerApi', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				options: [
					{ name: 'Credit Note Created or Updated', value: 'creditNote' },
					{ name: 'Customer Created or Updated', value: 'customer' },
					{ name: 'Invoice Finalised or Updated', value: 'invoiceFinalised' },
					{ name: 'Payment Created or Updated', value: 'payment' },
					{ name: 'Refund Created or Updated', value: 'refund' },
					{ name: 'Unreconciled Sage Transaction', value: 'sageTransaction' },
				],
				default: 'invoiceFinalised',
			},
			...pollProperties,
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = EVENTS[this.getNodeParameter('event') as string];
		const overlap = this.getNodeParameter('overlapSeconds', 300) as number;
		const client = new TheLayerClient(this);
		try {
			if (this.getMode() === 'manual') {
				const sample = await client.list(event.path, event.qs, 1);
				return sample.length ? [this.helpers.returnJsonArray(sample)] : null;
			}
			const fresh = await pollChanges(
				this,
				overlap,
				async (from) =>
					await client.list(event.path, {
						...event.qs,
						...(from ? { modifiedSince: from.toISO() } : {}),
					}),
				(r) => ({ key: String(r.id), modified: String(r.modifiedAt) }),
			);
			return fresh.length ? [this.helpers.returnJsonArray(fresh)] : null;
		} catch (error) {
			throw new NodeApiError(this.getNode(), { message: (error as Error).message } as JsonObject, {
				message: (error as Error).message,
			});
		}
	}
}
