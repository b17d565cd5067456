/**
 * Self-test of the in-process engine harness (test/helpers/engine.ts) with tiny inline node and
 * credential types talking to a local HTTP server on 127.0.0.1.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import {
	NodeApiError,
	NodeConnectionTypes,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type INodeExecutionData,
	type INodeListSearchResult,
	type INodePropertyOptions,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
	type JsonObject,
} from 'n8n-workflow';

import {
	credentialTypesOf,
	nodeTypesOf,
	packageNodeType,
	runListSearch,
	runLoadOptions,
	runPoll,
	runWorkflow,
	type WorkflowFixture,
} from '../helpers/engine';

// ------------------------------------------------------------------ local HTTP server

interface SeenRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: http.IncomingHttpHeaders;
}

const seen: SeenRequest[] = [];
const changes = [1, 2, 3, 4, 5].map((id) => ({ id, name: `change ${id}` }));
let validSession = '';
let sessionCounter = 0;
let server: http.Server;
let baseUrl = '';

function send(res: http.ServerResponse, status: number, body: unknown): void {
	res.writeHead(status, { 'content-type': 'application/json' });
	res.end(JSON.stringify(body));
}

beforeAll(async () => {
	server = http.createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const query = Object.fromEntries(url.searchParams.entries());
		seen.push({ method: req.method ?? '', path: url.pathname, query, headers: req.headers });
		if (url.pathname === '/login') {
			validSession = `sess-${++sessionCounter}`;
			return send(res, 200, { session: validSession });
		}
		if (url.pathname.startsWith('/secure')) {
			if (req.headers['x-session'] !== validSession) return send(res, 401, { error: 'expired' });
			return send(res, 200, { ok: true, session: validSession });
		}
		if (url.pathname === '/fail') return send(res, 500, { error: 'boom' });
		if (url.pathname.startsWith('/items/')) {
			return send(res, 200, {
				id: Number(url.pathname.split('/')[2]),
				apiKey: req.headers['x-api-key'],
			});
		}
		if (url.pathname === '/things') {
			return send(res, 200, [
				{ id: 'a', label: 'Alpha' },
				{ id: 'b', label: 'Beta' },
			]);
		}
		if (url.pathname === '/changes') {
			const since = Number(query.since ?? 0);
			return send(res, 200, changes.filter((c) => c.id > since).slice(0, 3));
		}
		send(res, 404, { error: 'not found' });
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
	seen.length = 0;
});

// ------------------------------------------------------------------ credential types

const baseUrlProperty = {
	displayName: 'Base URL',
	name: 'baseUrl',
	type: 'string' as const,
	default: 'https://example.invalid',
};

const fnCredential: ICredentialType = {
	name: 'testFnApi',
	displayName: 'Test Function-auth API',
	properties: [
		baseUrlProperty,
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
		},
	],
	authenticate: async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => ({
		...requestOptions,
		headers: { ...requestOptions.headers, 'x-api-key': `fn:${String(credentials.apiKey)}` },
	}),
};

const genericCredential: ICredentialType = {
	name: 'testGenericApi',
	displayName: 'Test Generic-auth API',
	properties: [
		baseUrlProperty,
		{
			displayName: 'Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
		},
		{ displayName: 'Tenant', name: 'tenant', type: 'string', default: 'default-tenant' },
	],
	authenticate: {
		type: 'generic',
		properties: {
			headers: { Authorization: '=Bearer {{$credentials.token}}' },
			qs: { tenant: '={{$credentials.tenant}}' },
		},
	},
};

const sessionCredential: ICredentialType = {
	name: 'testSessionApi',
	displayName: 'Test Session API',
	properties: [
		baseUrlProperty,
		{
			displayName: 'Session',
			name: 'sessionToken',
			type: 'hidden',
			typeOptions: { expirable: true },
			default: '',
		},
	],
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const { session } = (await this.helpers.httpRequest({
			method: 'POST',
			url: `${String(credentials.baseUrl)}/login`,
			json: true,
		})) as { session: string };
		return { sessionToken: session };
	},
	authenticate: {
		type: 'generic',
		properties: { headers: { 'X-Session': '={{$credentials.sessionToken}}' } },
	},
};

const credentialTypes = credentialTypesOf(fnCredential, genericCredential, sessionCredential);

// ------------------------------------------------------------------ node types

class TestSource implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Test Source',
		name: 'testSource',
		group: ['transform'],
		version: 1,
		description: 'Emits the ids given',
		defaults: { name: 'Source' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		properties: [{ displayName: 'IDs', name: 'ids', type: 'string', default: '1,2' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const ids = (this.getNodeParameter('ids', 0) as string).split(',').map(Number);
		return [ids.map((id) => ({ json: { id }, pairedItem: { item: 0 } }))];
	}
}

class TestHttp implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Test HTTP',
		name: 'testHttp',
		group: ['transform'],
		version: [1, 1.1],
		description: 'Calls the local test server',
		defaults: { name: 'HTTP' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: [
			{ name: 'testFnApi', required: true, displayOptions: { show: { authentication: ['fn'] } } },
			{
				name: 'testGenericApi',
				required: true,
				displayOptions: { show: { authentication: ['generic'] } },
			},
			{
				name: 'testSessionApi',
				required: true,
				displayOptions: { show: { authentication: ['session'] } },
			},
		],
		properties: [
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{ name: 'Function', value: 'fn' },
					{ name: 'Generic', value: 'generic' },
					{ name: 'Session', value: 'session' },
				],
				default: 'fn',
			},
			{ displayName: 'Path', name: 'path', type: 'string', default: '/' },
			{
				displayName: 'Thing',
				name: 'thing',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getThings' },
				default: '',
			},
		],
	};

	methods = {
		loadOptions: {
			async getThings(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
				const auth = this.getCurrentNodeParameter('authentication') as string;
				const type = auth === 'generic' ? 'testGenericApi' : 'testFnApi';
				const creds = await this.getCredentials(type);
				const things = (await this.helpers.httpRequestWithAuthentication.call(this, type, {
					method: 'GET',
					url: `${String(creds.baseUrl)}/things`,
					json: true,
				})) as Array<{ id: string; label: string }>;
				return things.map((t) => ({ name: t.label, value: t.id }));
			},
		},
		listSearch: {
			async searchThings(
				this: ILoadOptionsFunctions,
				filter?: string,
			): Promise<INodeListSearchResult> {
				const creds = await this.getCredentials('testGenericApi');
				const things = (await this.helpers.httpRequestWithAuthentication.call(
					this,
					'testGenericApi',
					{ method: 'GET', url: `${String(creds.baseUrl)}/things`, json: true },
				)) as Array<{ id: string; label: string }>;
				const results = things
					.filter((t) => !filter || t.label.toLowerCase().includes(filter.toLowerCase()))
					.map((t) => ({ name: t.label, value: t.id }));
				return { results };
			},
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const out: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			try {
				const auth = this.getNodeParameter('authentication', i) as string;
				const type = { fn: 'testFnApi', generic: 'testGenericApi' }[auth] ?? 'testSessionApi';
				const creds = await this.getCredentials(type, i);
				const response = (await this.helpers.httpRequestWithAuthentication.call(this, type, {
					method: 'GET',
					url: `${String(creds.baseUrl)}${this.getNodeParameter('path', i) as string}`,
					json: true,
				})) as IDataObject;
				out.push({ json: response, pairedItem: { item: i } });
			} catch (error) {
				if (this.continueOnFail()) {
					out.push({ json: { error: (error as Error).message }, pairedItem: { item: i } });
					continue;
				}
				throw new NodeApiError(this.getNode(), error as JsonObject, { itemIndex: i });
			}
		}
		return [out];
	}
}

class TestPoll implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Test Poll Trigger',
		name: 'testPollTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Polls the local test server',
		defaults: { name: 'Poll' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'testGenericApi', required: true }],
		properties: [],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const state = this.getWorkflowStaticData('node');
		const manual = this.getMode() === 'manual';
		const since = manual ? 0 : Number(state.lastId ?? 0);
		const creds = await this.getCredentials('testGenericApi');
		const found = (await this.helpers.httpRequestWithAuthentication.call(this, 'testGenericApi', {
			method: 'GET',
			url: `${String(creds.baseUrl)}/changes`,
			qs: { since },
			json: true,
		})) as Array<{ id: number }>;
		if (manual) return [this.helpers.returnJsonArray(found.slice(0, 1))];
		if (found.length === 0) return null;
		state.lastId = Math.max(...found.map((c) => c.id));
		state.budget = this.getPollBudgetMs();
		return [this.helpers.returnJsonArray(found)];
	}
}

const nodeTypes = nodeTypesOf(new TestSource(), new TestHttp(), new TestPoll());

function workflow(httpParameters: IDataObject, extra: IDataObject = {}): WorkflowFixture {
	const credentialFor: Record<string, string> = {
		fn: 'testFnApi',
		generic: 'testGenericApi',
		session: 'testSessionApi',
	};
	const auth = String(httpParameters.authentication ?? 'fn');
	return {
		nodes: [
			{
				id: '1',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: '2',
				name: 'Source',
				type: packageNodeType('testSource'),
				typeVersion: 1,
				position: [200, 0],
				parameters: { ids: '1,2' },
			},
			{
				id: '3',
				name: 'HTTP',
				type: packageNodeType('testHttp'),
				typeVersion: 1.1,
				position: [400, 0],
				parameters: { path: '={{ "/items/" + $json.id }}', ...httpParameters },
				credentials: { [credentialFor[auth]]: { id: null, name: 'Test account' } },
				...extra,
			},
			{
				id: '4',
				name: 'Done',
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [600, 0],
				parameters: {},
			},
		],
		connections: {
			Start: { main: [[{ node: 'Source', type: NodeConnectionTypes.Main, index: 0 }]] },
			Source: { main: [[{ node: 'HTTP', type: NodeConnectionTypes.Main, index: 0 }]] },
			HTTP: { main: [[{ node: 'Done', type: NodeConnectionTypes.Main, index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

const credentials = {
	testFnApi: { baseUrl: '', apiKey: 'k1' },
	testGenericApi: { baseUrl: '', token: 'tok-123' },
	testSessionApi: { baseUrl: '', sessionToken: '' },
};
function creds(): typeof credentials {
	const copy = structuredClone(credentials);
	for (const value of Object.values(copy)) value.baseUrl = baseUrl;
	return copy;
}

// ------------------------------------------------------------------ tests

describe('engine harness: runWorkflow', () => {
	test('function-form authenticate, expressions, pairedItem, built-in stand-ins', async () => {
		const result = await runWorkflow(workflow({ authentication: 'fn' }), {
			nodeTypes,
			credentialTypes,
			credentials: creds(),
		});
		expect(result.error).toBeUndefined();
		expect(seen.map((r) => r.path)).toEqual(['/items/1', '/items/2']);
		expect(result.output('HTTP')).toEqual([
			{ json: { id: 1, apiKey: 'fn:k1' }, pairedItem: { item: 0 } },
			{ json: { id: 2, apiKey: 'fn:k1' }, pairedItem: { item: 1 } },
		]);
		expect(result.output('Done').map((i) => i.json.id)).toEqual([1, 2]);
		expect(result.outputs('Start')).toEqual([[expect.objectContaining({ json: {} })]]);
	});

	test('generic authenticate resolves $credentials expressions and credential defaults', async () => {
		const result = await runWorkflow(workflow({ authentication: 'generic' }), {
			nodeTypes,
			credentialTypes,
			credentials: creds(),
		});
		expect(result.error).toBeUndefined();
		expect(seen).toHaveLength(2);
		expect(seen[0].headers.authorization).toBe('Bearer tok-123');
		expect(seen[0].query).toEqual({ tenant: 'default-tenant' });
	});

	test('a node error fails the run; continueOnFail (onError) turns it into an item', async () => {
		const failing = await runWorkflow(workflow({ path: '/fail' }), {
			nodeTypes,
			credentialTypes,
			credentials: creds(),
		});
		expect(failing.error?.message).toBe('The service was not able to process your request');
		expect(failing.error?.description).toBe('Request failed with status code 500');
		expect(failing.taskData('Done')).toEqual([]);
		expect(() => failing.output('Done')).toThrow(/did not run/);

		const continued = await runWorkflow(
			workflow({ path: '/fail' }, { onError: 'continueRegularOutput' }),
			{ nodeTypes, credentialTypes, credentials: creds() },
		);
		expect(continued.error).toBeUndefined();
		expect(continued.output('Done')).toHaveLength(2);
		expect(continued.output('Done')[0].json.error).toEqual(expect.any(String));
		expect(continued.output('Done')[1].pairedItem).toEqual({ item: 1 });
	});

	test('preAuthentication logs in once, persists the session, and re-logs in on 401', async () => {
		const wf = workflow({ authentication: 'session', path: '/secure' });
		const first = await runWorkflow(wf, { nodeTypes, credentialTypes, credentials: creds() });
		expect(first.error).toBeUndefined();
		expect(first.credentialsHelper.stats.preAuthentication).toBe(1);
		expect(first.credentials.testSessionApi.sessionToken).toBe(validSession);

		const second = await runWorkflow(wf, {
			nodeTypes,
			credentialTypes,
			credentials: first.credentials,
		});
		expect(second.credentialsHelper.stats.preAuthentication).toBe(0);
		expect(seen.filter((r) => r.path === '/login')).toHaveLength(1);

		validSession = 'server-side-expired';
		const third = await runWorkflow(wf, {
			nodeTypes,
			credentialTypes,
			credentials: second.credentials,
		});
		expect(third.error).toBeUndefined();
		expect(third.credentialsHelper.stats.preAuthentication).toBe(1);
		expect(third.output('HTTP')[0].json).toEqual({ ok: true, session: validSession });
	});

	test('unknown node types fail clearly', async () => {
		const wf = workflow({});
		wf.nodes[2].type = packageNodeType('doesNotExist');
		await expect(
			runWorkflow(wf, { nodeTypes, credentialTypes, credentials: creds() }),
		).rejects.toThrow(/Unrecognized node type: n8n-nodes-thelayer-sage\.doesNotExist/);
	});
});

describe('engine harness: runPoll', () => {
	const trigger = new TestPoll();

	test('static data persists across polls; null when nothing is new', async () => {
		const options = { credentialTypes, credentials: creds() };
		const first = await runPoll(trigger, { name: 'Poll' }, options);
		expect(first.items?.[0].map((i) => i.json.id)).toEqual([1, 2, 3]);
		expect(first.staticData).toEqual({ 'node:Poll': { lastId: 3, budget: 300000 } });

		const second = await runPoll(
			trigger,
			{ name: 'Poll' },
			{ ...options, staticData: first.staticData },
		);
		expect(second.items?.[0].map((i) => i.json.id)).toEqual([4, 5]);
		expect(second.staticData['node:Poll']).toEqual({ lastId: 5, budget: 300000 });

		const third = await runPoll(
			trigger,
			{ name: 'Poll' },
			{ ...options, staticData: second.staticData },
		);
		expect(third.items).toBeNull();
		expect(seen.map((r) => r.query)).toEqual([
			{ since: '0', tenant: 'default-tenant' },
			{ since: '3', tenant: 'default-tenant' },
			{ since: '5', tenant: 'default-tenant' },
		]);
	});

	test('manual mode ("Fetch test event") returns a sample and leaves the cursor alone', async () => {
		const staticData = { 'node:Poll': { lastId: 5 } };
		const result = await runPoll(
			trigger,
			{ name: 'Poll' },
			{ credentialTypes, credentials: creds(), staticData, mode: 'manual', pollBudgetMs: 1000 },
		);
		expect(result.items?.[0]).toHaveLength(1);
		expect(result.staticData).toEqual(staticData);
	});
});

describe('engine harness: loadOptions and listSearch', () => {
	test('a loadOptions method runs with credentials and current parameters', async () => {
		const options = await runLoadOptions(new TestHttp(), 'getThings', {
			parameters: { authentication: 'generic' },
			credentialTypes,
			credentials: creds(),
		});
		expect(options).toEqual([
			{ name: 'Alpha', value: 'a' },
			{ name: 'Beta', value: 'b' },
		]);
		expect(seen[0].headers.authorization).toBe('Bearer tok-123');
	});

	test('a listSearch method gets the filter', async () => {
		const result = await runListSearch(new TestHttp(), 'searchThings', {
			parameters: { authentication: 'generic' },
			credentialTypes,
			credentials: creds(),
			filter: 'bet',
		});
		expect(result.results).toEqual([{ name: 'Beta', value: 'b' }]);
	});

	test('unknown methods fail clearly', async () => {
		await expect(runLoadOptions(new TestHttp(), 'nope', { credentialTypes })).rejects.toThrow(
			/No loadOptions method "nope" \(available: getThings\)/,
		);
	});
});
