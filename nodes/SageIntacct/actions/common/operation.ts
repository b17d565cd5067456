import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { IntacctClient } from '../../transport/client';
import type { IntacctCall } from '../../transport/functions';
import type { IntacctResult } from '../../transport/response';

/** Reads run item by item; each item may produce many records. */
export interface ReadOperation {
	kind: 'read';
	description: INodeProperties[];
	execute(
		this: IExecuteFunctions,
		itemIndex: number,
		client: IntacctClient,
	): Promise<IDataObject[]>;
}

/**
 * Writes are prepared (validated and built) for every item first, then sent in batches, so bad
 * input stops the run before anything is written.
 */
export interface WriteOperation {
	kind: 'write';
	description: INodeProperties[];
	prepare(
		this: IExecuteFunctions,
		itemIndex: number,
		client: IntacctClient,
	): Promise<PreparedWrite>;
}

/** Operations that need their own multi-step flow (lookups, then writes) over all items. */
export interface BatchOperation {
	kind: 'batch';
	description: INodeProperties[];
	run(
		this: IExecuteFunctions,
		itemIndexes: number[],
		client: IntacctClient,
	): Promise<ItemOutcome[]>;
}

export type IntacctOperation = ReadOperation | WriteOperation | BatchOperation;

export interface PreparedWrite {
	call: IntacctCall;
	/** What the write is, for error messages: "invoice INV-1001". */
	label: string;
	/** How to find the record again when Intacct says this control id was already processed. */
	lookup?: { object: string; field: string; value: string; fields?: string };
	/** Output for a successful write. */
	output(result: IntacctResult): IDataObject;
	/** Output for a write an earlier attempt already applied, given the record found again. */
	existing?(record: IDataObject): IDataObject;
}

export type ItemOutcome =
	| { itemIndex: number; json: IDataObject[] }
	| { itemIndex: number; error: Error };
