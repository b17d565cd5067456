import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { assertSafeEndpoint } from '../../shared/endpoint';
import { redactSecrets } from '../../shared/redact';
import { buildEnvelope, functionElement, type IntacctLogin } from './envelope';
import { describeErrors, parseResponse } from './response';

export const DEFAULT_INTACCT_ENDPOINT = 'https://api.intacct.com/ia/xml/xmlgw.phtml';

export function loginFromCredentials(credentials: ICredentialDataDecryptedObject): IntacctLogin {
	const text = (name: string) =>
		typeof credentials[name] === 'string' ? (credentials[name] as string) : '';
	return {
		senderId: text('senderId'),
		senderPassword: text('senderPassword'),
		companyId: text('companyId'),
		userId: text('userId'),
		userPassword: text('userPassword'),
		entityId: text('entityId') || undefined,
	};
}

export function secretsOf(credentials: ICredentialDataDecryptedObject): string[] {
	return ['senderPassword', 'userPassword', 'sessionId']
		.map((k) => credentials[k])
		.filter((v): v is string => typeof v === 'string' && v.length > 0);
}

export function configuredEndpoint(credentials: ICredentialDataDecryptedObject): string {
	const url = (credentials.endpointUrl as string) || DEFAULT_INTACCT_ENDPOINT;
	assertSafeEndpoint(url, 'Sage Intacct endpoint URL');
	return url;
}

/**
 * getAPISession answers with the endpoint the session lives on. Follow it only to Intacct's own
 * hosts over TLS, or to the configured endpoint's origin (the sandbox), never elsewhere.
 */
export function trustedSessionEndpoint(returned: string, configured: string): string {
	try {
		const url = new URL(returned);
		if (url.protocol === 'https:' && /(^|\.)intacct\.com\.?$/i.test(url.hostname)) return returned;
		if (url.origin === new URL(configured).origin) return returned;
	} catch {
		// fall through to the configured endpoint
	}
	return configured;
}

export function sessionRequestXml(login: IntacctLogin): string {
	return buildEnvelope(
		login,
		{
			controlId: `session-${Date.now()}`,
			uniqueId: false,
			transaction: false,
			functions: functionElement('getAPISession', '<getAPISession/>'),
		},
		undefined,
	);
}

export interface IntacctSession {
	sessionId: string;
	sessionEndpoint: string;
}

/** Reads a getAPISession response; throws a readable, secret-free error on any failure. */
export function readSessionResponse(
	xml: string,
	configured: string,
	credentials: ICredentialDataDecryptedObject,
): IntacctSession {
	const response = parseResponse(xml);
	const secrets = secretsOf(credentials);
	if (response.level === 'control') {
		throw new Error(
			redactSecrets(
				`Sage Intacct rejected the Web Services sender: ${describeErrors(response.errors)}`,
				secrets,
			),
		);
	}
	if (response.level === 'authentication') {
		throw new Error(
			redactSecrets(`Sage Intacct rejected the login: ${describeErrors(response.errors)}`, secrets),
		);
	}
	const result = response.results[0];
	const api = result?.records[0] as { sessionid?: string; endpoint?: string } | undefined;
	if (!result || result.status !== 'success' || !api?.sessionid) {
		throw new Error(
			redactSecrets(
				`Sage Intacct did not open a session: ${describeErrors(result?.errors ?? [])}`,
				secrets,
			),
		);
	}
	return {
		sessionId: api.sessionid,
		sessionEndpoint: trustedSessionEndpoint(api.endpoint ?? '', configured),
	};
}
