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

export class Sage200 implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sage 200',
		name: 'sage200',
		icon: { light: 'file:sage200.svg', dark: 'file:sage200.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Post and read Sage 200 customers, contacts, invoices, credit notes, receipts, refunds and allocations',
		defaults: { name: 'Sage 200' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'sage200OAuth2Api', required: true }],
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
