/** The assumed error body: `{ "error": { "code", "message", "fields"?, "existingId"? } }`. */
export type ErrorCode =
	| 'unauthorized'
	| 'validation_failed'
	| 'not_found'
	| 'method_not_allowed'
	| 'conflict'
	| 'invalid_state'
	| 'already_reconciled'
	| 'rate_limited';

export interface FieldProblem {
	/** Path into the request, e.g. `lines[0].quantity`; query parameters by name. */
	field: string;
	message: string;
}

export interface ErrorBody {
	error: {
		code: ErrorCode;
		message: string;
		fields?: FieldProblem[];
		existingId?: string;
	};
}

export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly code: ErrorCode,
		message: string,
		readonly extra: { fields?: FieldProblem[]; existingId?: string } = {},
	) {
		super(message);
	}

	body(): ErrorBody {
		return { error: { code: this.code, message: this.message, ...this.extra } };
	}
}

export function validationFailed(fields: FieldProblem[]): ApiError {
	const first = fields[0];
	const more = fields.length > 1 ? ` (and ${fields.length - 1} more)` : '';
	return new ApiError(400, 'validation_failed', `${first.field} ${first.message}${more}`, {
		fields,
	});
}

export function notFound(what: string, id: string): ApiError {
	return new ApiError(404, 'not_found', `No ${what} with id ${id}`);
}

export function conflict(message: string, existingId: string): ApiError {
	return new ApiError(409, 'conflict', message, { existingId });
}

export function invalidState(message: string): ApiError {
	return new ApiError(409, 'invalid_state', message);
}

export const RATE_LIMITED_BODY: ErrorBody = {
	error: { code: 'rate_limited', message: 'Too many requests; retry after the Retry-After delay' },
};
