import {
	NodeConnectionTypes,
	type ICredentialType,
	type IDataObject,
	type IExecuteFunctions,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { SageSync } from '../../nodes/SageSync/SageSync.node';
import {
	nodeTypesOf,
	packageNodeType,
	runWorkflow,
	type RunWorkflowOptions,
	type WorkflowRunResult,
} from '../helpers/engine';
import { seededRandom } from '../../sandbox/shared/random';

/**
 * `syncFixture`: a test-only node that emits the records in its `records` parameter (JSON), so a
 * workflow can feed lists into Sage Sync by expression, e.g. `{{ $('Sage customers').all() }}`.
 */
export class SyncFixture implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sync Fixture (test)',
		name: 'syncFixture',
		group: ['input'],
		version: 1,
		description: 'Emits fixed records',
		defaults: { name: 'Fixture' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Records', name: 'records', type: 'json', default: '[]' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNodeParameter('records', 0) as unknown;
		const records = (typeof raw === 'string' ? JSON.parse(raw) : raw) as IDataObject[];
		return [records.map((json) => ({ json }))];
	}
}

export const nodeTypes = nodeTypesOf(new SageSync(), new SyncFixture());

/** n8n's own "n8n API" credential as n8n declares it: an API key header and a base URL. */
export const N8N_API_CREDENTIAL: ICredentialType = {
	name: 'n8nApi',
	displayName: 'n8n API',
	properties: [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
		},
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
	],
	authenticate: {
		type: 'generic',
		properties: { headers: { 'X-N8N-API-KEY': '={{ $credentials.apiKey }}' } },
	},
};

export interface SyncRun {
	/** json of each output, in output order. */
	outputs: IDataObject[][];
	paired: number[][][];
	result: WorkflowRunResult;
	error?: Error;
}

/** Runs one Sage Sync node inside n8n's WorkflowExecute with the given input items. */
export async function runSync(
	parameters: INodeParameters,
	input: IDataObject[],
	options: Pick<RunWorkflowOptions, 'credentialTypes' | 'credentials'> & {
		continueOnFail?: boolean;
		/** Credentials the node is given: `{ n8nApi: { id, name } }`. */
		nodeCredentials?: INode['credentials'];
		workflowId?: string;
	} = {},
): Promise<SyncRun> {
	const node: INode = {
		id: 'sync',
		name: 'Sage Sync',
		type: packageNodeType('sageSync'),
		typeVersion: 1,
		position: [0, 0],
		parameters,
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		...(options.nodeCredentials ? { credentials: options.nodeCredentials } : {}),
	};
	const result = await runWorkflow(
		{ id: options.workflowId, nodes: [node], connections: {} },
		{
			nodeTypes,
			credentialTypes: options.credentialTypes,
			credentials: options.credentials,
			startNode: 'Sage Sync',
			startItems: input.map((json) => ({ json })),
		},
	);
	const error = result.error as Error | undefined;
	const outputs = error ? [] : result.outputs('Sage Sync');
	return {
		outputs: outputs.map((items) => items.map((i) => i.json)),
		paired: outputs.map((items) =>
			items.map((i) =>
				(Array.isArray(i.pairedItem) ? i.pairedItem : [i.pairedItem]).map((p) =>
					typeof p === 'number' ? p : (p?.item ?? -1),
				),
			),
		),
		result,
		error,
	};
}

/** A small deterministic PRNG (mulberry32), so random tests replay exactly from their seed. */
export const prng = seededRandom;

export const int = (rand: () => number, min: number, max: number) =>
	min + Math.floor(rand() * (max - min + 1));
export const pick = <T>(rand: () => number, list: readonly T[]): T =>
	list[int(rand, 0, list.length - 1)];
