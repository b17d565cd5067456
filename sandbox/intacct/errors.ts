import type { Xml } from '../shared/xml';

/**
 * The error catalogue (spec §11). Texts marked UNCONFIRMED are the sandbox's best guess; the
 * rest are quoted from the sources the spec cites. Every `<error>` has errorno, description,
 * description2 and correction, any of which may be empty.
 */
export interface IntacctError {
	errorno: string;
	description: string;
	description2: string;
	correction: string;
}

export function intacctError(
	errorno: string,
	description2: string,
	description = '',
	correction = '',
): IntacctError {
	return { errorno, description, description2, correction };
}

/** A function-level failure: the result gets status `failure`, these errors and optional data. */
export class FunctionFailure extends Error {
	constructor(
		readonly errors: IntacctError[],
		readonly data?: Xml,
	) {
		super(errors.map((e) => e.description2 || e.description || e.errorno).join(' - '));
	}
}

/** A request-level failure: control/status = failure, nothing runs. */
export class ControlFailure extends Error {
	constructor(readonly errors: IntacctError[]) {
		super(errors.map((e) => e.description2 || e.errorno).join(' - '));
	}
}

const BL = 'BL01001973';
const DL = 'DL02000001';

export const errors = {
	// ---- control level --------------------------------------------------------------------
	xmlParse: (detail: string) => intacctError('XL03000003', detail, 'XML Parse schema error'),
	badSender: () => intacctError('XL03000006', 'Incorrect Intacct XML Partner ID or password.'),
	/** UNCONFIRMED errorno/text: the spec only says a non-3.0 dtdversion must fail (design choice). */
	badDtdVersion: (got: string) =>
		intacctError(
			'XL03000003',
			`dtdversion '${got}' is not supported; use 3.0.`,
			'XML Parse schema error',
		),

	// ---- authentication level ---------------------------------------------------------------
	signInIncorrect: () => intacctError('XL03000006', 'Sign-in information is incorrect'),
	senderNotAuthorized: (senderId: string, companyId: string) =>
		intacctError(
			'XL03000006',
			`The sender ID '${senderId}' is not authorized to make Web Services requests to company ID '${companyId}'.`,
			'Invalid Web Services Authorization',
			'Contact the company administrator to grant Web Services authorization to this sender ID.',
		),
	/** UNCONFIRMED: the real error for an expired/unknown sessionid is not documented (spec §4). */
	invalidSession: () => intacctError('XL03000006', 'Invalid session'),

	// ---- result level -----------------------------------------------------------------------
	transactionRolledBack: () =>
		intacctError(
			'XL03000009',
			'The entire transaction in this operation has been rolled back due to an error.',
		),
	/** Simulator-specific: the real errorno/text for a repeated controlid is UNCONFIRMED (spec §9). */
	duplicateControlId: (controlId: string) =>
		intacctError(
			'SBX-DUPCONTROLID',
			`A function with control ID '${controlId}' has already been processed for this company.`,
			'Duplicate control ID',
		),
	/** Simulator-specific; the docs only say getAPISession should not be mixed (spec §4). */
	sessionMixed: () =>
		intacctError(
			'SBX-GETAPISESSION-MIXED',
			'getAPISession must be the only function in its request.',
			'Invalid request',
		),
	/** Simulator-specific: the function exists in Intacct but the sandbox does not model it. */
	unsupported: (what: string) =>
		intacctError(
			'SBX-UNSUPPORTED',
			`${what} is not supported by the Intacct sandbox.`,
			'Not supported',
		),
	objectNotFound: (object: string) =>
		intacctError('Query Failed', `Object definition ${object} not found`),
	/** DL02000001 is the documented code; the description2 wording is UNCONFIRMED. */
	queryError: (detail: string) =>
		intacctError(DL, detail, 'There was an error processing the request.'),
	unknownField: (field: string, object: string) =>
		intacctError(
			DL,
			`Invalid field '${field}' for object ${object}.`,
			'There was an error processing the request.',
		),
	/** UNCONFIRMED text: how an unknown or exhausted readMore resultId fails is not documented. */
	resultSetNotFound: (resultId: string) =>
		intacctError(
			DL,
			`No result set with resultId '${resultId}' is available; it is unknown or was read to the end.`,
			'There was an error processing the request.',
		),

	// ---- business rules (BL01001973 family) ---------------------------------------------------
	businessRule: (description2: string, description = '', correction = '') =>
		intacctError(BL, description2, description, correction),
	couldNotCreate: (label: string) => intacctError(BL, `Could not create ${label} record.`),
	couldNotUpdate: (label: string) => intacctError(BL, `Could not update ${label} record.`),
	couldNotDelete: (label: string) => intacctError(BL, `Could not delete ${label} record.`),
	/** UNCONFIRMED wording (spec §6.2 only says duplicates fail with BL01001973). */
	duplicateId: (label: string, id: string) =>
		intacctError(BL, `Another ${label} with the given value(s) ${id} already exists`),
	/** Wording from [DOC-req]'s duplicate GL account example (spec §3.3). */
	duplicateAccountNo: (accountNo: string) =>
		intacctError(
			BL,
			`The account number '${accountNo}' already exists`,
			'Duplicate account number',
			'Enter unique account number',
		),
	/** Text from [Invoiced] (spec §9); the errorno is UNCONFIRMED. */
	duplicateDocumentNumber: (number: string) =>
		intacctError(BL, `A transaction with the number '${number}' already exists.`),
	/** Modelled on the SDK fixture "Cannot update non-existing CLASS with CLASSID=UT99." (UNCONFIRMED). */
	updateMissing: (object: string, field: string, value: string) =>
		intacctError(BL, `Cannot update non-existing ${object} with ${field}=${value}.`),
	/** UNCONFIRMED wording. */
	deleteMissing: (object: string, field: string, value: string) =>
		intacctError(BL, `Cannot delete non-existing ${object} with ${field}=${value}.`),
	/** UNCONFIRMED wording for required fields. */
	requiredField: (field: string, object: string) =>
		intacctError(BL, `Required field ${field} is missing for ${object}.`, 'Required field missing'),
	/** UNCONFIRMED wording for invalid values. */
	invalidValue: (field: string, value: string, object: string, expected?: string) =>
		intacctError(
			BL,
			`Invalid value '${value}' for ${field} on ${object}${expected ? `; expected ${expected}` : ''}.`,
			'Invalid value',
		),
	/** UNCONFIRMED wording for references to records that do not exist. */
	invalidReference: (what: string, id: string) =>
		intacctError(BL, `Invalid ${what} '${id}' specified.`, `Invalid ${what}`),
	/** Third-party text (ServiceTitan help page, spec §8). */
	emptyLocation: () =>
		intacctError(
			BL,
			'Use of empty Location is invalid. A valid Multi-Entity Location must be specified.',
		),
	/** Text from [Invoiced]; errorno UNCONFIRMED. */
	paymentBatchKey: () => intacctError(BL, 'Please provide a payment batch key.'),
};

/** Throws a function-level failure with the given errors. */
export function fail(...list: IntacctError[]): never {
	throw new FunctionFailure(list);
}
