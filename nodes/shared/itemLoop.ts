import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INode,
	type INodeExecutionData,
	type JsonObject,
} from 'n8n-workflow';

import { isFieldError } from './fieldError';
import { ApiHttpError, ApiNetworkError } from './jsonTransport';

/**
 * Runs `run` for every input item: outputs carry pairedItem, failures become item errors naming
 * the item (and the field and fix for bad input); with Continue On Fail the rest go on.
 */
export async function forEachItem(
	ctx: IExecuteFunctions,
	run: (itemIndex: number) => Promise<IDataObject[]>,
	toError: (
		node: INode,
		error: unknown,
		itemIndex: number,
	) => NodeOperationError | NodeApiError = toRestItemError,
): Promise<INodeExecutionData[]> {
	const out: INodeExecutionData[] = [];
	const items = ctx.getInputData();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		let json: IDataObject[];
		try {
			json = await run(itemIndex);
		} catch (error) {
			const itemError = toError(ctx.getNode(), error, itemIndex);
			if (!ctx.continueOnFail()) throw itemError;
			json = [{ error: itemError.message }];
		}
		appendAll(
			out,
			ctx.helpers.constructExecutionMetaData(ctx.helpers.returnJsonArray(json), {
				itemData: { item: itemIndex },
			}),
		);
	}
	return out;
}

/**
 * `out.push(...items)` without the spread: a spread passes every item as an argument, and a Get
 * Many of 200,000 records overflows the call stack ("Maximum call stack size exceeded").
 */
export function appendAll<T>(out: T[], items: readonly T[]): void {
	for (const item of items) out.push(item);
}

/**
 * Two passes: every item is prepared (parameters read and validated, nothing sent) before any item
 * is sent, so bad input anywhere stops the run with nothing written; then each item's requests are
 * sent in order. With Continue On Fail, bad or failing items become error items and the rest go on.
 */
export async function forEachItemPrepared(
	ctx: IExecuteFunctions,
	prepare: (itemIndex: number) => Promise<() => Promise<IDataObject[]>>,
	toError: (
		node: INode,
		error: unknown,
		itemIndex: number,
	) => NodeOperationError | NodeApiError = toRestItemError,
): Promise<INodeExecutionData[]> {
	const items = ctx.getInputData();
	const prepared: Array<(() => Promise<IDataObject[]>) | NodeOperationError | NodeApiError> = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			prepared.push(await prepare(itemIndex));
		} catch (error) {
			const itemError = toError(ctx.getNode(), error, itemIndex);
			if (!ctx.continueOnFail()) throw itemError;
			prepared.push(itemError);
		}
	}
	return await forEachItem(
		ctx,
		async (itemIndex) => {
			const send = prepared[itemIndex];
			if (typeof send !== 'function') return Promise.reject(send);
			return await send();
		},
		toError,
	);
}

/** Item errors for JSON APIs (The Layer, Sage 200). */
export function toRestItemError(
	node: INode,
	error: unknown,
	itemIndex: number,
): NodeOperationError | NodeApiError {
	if (isFieldError(error)) {
		return new NodeOperationError(node, `Item ${itemIndex}: ${error.message}`, {
			itemIndex,
			description: error.fix,
		});
	}
	if (error instanceof ApiNetworkError || (error instanceof ApiHttpError && !error.status)) {
		// Not NodeApiError: it swaps a connection error's message for a generic one without the item.
		return new NodeOperationError(node, `Item ${itemIndex}: ${error.message}`, {
			itemIndex,
			description:
				'The connection dropped, so the request may or may not have been applied. Run again: writes look for the record first and are never repeated blindly.',
		});
	}
	if (error instanceof ApiHttpError) {
		return new NodeApiError(node, { message: error.message } as JsonObject, {
			itemIndex,
			message: `Item ${itemIndex}: ${error.message}`,
			httpCode: error.status ? String(error.status) : undefined,
		});
	}
	if (error instanceof NodeOperationError || error instanceof NodeApiError) {
		if (error.context) error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(
		node,
		`Item ${itemIndex}: ${error instanceof Error ? error.message : String(error)}`,
		{ itemIndex },
	);
}
