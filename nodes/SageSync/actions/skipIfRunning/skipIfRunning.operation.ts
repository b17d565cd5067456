import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { assertSafeEndpoint } from '../../../shared/endpoint';
import type { SyncOperation } from '../operation';

const show = { operation: ['skipIfRunning'] };

/** The credential type n8n itself ships for its public API (API key + base URL). */
export const N8N_API_CREDENTIAL = 'n8nApi';

const properties: INodeProperties[] = [
	{
		displayName:
			'Sage 200 has no idempotency key: two runs of the same sync at once can post the same transaction twice. Choose an n8n API credential (Settings › n8n API) so this node can see the other runs of this workflow.',
		name: 'skipIfRunningNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	{
		displayName: 'Ignore Runs Started Over (Hours)',
		name: 'staleAfterHours',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 12,
		displayOptions: { show },
		description:
			'A run still marked running after this long is taken as crashed and does not hold back new runs. Set it above your longest sync.',
	},
];

interface RunningExecution {
	id: string;
	startedAt?: string | null;
}

/** The other running executions of this workflow, from n8n's public API (one page of 250). */
async function otherRuns(ctx: IExecuteFunctions, staleAfterHours: number): Promise<string[]> {
	const credentials = await ctx.getCredentials<{ baseUrl?: string }>(N8N_API_CREDENTIAL);
	const baseUrl = String(credentials.baseUrl ?? '').replace(/\/+$/, '');
	try {
		assertSafeEndpoint(baseUrl, 'The n8n API base URL');
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), (error as Error).message, {
			description: 'Use the https:// address of your n8n instance, ending in /api/v1',
		});
	}
	const workflowId = ctx.getWorkflow().id;
	if (!workflowId)
		throw new NodeOperationError(ctx.getNode(), 'This workflow has no ID yet', {
			description: 'Save the workflow first',
		});
	const request: IHttpRequestOptions = {
		method: 'GET',
		url: `${baseUrl}/executions`,
		qs: { workflowId, status: 'running', limit: 250 },
		json: true,
	};
	let page: { data?: RunningExecution[] };
	try {
		page = (await ctx.helpers.httpRequestWithAuthentication.call(
			ctx,
			N8N_API_CREDENTIAL,
			request,
		)) as { data?: RunningExecution[] };
	} catch (error) {
		const failure = error as { httpCode?: string; status?: number; response?: { status?: number } };
		const status = failure.response?.status ?? failure.status ?? failure.httpCode;
		// Only the status: an error body may echo the request, API key header included.
		throw new NodeOperationError(
			ctx.getNode(),
			`Could not ask n8n which runs of this workflow are in progress${status ? ` (HTTP ${status})` : ''}; nothing was synced`,
			{
				description: `Check the n8n API credential: base URL ${baseUrl}, an API key with the execution:list scope`,
			},
		);
	}
	const self = ctx.getExecutionId();
	const cutoff = Date.now() - staleAfterHours * 3600_000;
	return (page.data ?? [])
		.filter((run) => String(run.id) !== String(self))
		.filter((run) => !run.startedAt || Date.parse(run.startedAt) >= cutoff)
		.map((run) => String(run.id));
}

/**
 * Skip If Already Running: the input items go to Run when no other execution of this workflow is
 * running, else to Already Running. Every run marks itself running before its first node, so of
 * two runs that start together at least one sees the other: two may both skip, never both run.
 * Without an n8n API credential nothing is checked and everything goes to Run, with a warning.
 */
export const skipIfRunning: SyncOperation = {
	description: properties,
	outputs: ['Run', 'Already Running'],
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		if (!this.getNode().credentials?.[N8N_API_CREDENTIAL]) {
			this.addExecutionHints({
				message:
					'No n8n API credential: overlapping runs of this workflow are not prevented. Choose one on this node.',
				location: 'outputPane',
			});
			return [items, []];
		}
		const hours = this.getNodeParameter('staleAfterHours', 0, 12) as number;
		if (!(Number.isFinite(hours) && hours >= 1))
			throw new NodeOperationError(
				this.getNode(),
				'Ignore Runs Started Over must be at least 1 hour',
				{
					itemIndex: 0,
				},
			);
		const running = await otherRuns(this, hours);
		if (running.length === 0) return [items, []];
		const note: IDataObject = {
			alreadyRunning: true,
			runningExecutions: running,
			message: `Skipped: execution ${running.join(', ')} of this workflow is still running`,
		};
		return [
			[],
			items.length ? items.map((item) => ({ json: { ...item.json, ...note } })) : [{ json: note }],
		];
	},
};
