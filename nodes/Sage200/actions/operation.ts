import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Sage200Client } from '../transport/client';

export type Send = (client: Sage200Client) => Promise<IDataObject[]>;

/** Parameters, and `prepare`: read and validate one item, returning the requests still to send. */
export interface Sage200Operation {
	description: INodeProperties[];
	prepare(this: IExecuteFunctions, itemIndex: number): Promise<Send>;
}

export type Show = { resource: string[]; operation: string[] };
