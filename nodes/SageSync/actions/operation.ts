import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

/**
 * One operation of the Sage Sync node: its parameters, the names of its outputs (the node's
 * outputs follow the selected operation), and `execute`, which returns one list per output.
 */
export interface SyncOperation {
	description: INodeProperties[];
	outputs: string[];
	execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]>;
}
