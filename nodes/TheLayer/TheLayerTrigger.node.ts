import { DateTime } from 'luxon';
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

import { selectNew, windowStart, type CursorState } from '../shared/cursor';
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
			{
				displayName: 'Start From',
				name: 'startFrom',
				type: 'options',
				options: [
					{
						name: 'Now',
						value: 'now',
						description: 'Only records changed after the trigger is activated',
					},
					{
						name: 'Everything',
						value: 'beginning',
						description: 'Emit every existing record on the first poll',
					},
				],
				default: 'now',
			},
			{
				displayName: 'Overlap Window (Seconds)',
				name: 'overlapSeconds',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 300,
				description:
					'Each poll re-reads this far back so late writes are not missed; records already emitted are skipped',
			},
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
			const state = this.getWorkflowStaticData('node') as CursorState & IDataObject;
			if (!state.cursor && this.getNodeParameter('startFrom') === 'now') {
				state.cursor = DateTime.utc().toISO() as string;
				state.seen = {};
				return null;
			}
			const from = windowStart(state, overlap);
			const records = await client.list(event.path, {
				...event.qs,
				...(from ? { modifiedSince: from.toISO() } : {}),
			});
			const { fresh, next } = selectNew(
				records,
				(r) => ({ key: String(r.id), modified: String(r.modifiedAt) }),
				state,
				overlap,
			);
			state.cursor = next.cursor;
			state.seen = next.seen;
			return fresh.length ? [this.helpers.returnJsonArray(fresh)] : null;
		} catch (error) {
			throw new NodeApiError(this.getNode(), { message: (error as Error).message } as JsonObject, {
				message: (error as Error).message,
			});
		}
	}
}
