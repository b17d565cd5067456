import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { OUTPUTS_EXPRESSION } from './actions/operations';
import { nodeProperties } from './actions/properties';
import { router } from './actions/router';
import { N8N_API_CREDENTIAL } from './actions/skipIfRunning/skipIfRunning.operation';

export class SageSync implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sage Sync',
		name: 'sageSync',
		icon: { light: 'file:sageSync.svg', dark: 'file:sageSync.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"]}}',
		description:
			'Map Layer records to Sage Intacct and Sage 200, match customers, reconcile receipts, validate link files and keep syncs from overlapping',
		defaults: { name: 'Sage Sync' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: OUTPUTS_EXPRESSION,
		credentials: [
			{
				// n8n's own API credential: Skip If Already Running lists this workflow's running executions.
				name: N8N_API_CREDENTIAL,
				required: false,
				displayOptions: { show: { operation: ['skipIfRunning'] } },
			},
		],
		properties: nodeProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
