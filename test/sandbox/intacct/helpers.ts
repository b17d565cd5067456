import { startIntacctSandbox } from '../../../sandbox/intacct/server';
import type { IntacctSandbox, IntacctSandboxOptions } from '../../../sandbox/intacct/server';
import {
	child,
	childrenNamed,
	escapeXml,
	parseXmlDocument,
	pathOf,
} from '../../../sandbox/shared/xml';
import type { XmlElement } from '../../../sandbox/shared/xml';

export { child, childrenNamed, escapeXml as x, pathOf };
export type { IntacctSandbox, XmlElement };

export async function startSandbox(options: IntacctSandboxOptions = {}): Promise<IntacctSandbox> {
	return startIntacctSandbox(options);
}

export type Auth =
	| 'login'
	| { sessionId: string }
	| { userid?: string; companyid?: string; password?: string; locationid?: string };

export interface EnvelopeOptions {
	auth?: Auth;
	senderId?: string;
	senderPassword?: string;
	controlId?: string;
	/** `undefined` sends `false`; `null` leaves the element out. */
	uniqueId?: boolean | null;
	dtdVersion?: string;
	transaction?: boolean;
}

/** `<function controlid="id">inner</function>` */
export function fn(controlId: string, inner: string): string {
	return `<function controlid="${escapeXml(controlId)}">${inner}</function>`;
}

export function envelope(
	sandbox: IntacctSandbox,
	functions: string[],
	options: EnvelopeOptions = {},
): string {
	const c = sandbox.credentials;
	const auth = options.auth ?? 'login';
	let authXml: string;
	if (auth !== 'login' && 'sessionId' in auth) {
		authXml = `<sessionid>${escapeXml(auth.sessionId)}</sessionid>`;
	} else {
		const login = auth === 'login' ? {} : auth;
		authXml =
			`<login><userid>${escapeXml(login.userid ?? c.userId)}</userid>` +
			`<companyid>${escapeXml(login.companyid ?? c.companyId)}</companyid>` +
			`<password>${escapeXml(login.password ?? c.userPassword)}</password>` +
			(login.locationid !== undefined
				? `<locationid>${escapeXml(login.locationid)}</locationid>`
				: '') +
			`</login>`;
	}
	const uniqueId =
		options.uniqueId === null ? '' : `<uniqueid>${options.uniqueId ? 'true' : 'false'}</uniqueid>`;
	return (
		`<?xml version="1.0" encoding="UTF-8"?><request><control>` +
		`<senderid>${escapeXml(options.senderId ?? c.senderId)}</senderid>` +
		`<password>${escapeXml(options.senderPassword ?? c.senderPassword)}</password>` +
		`<controlid>${escapeXml(options.controlId ?? 'req-1')}</controlid>${uniqueId}` +
		`<dtdversion>${escapeXml(options.dtdVersion ?? '3.0')}</dtdversion><includewhitespace>false</includewhitespace>` +
		`</control><operation transaction="${options.transaction ? 'true' : 'false'}">` +
		`<authentication>${authXml}</authentication><content>${functions.join('')}</content></operation></request>`
	);
}

export interface Reply {
	status: number;
	contentType: string | null;
	text: string;
	root: XmlElement;
}

export async function postRaw(sandbox: IntacctSandbox, body: string): Promise<Reply> {
	const response = await fetch(sandbox.endpoint, {
		method: 'POST',
		headers: { 'Content-Type': 'application/xml' },
		body,
	});
	const text = await response.text();
	return {
		status: response.status,
		contentType: response.headers.get('content-type'),
		text,
		root: parseXmlDocument(text),
	};
}

export async function call(
	sandbox: IntacctSandbox,
	functions: string[],
	options: EnvelopeOptions = {},
): Promise<Reply> {
	return postRaw(sandbox, envelope(sandbox, functions, options));
}

export function results(reply: Reply): XmlElement[] {
	return childrenNamed(child(reply.root, 'operation'), 'result');
}

/** The single result of a one-function request. */
export async function one(
	sandbox: IntacctSandbox,
	inner: string,
	options: EnvelopeOptions = {},
): Promise<XmlElement> {
	const reply = await call(sandbox, [fn('f-1', inner)], options);
	const all = results(reply);
	if (all.length !== 1) throw new Error(`Expected one result, got: ${reply.text}`);
	return all[0];
}

export function text(element: XmlElement | undefined, path: string): string | undefined {
	return pathOf(element, path)?.text;
}

export interface ErrorInfo {
	errorno: string;
	description: string;
	description2: string;
}

export function errorsOf(element: XmlElement | undefined): ErrorInfo[] {
	return childrenNamed(child(element, 'errormessage'), 'error').map((e) => ({
		errorno: child(e, 'errorno')?.text ?? '',
		description: child(e, 'description')?.text ?? '',
		description2: child(e, 'description2')?.text ?? '',
	}));
}

export function statusOf(result: XmlElement): string | undefined {
	return child(result, 'status')?.text;
}

/** Flattens a record element: leaf children as text, nested ones as dotted names. */
export function flat(record: XmlElement, prefix = ''): Record<string, string> {
	const out: Record<string, string> = {};
	for (const c of record.children) {
		if (c.children.length > 0) Object.assign(out, flat(c, `${prefix}${c.name}.`));
		else out[`${prefix}${c.name}`] = c.text;
	}
	return out;
}

export function dataOf(result: XmlElement): XmlElement {
	const data = child(result, 'data');
	if (!data) throw new Error('Result has no <data>');
	return data;
}

export function rowsOf(result: XmlElement): Array<Record<string, string>> {
	return dataOf(result).children.map((r) => flat(r));
}

export function readByQuery(
	object: string,
	query: string,
	fields = '*',
	pagesize?: number,
): string {
	return (
		`<readByQuery><object>${object}</object><fields>${escapeXml(fields)}</fields>` +
		`<query>${escapeXml(query)}</query>${pagesize !== undefined ? `<pagesize>${pagesize}</pagesize>` : ''}` +
		`<returnFormat>xml</returnFormat></readByQuery>`
	);
}

/** Legacy `<name><year>…</year><month>…</month><day>…</day></name>` from `yyyy-mm-dd`. */
export function legacyDate(name: string, iso: string): string {
	const [y, m, d] = iso.split('-');
	return `<${name}><year>${y}</year><month>${m}</month><day>${d}</day></${name}>`;
}

export function customerXml(id: string, name: string, extra = ''): string {
	return (
		`<CUSTOMER><CUSTOMERID>${escapeXml(id)}</CUSTOMERID><NAME>${escapeXml(name)}</NAME>` +
		`<DISPLAYCONTACT><PRINTAS>${escapeXml(name)}</PRINTAS></DISPLAYCONTACT>${extra}</CUSTOMER>`
	);
}

export async function getSession(sandbox: IntacctSandbox, locationId?: string): Promise<string> {
	const inner =
		locationId === undefined
			? '<getAPISession/>'
			: `<getAPISession><locationid>${locationId}</locationid></getAPISession>`;
	const result = await one(sandbox, inner);
	const id = text(result, 'data/api/sessionid');
	if (!id) throw new Error('No session id');
	return id;
}
