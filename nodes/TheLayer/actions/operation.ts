import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TheLayerClient } from '../transport/client';

/** The requests for one item, built and validated, waiting to be sent. */
export type Send = (client: TheLayerClient) => Promise<IDataObject[]>;

/**
 * One operation: its parameters, and `prepare`, which reads and validates an item's parameters
 * without sending anything. Every item is prepared before the first request, so bad input stops
 * the run with nothing written.
 */
export interface LayerOperation {
	description: INodeProperties[];
	prepare(this: IExecuteFunctions, itemIndex: number): Promise<Send>;
}

export type Show = { resource: string[]; operation: string[] };
