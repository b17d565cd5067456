import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { nodeProperties } from './actions/properties';
import { router } from './actions/router';
import { searchCustomers } from './methods/listSearch';
import * as loadOptions from './methods/loadOptions';

export class TheLayer implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'The Layer',
		name: 'theLayer',
		icon: { light: 'file:theLayer.svg', dark: 'file:theLayer.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Read and write The Layer customers, invoices, payments, credit notes, refunds and Sage transactions',
		defaults: { name: 'The Layer' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'theLayerApi', required: true }],
		properties: nodeProperties,
	};

	methods = {
		loadOptions: { ...loadOptions },
		listSearch: { searchCustomers },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
