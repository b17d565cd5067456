import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeParameters,
} from 'n8n-workflow';

import { SageIntacctApi } from '../../credentials/SageIntacctApi.credentials';
import { SageIntacct } from '../../nodes/SageIntacct/SageIntacct.node';
import { SageIntacctTrigger } from '../../nodes/SageIntacct/SageIntacctTrigger.node';
import { startIntacctSandbox, type IntacctSandbox } from '../../sandbox/intacct/server';
import {
	credentialTypesOf,
	nodeTypesOf,
	packageNodeType,
	runWorkflow,
	type WorkflowRunResult,
} from '../helpers/engine';

export const nodeTypes = nodeTypesOf(new SageIntacct(), new SageIntacctTrigger());
export const credentialTypes = credentialTypesOf(new SageIntacctApi());

export async function startSandbox(
	options: { seed?: boolean; sessionTtlSeconds?: number } = {},
): Promise<IntacctSandbox> {
	return startIntacctSandbox({ port: 0, ...options });
}

/** Where a run sends its requests: a sandbox in this process, or one the benchmark runs elsewhere. */
export type IntacctTarget = Pick<IntacctSandbox, 'endpoint' | 'credentials'>;

export function intacctCredentials(sandbox: IntacctTarget): ICredentialDataDecryptedObject {
	return {
		endpointUrl: sandbox.endpoint,
		...sandbox.credentials,
		entityId: sandbox.credentials.entityId ?? '',
		sessionId: '',
		sessionEndpoint: '',
	};
}

/** Fast retries for tests: the sandbox answers in microseconds. */
export const FAST_RETRY = { maxRetries: 6, retryBaseDelayMs: 5, timeoutMs: 10000 };

export interface IntacctRun {
	items: IDataObject[];
	result: WorkflowRunResult;
	error?: Error;
	credentials: ICredentialDataDecryptedObject;
}

/**
 * Runs the Sage Intacct node inside the real n8n engine (WorkflowExecute) with the given input
 * items, against the sandbox over HTTP.
 */
export async function runIntacct(
	sandbox: IntacctTarget,
	parameters: INodeParameters,
	input: IDataObject[] = [{}],
	options: { continueOnFail?: boolean; credentials?: ICredentialDataDecryptedObject } = {},
): Promise<IntacctRun> {
	const credentials = options.credentials ?? intacctCredentials(sandbox);
	const node: INode = {
		id: 'intacct',
		name: 'Sage Intacct',
		type: packageNodeType('sageIntacct'),
		typeVersion: 1,
		position: [0, 0],
		parameters: {
			...parameters,
			requestOptions: { ...FAST_RETRY, ...((parameters.requestOptions as IDataObject) ?? {}) },
		},
		credentials: { sageIntacctApi: { id: 'cred-1', name: 'Sage Intacct sandbox' } },
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
	const result = await runWorkflow(
		{ nodes: [node], connections: {} },
		{
			nodeTypes,
			credentialTypes,
			credentials: { sageIntacctApi: credentials },
			startNode: 'Sage Intacct',
			startItems: input.map((json) => ({ json })),
		},
	);
	const error = result.error as Error | undefined;
	const items = error ? [] : result.output('Sage Intacct').map((i) => i.json);
	return { items, result, error, credentials: result.credentials.sageIntacctApi ?? credentials };
}

/** Reads every stored record of an object through the sandbox's control API. */
export async function records(sandbox: IntacctSandbox, object: string): Promise<IDataObject[]> {
	const response = await fetch(`${sandbox.url}/__sandbox/records/${object}`);
	if (!response.ok) throw new Error(`records ${object}: HTTP ${response.status}`);
	const body = (await response.json()) as IDataObject[] | { records: IDataObject[] };
	return Array.isArray(body) ? body : body.records;
}

export function rl(value: string) {
	return { __rl: true, mode: 'id', value };
}
