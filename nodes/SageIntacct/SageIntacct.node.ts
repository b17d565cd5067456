import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { nodeProperties } from './actions/properties';
import { router } from './actions/router';
import * as loadOptions from './methods/loadOptions';
import { searchCustomers } from './methods/listSearch';

export class SageIntacct implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sage Intacct',
		name: 'sageIntacct',
		icon: { light: 'file:sageIntacct.svg', dark: 'file:sageIntacct.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Read and write Sage Intacct customers, AR invoices, payments, credit notes and reference data',
		defaults: { name: 'Sage Intacct' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'sageIntacctApi', required: true }],
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
