import { NodeOperationError, type INode } from 'n8n-workflow';

import { isFieldError } from '../../shared/fieldError';

/**
 * A record that cannot be mapped, matched or reconciled as asked: an unmapped value, a missing
 * link, totals that do not add up. The message names the record; `fix` says what to change.
 */
export class SyncError extends Error {
	constructor(
		message: string,
		readonly fix?: string,
	) {
		super(message);
		this.name = 'SyncError';
	}
}

export function isSyncError(error: unknown): error is SyncError {
	return error instanceof Error && error.name === 'SyncError';
}

/** The item error n8n shows: names the item, keeps the fix as the description. */
export function toItemError(node: INode, error: unknown, itemIndex: number): NodeOperationError {
	if (error instanceof NodeOperationError) {
		if (error.context) error.context.itemIndex = itemIndex;
		return error;
	}
	const message = error instanceof Error ? error.message : String(error);
	const description = isSyncError(error) || isFieldError(error) ? error.fix : undefined;
	return new NodeOperationError(node, `Item ${itemIndex}: ${message}`, { itemIndex, description });
}
