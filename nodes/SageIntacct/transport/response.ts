import type { IDataObject } from 'n8n-workflow';

import { tryParseXml, textOf, toPlainRecord, type ParsedXml, type ParsedXmlValue } from './xml';

export interface IntacctErrorDetail {
	errorno: string;
	description: string;
	description2: string;
	correction: string;
}

export interface IntacctResult {
	status: 'success' | 'failure' | 'aborted';
	function: string;
	controlId: string;
	key?: string;
	/** Attributes of `<data>`: listtype, count, totalcount, numremaining, resultId, offset. */
	dataAttributes: Record<string, string>;
	records: IDataObject[];
	errors: IntacctErrorDetail[];
}

export type IntacctResponse =
	| { level: 'control'; errors: IntacctErrorDetail[] }
	| { level: 'authentication'; errors: IntacctErrorDetail[] }
	| { level: 'ok'; sessionTimeout?: string; results: IntacctResult[] };

function asObject(value: ParsedXmlValue | undefined): ParsedXml {
	if (value && typeof value === 'object' && !Array.isArray(value)) return value;
	if (Array.isArray(value)) return asObject(value[0]);
	return {};
}

function asArray(value: ParsedXmlValue | undefined): ParsedXmlValue[] {
	if (value === undefined) return [];
	return Array.isArray(value) ? value : [value];
}

function readErrors(errormessage: ParsedXmlValue | undefined): IntacctErrorDetail[] {
	return asArray(asObject(errormessage).error).map((e) => {
		const error = asObject(e);
		return {
			errorno: textOf(error.errorno).trim(),
			description: textOf(error.description).trim(),
			description2: textOf(error.description2).trim(),
			correction: textOf(error.correction).trim(),
		};
	});
}

function readResult(value: ParsedXmlValue): IntacctResult {
	const result = asObject(value);
	const data = result.data === undefined ? undefined : asObject(result.data);
	const dataAttributes: Record<string, string> = {};
	const records: IDataObject[] = [];
	if (data) {
		const shared = new Map<string, string>();
		for (const [key, child] of Object.entries(data)) {
			if (key.startsWith('@')) dataAttributes[key.slice(1)] = String(child);
			else if (key !== '#text') {
				for (const record of asArray(child)) {
					const plain = toPlainRecord(record, shared);
					records.push(typeof plain === 'object' && plain !== null ? (plain as IDataObject) : {});
				}
			}
		}
	}
	const key = result.key === undefined ? undefined : textOf(result.key).trim();
	return {
		status: textOf(result.status).trim() as IntacctResult['status'],
		function: textOf(result.function).trim(),
		controlId: textOf(result.controlid).trim(),
		key,
		dataAttributes,
		records,
		errors: readErrors(result.errormessage),
	};
}

/** Thrown when the body is not an Intacct response at all (HTML error page, truncated body). */
export class IntacctMalformedResponseError extends Error {
	constructor(readonly snippet: string) {
		super('Sage Intacct returned a response that is not valid gateway XML');
		this.name = 'IntacctMalformedResponseError';
	}
}

/**
 * Reads the three status levels: control → authentication → one result per function.
 * A failure at a higher level means there are no results below it.
 */
export function parseResponse(xml: string): IntacctResponse {
	const doc = tryParseXml(xml);
	const response = doc?.response;
	if (response === undefined || typeof response !== 'object') {
		throw new IntacctMalformedResponseError(xml.slice(0, 200));
	}
	const root = asObject(response);
	const control = asObject(root.control);
	if (textOf(control.status).trim() !== 'success') {
		return { level: 'control', errors: readErrors(root.errormessage) };
	}
	const operation = asObject(root.operation);
	const authentication = asObject(operation.authentication);
	if (textOf(authentication.status).trim() !== 'success') {
		return { level: 'authentication', errors: readErrors(operation.errormessage) };
	}
	const results = asArray(operation.result).map(readResult);
	return {
		level: 'ok',
		sessionTimeout: textOf(authentication.sessiontimeout).trim() || undefined,
		results,
	};
}

/** "XL03000006 Sign-in information is incorrect" — the most specific text first. */
export function describeErrors(errors: IntacctErrorDetail[]): string {
	if (errors.length === 0) return 'Sage Intacct reported a failure without details';
	return errors
		.map((e) =>
			[e.errorno, e.description2 || e.description, e.correction].filter((s) => s).join(' '),
		)
		.join(' - ');
}
