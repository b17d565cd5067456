import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeParameters,
} from 'n8n-workflow';

import { Sage200OAuth2Api } from '../../credentials/Sage200OAuth2Api.credentials';
import { Sage200 } from '../../nodes/Sage200/Sage200.node';
import { Sage200Trigger } from '../../nodes/Sage200/Sage200Trigger.node';
import { startSage200Sandbox, type Sage200Sandbox } from '../../sandbox/sage200/server';
import {
	credentialTypesOf,
	nodeTypesOf,
	packageNodeType,
	runWorkflow,
	type WorkflowRunResult,
} from '../helpers/engine';

export const nodeTypes = nodeTypesOf(new Sage200(), new Sage200Trigger());
export const credentialTypes = credentialTypesOf(new Sage200OAuth2Api());

export async function startSandbox(
	options: { seed?: boolean; accessTokenTtlSeconds?: number } = {},
): Promise<Sage200Sandbox> {
	return startSage200Sandbox({ port: 0, ...options });
}

/** A connected credential, as n8n stores it after the OAuth2 sign-in. */
export async function sage200Credentials(
	sandbox: Sage200Sandbox,
	edition: 'standard' | 'professional' = 'professional',
): Promise<ICredentialDataDecryptedObject> {
	const token = await sandbox.issueToken();
	return {
		grantType: 'authorizationCode',
		authUrl: sandbox.oauth.authorizeUrl,
		accessTokenUrl: sandbox.oauth.tokenUrl,
		clientId: sandbox.oauth.clientId,
		clientSecret: sandbox.oauth.clientSecret,
		scope: 'openid profile email offline_access',
		authQueryParameters: 'audience=s200ukipd/sage200',
		authentication: 'body',
		edition,
		apiBaseUrl: sandbox.url,
		oauthTokenData: { ...token, token_type: 'Bearer' } as unknown as IDataObject,
	};
}

export interface Sage200Run {
	items: IDataObject[];
	result: WorkflowRunResult;
	error?: Error;
	credentials: ICredentialDataDecryptedObject;
}

/** Runs the Sage 200 node inside n8n's WorkflowExecute against the sandbox (OAuth2 handled by n8n-core). */
export async function runSage200(
	credentials: ICredentialDataDecryptedObject,
	parameters: INodeParameters,
	input: IDataObject[] = [{}],
	options: { continueOnFail?: boolean } = {},
): Promise<Sage200Run> {
	const node: INode = {
		id: 'sage200',
		name: 'Sage 200',
		type: packageNodeType('sage200'),
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { sage200OAuth2Api: { id: 'cred-sage200', name: 'Sage 200 sandbox' } },
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
	const result = await runWorkflow(
		{ nodes: [node], connections: {} },
		{
			nodeTypes,
			credentialTypes,
			credentials: { sage200OAuth2Api: credentials },
			startNode: 'Sage 200',
			startItems: input.map((json) => ({ json })),
		},
	);
	const error = result.error as Error | undefined;
	return {
		items: error ? [] : result.output('Sage 200').map((i) => i.json),
		result,
		error,
		credentials: result.credentials.sage200OAuth2Api ?? credentials,
	};
}

export async function records(sandbox: Sage200Sandbox, collection: string): Promise<IDataObject[]> {
	const response = await fetch(`${sandbox.url}/__sandbox/records/${collection}`);
	if (!response.ok) throw new Error(`records ${collection}: HTTP ${response.status}`);
	const body = (await response.json()) as IDataObject[] | { records: IDataObject[] };
	return Array.isArray(body) ? body : body.records;
}

export const rl = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
