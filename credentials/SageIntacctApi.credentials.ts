import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { buildEnvelope, isIntacctEnvelopeRequest } from '../nodes/SageIntacct/transport/envelope';
import {
	DEFAULT_INTACCT_ENDPOINT,
	configuredEndpoint,
	loginFromCredentials,
	readSessionResponse,
	sessionRequestXml,
} from '../nodes/SageIntacct/transport/session';

/**
 * Sage Intacct XML gateway credentials. The gateway authenticates inside the XML body, so
 * `authenticate` wraps the node's functions in the full envelope (sender + session or login), and
 * `preAuthentication` opens an API session that n8n stores in the hidden, expirable `sessionId`.
 * Node code never sees a password.
 */
export class SageIntacctApi implements ICredentialType {
	name = 'sageIntacctApi';

	displayName = 'Sage Intacct API';

	icon: Icon = {
		light: 'file:../icons/sageIntacct.svg',
		dark: 'file:../icons/sageIntacct.dark.svg',
	};

	documentationUrl = 'https://developer.intacct.com/web-services/';

	properties: INodeProperties[] = [
		{
			displayName: 'Session ID',
			name: 'sessionId',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Session Endpoint',
			name: 'sessionEndpoint',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Company ID',
			name: 'companyId',
			type: 'string',
			default: '',
			required: true,
			description: 'Shown in Intacct under Company > Company Info, field "ID"',
		},
		{
			displayName: 'User ID',
			name: 'userId',
			type: 'string',
			default: '',
			required: true,
			description:
				'A Web Services user (Company > Admin > Web Services users), so password changes of people do not break the sync',
		},
		{
			displayName: 'User Password',
			name: 'userPassword',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Sender ID',
			name: 'senderId',
			type: 'string',
			default: '',
			required: true,
			description:
				'Your Web Services sender ID. It must be authorized in the company: Company > Company Info > Security > Web Services authorizations.',
		},
		{
			displayName: 'Sender Password',
			name: 'senderPassword',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Entity ID',
			name: 'entityId',
			type: 'string',
			default: '',
			description:
				'For multi-entity companies: the entity to work in. Leave empty for the top level.',
		},
		{
			displayName: 'Endpoint URL',
			name: 'endpointUrl',
			type: 'string',
			default: DEFAULT_INTACCT_ENDPOINT,
			description:
				'The XML gateway. Change it only to point at a sandbox; credentials are sent over https:// only (http:// is accepted for 127.0.0.1).',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const endpoint = configuredEndpoint(credentials);
		const xml = (await this.helpers.httpRequest({
			method: 'POST',
			url: endpoint,
			body: sessionRequestXml(loginFromCredentials(credentials)),
			headers: { 'Content-Type': 'application/xml', Accept: 'application/xml' },
			json: false,
		})) as string;
		const session = readSessionResponse(String(xml), endpoint, credentials);
		return {
			sessionId: session.sessionId,
			sessionEndpoint: session.sessionEndpoint,
		} as IDataObject;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const body = requestOptions.body;
		if (!isIntacctEnvelopeRequest(body)) return requestOptions;
		const configured = configuredEndpoint(credentials);
		let sessionId: string | undefined;
		let url = configured;
		if (body.session) {
			sessionId = body.session.id;
			url = body.session.endpoint || configured;
		} else if (
			!body.forceLogin &&
			typeof credentials.sessionId === 'string' &&
			credentials.sessionId
		) {
			sessionId = credentials.sessionId;
			url = (credentials.sessionEndpoint as string) || configured;
		}
		return {
			...requestOptions,
			url,
			body: buildEnvelope(loginFromCredentials(credentials), body, sessionId),
			headers: {
				...requestOptions.headers,
				'Content-Type': 'application/xml',
				Accept: 'application/xml',
			},
			json: false,
		};
	}

	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			url: '={{$credentials.endpointUrl}}',
			body: {
				controlId: 'credential-test',
				uniqueId: false,
				transaction: false,
				functions:
					'<function controlid="credential-test"><readByQuery><object>CUSTOMER</object><fields>RECORDNO</fields><query></query><pagesize>1</pagesize></readByQuery></function>',
			},
		},
	};
}
