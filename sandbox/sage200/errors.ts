/**
 * Error bodies. Sage publishes no error schema (spec §13); the sandbox answers API errors with
 * `{ "message": "..." }` (the spec's simulator suggestion) and reports only the first problem it
 * finds, as Sage's guide says the API does. Gateway-level errors (401, 429) use the Azure API
 * Management shape `{ "statusCode", "message" }` that fronts api.columbus.sage.com.
 */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		message: string,
		private readonly payload?: unknown,
	) {
		super(message);
	}

	body(): unknown {
		return this.payload ?? { message: this.message };
	}
}

export function badRequest(message: string): ApiError {
	return new ApiError(400, message);
}

export function notFound(message: string): ApiError {
	return new ApiError(404, message);
}

/** `$filter`, `$orderby`, … problems, worded like the ASP.NET OData stack behind the API. */
export function invalidQuery(detail: string): ApiError {
	return badRequest(`The query specified in the URI is not valid. ${detail}`);
}

export const UNAUTHORIZED_MESSAGE = 'Unauthorized. Access token is missing or invalid.';

export function unauthorized(message = UNAUTHORIZED_MESSAGE): ApiError {
	return new ApiError(401, message, { statusCode: 401, message });
}

export function forbidden(message: string): ApiError {
	return new ApiError(403, message, { statusCode: 403, message });
}

export function rateLimitedBody(retryAfterSeconds: number): unknown {
	return {
		statusCode: 429,
		message: `Rate limit is exceeded. Try again in ${retryAfterSeconds} seconds.`,
	};
}
