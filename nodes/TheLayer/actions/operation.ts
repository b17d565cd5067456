import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TheLayerClient } from '../transport/client';

/** One operation: its parameters and what it does for one input item. */
export interface LayerOperation {
	description: INodeProperties[];
	execute(
		this: IExecuteFunctions,
		itemIndex: number,
		client: TheLayerClient,
	): Promise<IDataObject[]>;
}

export type Show = { resource: string[]; operation: string[] };
