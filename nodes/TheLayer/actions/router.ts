import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { forEachItemPrepared } from '../../shared/itemLoop';
import { retryPolicyFrom } from '../../shared/retry';
import { TheLayerClient } from '../transport/client';
import { operations } from './operations';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as keyof typeof operations;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = operations[resource]?.[operationName];
	const options = this.getNodeParameter('requestOptions', 0, {}) as {
		maxRetries?: number;
		retryBaseDelayMs?: number;
	};
	const client = new TheLayerClient(this, retryPolicyFrom(options));
	return [
		await forEachItemPrepared(this, async (itemIndex) => {
			if (!operation)
				throw new Error(`The operation "${operationName}" is not known for "${resource}"`);
			const send = await operation.prepare.call(this, itemIndex);
			return async () => await send(client);
		}),
	];
}
