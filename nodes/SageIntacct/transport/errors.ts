import { describeErrors, type IntacctErrorDetail, type IntacctResult } from './response';

/** A function that Intacct ran and refused: a business or validation error. Never retried. */
export class IntacctFunctionError extends Error {
	constructor(
		readonly result: IntacctResult,
		context?: string,
	) {
		super(`${context ? `${context}: ` : ''}${describeErrors(result.errors)}`);
		this.name = 'IntacctFunctionError';
	}

	get errors(): IntacctErrorDetail[] {
		return this.result.errors;
	}

	/** The correction text Intacct suggests, when it gives one. */
	get correction(): string | undefined {
		return this.result.errors.find((e) => e.correction)?.correction;
	}
}

/** The whole request failed: sender, login, HTTP or network. Nothing in it was applied. */
export class IntacctRequestError extends Error {
	constructor(
		message: string,
		readonly kind: 'control' | 'authentication' | 'http' | 'network' | 'malformed',
		readonly httpStatus?: number,
		readonly retryAfterMs?: number,
	) {
		super(message);
		this.name = 'IntacctRequestError';
	}
}

/**
 * uniqueid=true refuses a function control id that already completed. The real errorno and text are
 * UNCONFIRMED (shared/specs/intacct-xml.md §9), so this matches on meaning, not on one code.
 */
export function isDuplicateControlId(result: IntacctResult): boolean {
	return result.errors.some(
		(e) =>
			e.errorno === 'SBX-DUPCONTROLID' ||
			(/control ?id/i.test(`${e.description} ${e.description2}`) &&
				/already|duplicate|processed/i.test(`${e.description} ${e.description2}`)),
	);
}

/** "A transaction with the number 'X' already exists." (errorno UNCONFIRMED, seed 002). */
export function isNumberCollision(result: IntacctResult): boolean {
	return result.errors.some((e) =>
		/transaction with the number .* already exists/i.test(e.description2 || e.description),
	);
}

export function isDuplicateRecord(result: IntacctResult): boolean {
	return result.errors.some((e) => /already exists/i.test(`${e.description} ${e.description2}`));
}
