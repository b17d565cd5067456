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

import { pollChanges, pollProperties } from '../shared/pollCursor';
import { IntacctClient } from './transport/client';
import { queryString } from './transport/functions';

const OBJECTS = [
	{ name: 'AR Adjustment (Credit Note)', value: 'ARADJUSTMENT' },
	{ name: 'AR Invoice', value: 'ARINVOICE' },
	{ name: 'AR Payment (Receipt)', value: 'ARPYMT' },
	{ name: 'Customer', value: 'CUSTOMER' },
	{ name: 'GL Account', value: 'GLACCOUNT' },
	{ name: 'Other Object', value: 'other' },
];

/** WHENMODIFIED comes back as mm/dd/yyyy HH:MM:SS; its time zone is UNCONFIRMED (spec §7), UTC assumed. */
export function whenModifiedToIso(value: unknown, zone: string): string {
	const parsed = DateTime.fromFormat(String(value ?? ''), 'MM/dd/yyyy HH:mm:ss', { zone });
	return parsed.isValid ? (parsed.toUTC().toISO() as string) : '';
}

export function isoToWhenModified(at: DateTime, zone: string): string {
	return at.setZone(zone).toFormat('MM/dd/yyyy HH:mm:ss');
}

export class SageIntacctTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sage Intacct Trigger',
		name: 'sageIntacctTrigger',
		icon: { light: 'file:sageIntacct.svg', dark: 'file:sageIntacct.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"New or updated: " + $parameter["object"]}}',
		description: 'Starts the workflow when Sage Intacct records are created or updated',
		defaults: { name: 'Sage Intacct Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'sageIntacctApi', required: true }],
		properties: [
			{
				displayName: 'Object',
				name: 'object',
				type: 'options',
				options: OBJECTS,
				default: 'ARPYMT',
			},
			{
				displayName: 'Object Name',
				name: 'customObject',
				type: 'string',
				default: '',
				placeholder: 'VENDOR',
				displayOptions: { show: { object: ['other'] } },
			},
			pollProperties[0],
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Fields',
						name: 'fields',
						type: 'string',
						default: '*',
						description: 'Comma-separated fields, or * for all',
					},
					{
						displayName: 'Extra Condition',
						name: 'query',
						type: 'string',
						default: '',
						placeholder: "STATE = 'Posted'",
						description: 'ANDed with the WHENMODIFIED window',
					},
					{
						displayName: 'Overlap Window (Seconds)',
						name: 'overlapSeconds',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 300,
						description:
							'Each poll re-reads this far back so late commits are not missed; records already emitted are skipped',
					},
					{
						displayName: 'Intacct Time Zone',
						name: 'zone',
						type: 'string',
						default: 'UTC',
						description: 'Time zone of WHENMODIFIED values in your company',
					},
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const selected = this.getNodeParameter('object') as string;
		const object =
			selected === 'other'
				? (this.getNodeParameter('customObject') as string).toUpperCase()
				: selected;
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const overlap = typeof options.overlapSeconds === 'number' ? options.overlapSeconds : 300;
		const zone = typeof options.zone === 'string' && options.zone ? options.zone : 'UTC';
		const fields =
			typeof options.fields === 'string' && options.fields.trim() ? options.fields : '*';
		const extra =
			typeof options.query === 'string' && options.query.trim() ? `(${options.query.trim()})` : '';
		const client = new IntacctClient(this);
		try {
			if (this.getMode() === 'manual') {
				const sample = await client.readByQueryAll(object, fields, extra, { limit: 1 });
				return sample.length ? [this.helpers.returnJsonArray(sample)] : null;
			}
			const needed =
				fields === '*'
					? fields
					: [...new Set([...fields.split(','), 'RECORDNO', 'WHENMODIFIED'])].join(',');
			const fresh = await pollChanges(
				this,
				overlap,
				async (from) => {
					const conditions = [
						from ? `WHENMODIFIED >= ${queryString(isoToWhenModified(from, zone))}` : '',
						extra,
					].filter(Boolean);
					return await client.readByQueryAll(object, needed, conditions.join(' AND '));
				},
				(r) => ({
					key: String(r.RECORDNO ?? ''),
					modified: whenModifiedToIso(r.WHENMODIFIED, zone),
				}),
			);
			return fresh.length ? [this.helpers.returnJsonArray(fresh)] : null;
		} catch (error) {
			throw new NodeApiError(this.getNode(), { message: (error as Error).message } as JsonObject, {
				message: (error as Error).message,
			});
		}
	}
}
