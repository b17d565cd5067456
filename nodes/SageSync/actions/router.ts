import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { operations, type SyncOperationName } from './operations';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const name = this.getNodeParameter('operation', 0) as SyncOperationName;
	return await operations[name].execute.call(this);
}
