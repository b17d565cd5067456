import { NodeApiError, NodeOperationError, type INode, type JsonObject } from 'n8n-workflow';

import { isFieldError } from '../../../shared/fieldError';
import { IntacctFunctionError, IntacctRequestError } from '../../transport/errors';

/**
 * Every failure leaves the node as a NodeOperationError (bad input, with the field and the fix) or
 * a NodeApiError (Intacct refused), always with the item index. Messages are built from Intacct's
 * error texts and our own words only, never from request options, so no secret can leak.
 */
export function toItemError(
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
	if (error instanceof IntacctFunctionError) {
		const first = error.errors[0];
		return new NodeApiError(
			node,
			{ message: error.message, errorno: first?.errorno ?? '' } as JsonObject,
			{
				itemIndex,
				message: `Item ${itemIndex}: ${error.message}`,
				description: error.correction ?? first?.description ?? undefined,
			},
		);
	}
	if (error instanceof IntacctRequestError) {
		return new NodeApiError(node, { message: error.message } as JsonObject, {
			itemIndex,
			message: `Item ${itemIndex}: ${error.message}`,
			httpCode: error.httpStatus ? String(error.httpStatus) : undefined,
		});
	}
	if (error instanceof NodeOperationError || error instanceof NodeApiError) {
		if (error.context) error.context.itemIndex = itemIndex;
		return error;
	}
	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(node, `Item ${itemIndex}: ${message}`, { itemIndex });
}
