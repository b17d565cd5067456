import {
	child,
	childrenNamed,
	childText,
	el,
	fragment,
	parseXmlDocument,
	XmlParseError,
} from '../shared/xml';
import type { Xml, XmlElement } from '../shared/xml';
import type { LoginRequest } from './auth';
import { ControlFailure, errors } from './errors';
import type { IntacctError } from './errors';

/**
 * The XML envelope (spec §2, §3): parsing `<request>` and writing `<response>`. Responses are
 * compact (no pretty-printing whatever `includewhitespace` says) and UTF-8.
 */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
export const XML_CONTENT_TYPE = 'text/xml; charset=utf-8';

export interface ControlEcho {
	senderid: string;
	controlid: string;
	uniqueid: string;
	dtdversion: string;
}

export interface ParsedControl extends ControlEcho {
	password: string;
	/** `uniqueid`: the docs give `true` as the default when the element is absent. */
	uniqueIdOn: boolean;
}

export type ParsedAuth =
	| { kind: 'login'; login: LoginRequest }
	| { kind: 'session'; sessionId: string };

export interface ParsedFunction {
	controlId: string;
	/** The operation element's name, e.g. `readByQuery`, `create_invoice`. */
	name: string;
	element: XmlElement;
}

export interface ParsedOperation {
	transaction: boolean;
	auth: ParsedAuth;
	functions: ParsedFunction[];
}

export const EMPTY_ECHO: ControlEcho = {
	senderid: '',
	controlid: '',
	uniqueid: '',
	dtdversion: '',
};

/** Parses the body; malformed XML is a control failure XL03000003 (spec §1, §13.1). */
export function parseRequestDocument(body: string): XmlElement {
	try {
		const root = parseXmlDocument(body);
		if (root.name !== 'request')
			throw new XmlParseError(`Root element must be <request>, not <${root.name}>`);
		return root;
	} catch (error) {
		if (error instanceof XmlParseError) throw new ControlFailure([errors.xmlParse(error.message)]);
		throw error;
	}
}

export function readControl(root: XmlElement): ParsedControl {
	const control = child(root, 'control');
	const uniqueid = childText(control, 'uniqueid');
	return {
		senderid: childText(control, 'senderid') ?? '',
		password: childText(control, 'password') ?? '',
		controlid: childText(control, 'controlid') ?? '',
		uniqueid: uniqueid ?? '',
		dtdversion: childText(control, 'dtdversion') ?? '',
		uniqueIdOn: uniqueid === undefined ? true : uniqueid.trim().toLowerCase() === 'true',
	};
}

function schemaError(detail: string): never {
	throw new ControlFailure([errors.xmlParse(detail)]);
}

function readAuth(operation: XmlElement): ParsedAuth {
	const auth =
		child(operation, 'authentication') ?? schemaError('<operation> needs <authentication>.');
	const sessionId = child(auth, 'sessionid');
	if (sessionId) return { kind: 'session', sessionId: sessionId.text.trim() };
	const login =
		child(auth, 'login') ?? schemaError('<authentication> needs <login> or <sessionid>.');
	return {
		kind: 'login',
		login: {
			userid: childText(login, 'userid') ?? '',
			companyid: childText(login, 'companyid') ?? '',
			password: childText(login, 'password') ?? '',
			locationid: childText(login, 'locationid')?.trim(),
		},
	};
}

function readFunctions(operation: XmlElement): ParsedFunction[] {
	const functions = childrenNamed(operation, 'content').flatMap((content) =>
		childrenNamed(content, 'function'),
	);
	if (functions.length === 0) schemaError('<content> needs at least one <function>.');
	return functions.map((fn) => {
		const controlId = fn.attrs.controlid;
		if (controlId === undefined)
			schemaError("<function> is missing the required attribute 'controlid'.");
		if (controlId.length > 256) schemaError('A function controlid can be at most 256 characters.');
		if (fn.children.length !== 1)
			schemaError('<function> must contain exactly one function element.');
		return { controlId, name: fn.children[0].name, element: fn.children[0] };
	});
}

/** Reads the `<operation>` elements (the XSD allows several; SDKs send one). */
export function readOperations(root: XmlElement): ParsedOperation[] {
	const operations = childrenNamed(root, 'operation');
	if (operations.length === 0) schemaError('<request> needs an <operation>.');
	return operations.map((operation) => ({
		transaction: (operation.attrs.transaction ?? 'false').trim().toLowerCase() === 'true',
		auth: readAuth(operation),
		functions: readFunctions(operation),
	}));
}

// ---- writing -------------------------------------------------------------------------------

export function errorMessage(list: readonly IntacctError[]): Xml {
	return el(
		'errormessage',
		null,
		list.map((e) =>
			el(
				'error',
				null,
				el('errorno', null, e.errorno),
				el('description', null, e.description),
				el('description2', null, e.description2),
				el('correction', null, e.correction),
			),
		),
	);
}

function controlBlock(status: 'success' | 'failure', echo: ControlEcho): Xml {
	return el(
		'control',
		null,
		el('status', null, status),
		el('senderid', null, echo.senderid),
		el('controlid', null, echo.controlid),
		el('uniqueid', null, echo.uniqueid),
		el('dtdversion', null, echo.dtdversion),
	);
}

const document = (...children: Xml[]) => XML_DECLARATION + el('response', null, ...children).source;

export function controlFailureResponse(echo: ControlEcho, list: readonly IntacctError[]): string {
	return document(controlBlock('failure', echo), errorMessage(list));
}

export interface AuthenticationBlock {
	status: 'success' | 'failure';
	userid: string;
	companyid: string;
	locationid: string;
	sessiontimestamp?: string;
	sessiontimeout?: string;
}

export interface FunctionResult {
	status: 'success' | 'failure' | 'aborted';
	function: string;
	controlid: string;
	key?: string;
	data?: Xml;
	errors?: IntacctError[];
}

export interface OperationOutcome {
	authentication: AuthenticationBlock;
	/** Present when authentication failed; then there are no results. */
	authErrors?: IntacctError[];
	results: FunctionResult[];
}

function resultBlock(result: FunctionResult): Xml {
	return el(
		'result',
		null,
		el('status', null, result.status),
		el('function', null, result.function),
		el('controlid', null, result.controlid),
		result.key !== undefined ? el('key', null, result.key) : undefined,
		result.data,
		result.errors && result.errors.length > 0 ? errorMessage(result.errors) : undefined,
	);
}

export function operationResponse(
	echo: ControlEcho,
	outcomes: readonly OperationOutcome[],
): string {
	return document(
		controlBlock('success', echo),
		fragment(
			outcomes.map(({ authentication: a, authErrors, results }) =>
				el(
					'operation',
					null,
					el(
						'authentication',
						null,
						el('status', null, a.status),
						el('userid', null, a.userid),
						el('companyid', null, a.companyid),
						el('locationid', null, a.locationid),
						a.sessiontimestamp !== undefined
							? el('sessiontimestamp', null, a.sessiontimestamp)
							: undefined,
						a.sessiontimeout !== undefined
							? el('sessiontimeout', null, a.sessiontimeout)
							: undefined,
					),
					authErrors ? errorMessage(authErrors) : results.map(resultBlock),
				),
			),
		),
	);
}

/** Gateway rate-limit body sent with HTTP 429 (spec §1; the texts are UNCONFIRMED). */
export function rateLimitResponse(): string {
	return document(
		errorMessage([
			{
				errorno: 'GW-0010',
				description: 'Rate limit exceeded',
				description2: 'API rate limit exceeded. Too many requests were sent in a short time.',
				correction: 'Wait for the Retry-After interval, then retry the request.',
			},
		]),
	);
}
