import type { Meter } from '../shared/meter';
import type { XmlElement } from '../shared/xml';
import { child, childText } from '../shared/xml';
import type { AuthService } from './auth';
import type { IntacctConfig } from './config';
import type { IntacctContext } from './context';
import { isoWithOffset } from './dates';
import { ControlFailure, errors } from './errors';
import {
	controlFailureResponse,
	EMPTY_ECHO,
	operationResponse,
	parseRequestDocument,
	readControl,
	readOperations,
} from './protocol';
import type { ControlEcho, OperationOutcome, ParsedControl, ParsedOperation } from './protocol';
import type { IntacctStore } from './store';
import { runOperation } from './transactions';

export const GATEWAY_PATH = '/ia/xml/xmlgw.phtml';

export interface GatewayDeps {
	store: IntacctStore;
	auth: AuthService;
	config: IntacctConfig;
	meter: Meter;
	endpoint: string;
}

export type ParsedBody = { root: XmlElement } | { failure: ControlFailure };

export function parseBody(body: string): ParsedBody {
	try {
		return { root: parseRequestDocument(body) };
	} catch (error) {
		if (error instanceof ControlFailure) return { failure: error };
		throw error;
	}
}

function functionElements(parsed: ParsedBody): XmlElement[] {
	if (!('root' in parsed)) return [];
	return parsed.root.children
		.filter((c) => c.name === 'operation')
		.flatMap((op) => op.children.filter((c) => c.name === 'content'))
		.flatMap((content) => content.children.filter((c) => c.name === 'function'))
		.map((fn) => fn.children[0])
		.filter((fn): fn is XmlElement => fn !== undefined);
}

/**
 * What a fault rule's `match` is compared with: the function names, the objects they touch
 * (`<object>` or the create/update object elements) and the gateway path.
 */
export function faultTargets(parsed: ParsedBody): string[] {
	const targets = [GATEWAY_PATH];
	for (const fn of functionElements(parsed)) {
		targets.push(fn.name);
		const object = childText(fn, 'object');
		if (object) targets.push(object.trim());
		if (fn.name === 'create' || fn.name === 'update')
			targets.push(...fn.children.map((c) => c.name));
	}
	return targets;
}

/** Session IDs a request authenticates with (for the sessionExpiry fault). */
export function sessionIdsOf(parsed: ParsedBody): string[] {
	if (!('root' in parsed)) return [];
	return parsed.root.children
		.filter((c) => c.name === 'operation')
		.map((op) => child(child(op, 'authentication'), 'sessionid')?.text.trim())
		.filter((id): id is string => !!id);
}

function authenticate(
	deps: GatewayDeps,
	control: ParsedControl,
	operation: ParsedOperation,
): OperationOutcome {
	const { auth } = operation;
	const outcome =
		auth.kind === 'login'
			? deps.auth.login(control.senderid, auth.login)
			: deps.auth.resume(control.senderid, auth.sessionId);
	if (!outcome.ok) {
		return {
			authentication: {
				status: 'failure',
				userid: auth.kind === 'login' ? auth.login.userid : '',
				companyid: auth.kind === 'login' ? auth.login.companyid : '',
				locationid: '',
			},
			authErrors: [outcome.error],
			results: [],
		};
	}
	const { caller } = outcome;
	const ctx: IntacctContext = {
		store: deps.store,
		config: deps.config,
		auth: deps.auth,
		caller,
		endpoint: deps.endpoint,
	};
	return {
		authentication: {
			status: 'success',
			userid: caller.userId,
			companyid: auth.kind === 'login' ? auth.login.companyid : caller.companyId,
			locationid: caller.locationId,
			sessiontimestamp: isoWithOffset(caller.timestamp),
			sessiontimeout: isoWithOffset(caller.timeout),
		},
		results: runOperation(ctx, operation, control.uniqueIdOn, deps.meter),
	};
}

/**
 * Answers one gateway request (spec §13): control checks, then per operation authentication and
 * the functions. Synchronous, so concurrent HTTP requests never interleave inside one request.
 */
export function processRequest(deps: GatewayDeps, parsed: ParsedBody): string {
	if ('failure' in parsed) return controlFailureResponse(EMPTY_ECHO, parsed.failure.errors);
	const control = readControl(parsed.root);
	const echo: ControlEcho = {
		senderid: control.senderid,
		controlid: control.controlid,
		uniqueid: control.uniqueid,
		dtdversion: control.dtdversion,
	};
	let operations: ParsedOperation[];
	try {
		if (!child(parsed.root, 'control'))
			throw new ControlFailure([errors.xmlParse('<request> needs <control>.')]);
		if (!deps.auth.checkSender(control.senderid, control.password))
			throw new ControlFailure([errors.badSender()]);
		if (control.dtdversion.trim() !== '3.0')
			throw new ControlFailure([errors.badDtdVersion(control.dtdversion)]);
		if (control.controlid === '')
			throw new ControlFailure([errors.xmlParse('<control> needs a <controlid>.')]);
		operations = readOperations(parsed.root);
	} catch (error) {
		if (error instanceof ControlFailure) return controlFailureResponse(echo, error.errors);
		throw error;
	}
	try {
		return operationResponse(
			echo,
			operations.map((operation) => authenticate(deps, control, operation)),
		);
	} finally {
		deps.store.commit();
	}
}
