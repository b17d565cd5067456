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

export class SageSync implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sage Sync',
		name: 'sageSync',
		icon: { light: 'file:sageSync.svg', dark: 'file:sageSync.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"]}}',
		description:
			'Map Layer records to Sage Intacct and Sage 200, match customers, reconcile receipts and validate link files',
		defaults: { name: 'Sage Sync' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: OUTPUTS_EXPRESSION,
		properties: nodeProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
