import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeParameters,
} from 'n8n-workflow';

import { TheLayerApi } from '../../credentials/TheLayerApi.credentials';
import { TheLayer } from '../../nodes/TheLayer/TheLayer.node';
import { TheLayerTrigger } from '../../nodes/TheLayer/TheLayerTrigger.node';
import { startTheLayerSandbox, type TheLayerSandbox } from '../../sandbox/thelayer/server';
import {
	credentialTypesOf,
	nodeTypesOf,
	packageNodeType,
	runWorkflow,
	type WorkflowRunResult,
} from '../helpers/engine';

export const nodeTypes = nodeTypesOf(new TheLayer(), new TheLayerTrigger());
export const credentialTypes = credentialTypesOf(new TheLayerApi());

export async function startSandbox(options: { seed?: boolean } = {}): Promise<TheLayerSandbox> {
	return startTheLayerSandbox({ port: 0, ...options });
}

export function layerCredentials(sandbox: TheLayerSandbox): ICredentialDataDecryptedObject {
	return {
		baseUrl: sandbox.url,
		token1: sandbox.credentials.token1,
		token2: sandbox.credentials.token2,
	};
}

export interface LayerRun {
	items: IDataObject[];
	result: WorkflowRunResult;
	error?: Error;
}

/** Runs The Layer node inside n8n's WorkflowExecute against the sandbox over HTTP. */
export async function runLayer(
	sandbox: TheLayerSandbox,
	parameters: INodeParameters,
	input: IDataObject[] = [{}],
	options: { continueOnFail?: boolean; credentials?: ICredentialDataDecryptedObject } = {},
): Promise<LayerRun> {
	const node: INode = {
		id: 'layer',
		name: 'The Layer',
		type: packageNodeType('theLayer'),
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { theLayerApi: { id: 'cred-layer', name: 'The Layer sandbox' } },
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
	const result = await runWorkflow(
		{ nodes: [node], connections: {} },
		{
			nodeTypes,
			credentialTypes,
			credentials: { theLayerApi: options.credentials ?? layerCredentials(sandbox) },
			startNode: 'The Layer',
			startItems: input.map((json) => ({ json })),
		},
	);
	const error = result.error as Error | undefined;
	return { items: error ? [] : result.output('The Layer').map((i) => i.json), result, error };
}

export async function records(
	sandbox: TheLayerSandbox,
	collection: string,
): Promise<IDataObject[]> {
	const response = await fetch(`${sandbox.url}/__sandbox/records/${collection}`);
	if (!response.ok) throw new Error(`records ${collection}: HTTP ${response.status}`);
	const body = (await response.json()) as IDataObject[] | { records: IDataObject[] };
	return Array.isArray(body) ? body : body.records;
}

export const rl = (value: string) => ({ __rl: true, mode: 'id', value });
