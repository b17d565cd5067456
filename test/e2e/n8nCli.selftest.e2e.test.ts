/**
 * Self-test of the real-n8n harness (test/helpers/n8nCli.ts): n8n-nodes-base workflows, a clear
 * failure for an unknown node type, and a throwaway community package (packed, installed into
 * ~/.n8n/nodes like n8n does, with an imported credential) calling a local server.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';

import type { INode } from 'n8n-workflow';

import {
	E2E_OUTPUT_DIR,
	createN8nInstance,
	describeIfN8n,
	packDirectory,
	type N8nInstance,
	type WorkflowJson,
} from '../helpers/n8nCli';

const PROBE_PACKAGE = 'n8n-nodes-e2e-probe';

const probeFiles: Record<string, string> = {
	'package.json': JSON.stringify({
		name: PROBE_PACKAGE,
		version: '0.0.1',
		keywords: ['n8n-community-node-package'],
		files: ['dist'],
		n8n: {
			n8nNodesApiVersion: 1,
			nodes: ['dist/nodes/E2eProbe.node.js'],
			credentials: ['dist/credentials/E2eProbeApi.credentials.js'],
		},
		// Must be stripped on install, as n8n does; otherwise npm would fetch n8n-workflow.
		peerDependencies: { 'n8n-workflow': '*' },
	}),
	'dist/credentials/E2eProbeApi.credentials.js': `
class E2eProbeApi {
	constructor() {
		this.name = 'e2eProbeApi';
		this.displayName = 'E2E Probe API';
		this.properties = [
			{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
			{ displayName: 'Token', name: 'token', type: 'string', typeOptions: { password: true }, default: '' },
		];
		this.authenticate = {
			type: 'generic',
			properties: { headers: { Authorization: '=Bearer {{$credentials.token}}' } },
		};
	}
}
module.exports = { E2eProbeApi };
`,
	'dist/nodes/E2eProbe.node.js': `
class E2eProbe {
	constructor() {
		this.description = {
			displayName: 'E2E Probe',
			name: 'e2eProbe',
			group: ['transform'],
			version: 1,
			description: 'Calls a local server',
			defaults: { name: 'E2E Probe' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: 'e2eProbeApi', required: true }],
			properties: [{ displayName: 'Path', name: 'path', type: 'string', default: '/' }],
		};
	}
	async execute() {
		const items = this.getInputData();
		const credentials = await this.getCredentials('e2eProbeApi');
		const out = [];
		for (let i = 0; i < items.length; i++) {
			const json = await this.helpers.httpRequestWithAuthentication.call(this, 'e2eProbeApi', {
				method: 'GET',
				url: credentials.baseUrl + this.getNodeParameter('path', i),
				json: true,
			});
			out.push({ json, pairedItem: { item: i } });
		}
		return [out];
	}
}
module.exports = { E2eProbe };
`,
};

async function packProbe(): Promise<string> {
	await mkdir(E2E_OUTPUT_DIR, { recursive: true });
	const dir = await mkdtemp(path.join(E2E_OUTPUT_DIR, 'probe-package-'));
	for (const [file, content] of Object.entries(probeFiles)) {
		await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
		await writeFile(path.join(dir, file), content);
	}
	return await packDirectory(dir, dir);
}

const manualTrigger: INode = {
	id: 'n1',
	name: 'Start',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

function chain(nodes: INode[]): WorkflowJson {
	const connections: WorkflowJson['connections'] = {};
	for (let i = 0; i < nodes.length - 1; i++) {
		connections[nodes[i].name] = {
			main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]],
		};
	}
	return { nodes, connections, settings: { executionOrder: 'v1' } };
}

const baseNodesWorkflow = chain([
	manualTrigger,
	{
		id: 'n2',
		name: 'Set',
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		position: [200, 0],
		parameters: {
			assignments: {
				assignments: [
					{ id: 'a1', name: 'greeting', value: "={{ 'hello ' + 'world' }}", type: 'string' },
				],
			},
			options: {},
		},
	},
	{
		id: 'n3',
		name: 'Code',
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		position: [400, 0],
		parameters: {
			jsCode:
				'return $input.all().map((i) => ({ json: { ...i.json, len: i.json.greeting.length } }));',
		},
	},
]);

const unknownNodeWorkflow = chain([
	manualTrigger,
	{
		id: 'n2',
		name: 'Mystery',
		type: 'n8n-nodes-doesnotexist.mystery',
		typeVersion: 1,
		position: [200, 0],
		parameters: {},
	},
]);

const probeWorkflow = chain([
	manualTrigger,
	{
		id: 'n2',
		name: 'Probe',
		type: `${PROBE_PACKAGE}.e2eProbe`,
		typeVersion: 1,
		position: [200, 0],
		parameters: { path: '/hello' },
		credentials: { e2eProbeApi: { id: 'probeCred00001', name: 'Probe account' } },
	},
]);

describeIfN8n('n8n CLI harness (real n8n 2.40.7)', () => {
	let n8n: N8nInstance;
	let server: http.Server;
	const authHeaders: Array<string | undefined> = [];
	let ids: string[] = [];

	beforeAll(async () => {
		server = http.createServer((req, res) => {
			authHeaders.push(req.headers.authorization);
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ path: req.url, auth: req.headers.authorization }));
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

		n8n = await createN8nInstance({ packageTarball: await packProbe() });
		await n8n.importCredentials([
			{
				id: 'probeCred00001',
				name: 'Probe account',
				type: 'e2eProbeApi',
				data: { baseUrl, token: 'e2e-token' },
			},
		]);
		ids = await n8n.importWorkflows([baseNodesWorkflow, unknownNodeWorkflow, probeWorkflow]);
	}, 300_000);

	afterAll(async () => {
		await n8n?.close();
		if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
		if (n8n) console.log(`[e2e] ${n8n.userFolder}\n${JSON.stringify(n8n.timings)}`);
	});

	test('runs a workflow of n8n-nodes-base nodes (Manual Trigger → Edit Fields → Code)', async () => {
		const result = await n8n.execute(ids[0]);
		expect(result.error).toBeUndefined();
		expect(result.ok).toBe(true);
		expect(result.run?.status).toBe('success');
		expect(result.output('Code')).toEqual([
			{ json: { greeting: 'hello world', len: 11 }, pairedItem: { item: 0 } },
		]);
	}, 120_000);

	test('a workflow with an unknown node type fails clearly', async () => {
		const result = await n8n.execute(ids[1]);
		expect(result.ok).toBe(false);
		expect(result.exitCode).toBe(1);
		expect(result.error).toBe('Unrecognized node type: n8n-nodes-doesnotexist.mystery');
	}, 120_000);

	test('loads an installed community package and decrypts its imported credential', async () => {
		expect(n8n.installedPackage).toMatchObject({ name: PROBE_PACKAGE, version: '0.0.1' });
		expect(await n8n.listNodeTypes()).toContain(`${PROBE_PACKAGE}.e2eProbe`);

		const result = await n8n.execute(ids[2]);
		expect(result.error).toBeUndefined();
		expect(result.output('Probe')).toEqual([
			{ json: { path: '/hello', auth: 'Bearer e2e-token' }, pairedItem: { item: 0 } },
		]);
		expect(authHeaders).toEqual(['Bearer e2e-token']);
	}, 120_000);
});
