import { escapeXml, toXml } from './xml';

/** What the transport asks for; the credential turns it into a full request envelope. */
export interface IntacctEnvelopeRequest {
	controlId: string;
	uniqueId: boolean;
	transaction: boolean;
	/** One or more `<function controlid="…">…</function>` elements, already escaped. */
	functions: string;
	/** Use this session instead of the credential's stored one (after a re-login mid-run). */
	session?: { id: string; endpoint: string };
	/** Ignore any session and authenticate with the login credentials. */
	forceLogin?: boolean;
}

export interface IntacctLogin {
	senderId: string;
	senderPassword: string;
	userId: string;
	companyId: string;
	userPassword: string;
	entityId?: string;
}

export function buildEnvelope(
	login: IntacctLogin,
	request: IntacctEnvelopeRequest,
	sessionId: string | undefined,
): string {
	const control = toXml('control', {
		senderid: login.senderId,
		password: login.senderPassword,
		controlid: request.controlId,
		uniqueid: request.uniqueId ? 'true' : 'false',
		dtdversion: '3.0',
		includewhitespace: 'false',
	});
	const authentication = sessionId
		? toXml('authentication', { sessionid: sessionId })
		: toXml('authentication', {
				login: {
					userid: login.userId,
					companyid: login.companyId,
					password: login.userPassword,
					locationid: login.entityId ? login.entityId : undefined,
				},
			});
	return (
		'<?xml version="1.0" encoding="UTF-8"?>' +
		`<request>${control}<operation transaction="${request.transaction ? 'true' : 'false'}">` +
		`${authentication}<content>${request.functions}</content></operation></request>`
	);
}

export function functionElement(controlId: string, body: string): string {
	return `<function controlid="${escapeXml(controlId)}">${body}</function>`;
}

export function isIntacctEnvelopeRequest(body: unknown): body is IntacctEnvelopeRequest {
	return (
		typeof body === 'object' &&
		body !== null &&
		typeof (body as IntacctEnvelopeRequest).functions === 'string' &&
		typeof (body as IntacctEnvelopeRequest).controlId === 'string'
	);
}
