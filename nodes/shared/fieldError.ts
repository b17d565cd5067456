/**
 * A bad input value, found before anything was sent. The router turns it into a
 * NodeOperationError naming the item index, the field and the fix.
 */
export class FieldError extends Error {
	constructor(
		readonly field: string,
		readonly problem: string,
		readonly fix?: string,
	) {
		super(`Field "${field}" ${problem}`);
		this.name = 'FieldError';
	}
}

export function isFieldError(error: unknown): error is FieldError {
	return error instanceof Error && error.name === 'FieldError' && 'field' in error;
}
