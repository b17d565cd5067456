/**
 * The product, running locally: the sandboxes, and a real n8n with this package installed as a
 * community package, a credential per sandbox, and every template from workflows/ imported.
 * Run through `bash scripts/run.sh`. Ctrl-C stops everything; running it again reuses the demo
 * n8n folder (.runtime/demo) and its owner account.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { startIntacctSandbox } from '../sandbox/intacct/server';
import { startSage200Sandbox } from '../sandbox/sage200/server';
import { startTheLayerSandbox } from '../sandbox/thelayer/server';
import {
	N8N_BIN,
	REPO_ROOT,
	createN8nInstance,
	packPackage,
	type WorkflowJson,
} from './lib/n8nRuntime';

const N8N_PORT = Number(process.env.N8N_DEMO_PORT ?? 5678);
const OWNER = {
	email: 'demo@thelayer-sage.test',
	firstName: 'Demo',
	lastName: 'Owner',
	password: 'Demo-sandbox-1',
};

function log(message: string): void {
	process.stderr.write(`[demo] ${message}\n`);
}

function workflowId(file: string): string {
	return `tpl${createHash('sha256').update(file).digest('hex').slice(0, 13)}`;
}

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		try {
			const response = await fetch(url);
			if (response.ok) return;
		} catch {
			// not up yet
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`n8n did not become healthy at ${url} within ${timeoutMs / 1000} s`);
}

/** Creates the owner account on a fresh n8n (what the setup page does); says what happened. */
async function setUpOwner(baseUrl: string): Promise<string> {
	// /healthz answers before the REST API is ready; wait until settings come back as JSON.
	let showSetup: boolean | undefined;
	for (let attempt = 0; attempt < 120 && showSetup === undefined; attempt++) {
		try {
			const settings = (await (await fetch(`${baseUrl}/rest/settings`)).json()) as {
				data?: { userManagement?: { showSetupOnFirstLoad?: boolean } };
			};
			showSetup = settings.data?.userManagement?.showSetupOnFirstLoad;
		} catch {
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
	}
	if (showSetup === false) return 'exists';
	const response = await fetch(`${baseUrl}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(OWNER),
	});
	if (response.ok) return 'created';
	return `not created (HTTP ${response.status}: ${(await response.text()).slice(0, 200)})`;
}

async function main(): Promise<void> {
	const intacct = await startIntacctSandbox({
		port: Number(process.env.INTACCT_SANDBOX_PORT ?? 4101),
	});
	log(`Sage Intacct sandbox: ${intacct.endpoint}`);
	const layer = await startTheLayerSandbox({
		port: Number(process.env.LAYER_SANDBOX_PORT ?? 4102),
	});
	log(`The Layer sandbox: ${layer.url}`);
	const sage200 = await startSage200Sandbox({
		port: Number(process.env.SAGE200_SANDBOX_PORT ?? 4103),
	});
	log(`Sage 200 sandbox: ${sage200.url}`);
	// Signed in already, as after clicking Connect; the editor's Connect button works too.
	const sage200Token = await sage200.issueToken();

	const userFolder = path.join(REPO_ROOT, '.runtime', 'demo');
	log('installing the package into the demo n8n (npm pack → ~/.n8n/nodes)…');
	const n8n = await createN8nInstance({
		packageTarball: await packPackage(),
		userFolder,
		// Sub-workflows run from the version `n8n publish:workflow` publishes, read from the
		// workflow itself (n8n's publication tables are filled only by editor activations).
		env: { N8N_USE_WORKFLOW_PUBLICATION_SERVICE: 'false' },
	});
	await n8n.importCredentials([
		{
			id: 'intacctSandbox01',
			name: 'Sage Intacct account',
			type: 'sageIntacctApi',
			data: { endpointUrl: intacct.endpoint, ...intacct.credentials },
		},
		{
			id: 'layerSandbox0001',
			name: 'The Layer account',
			type: 'theLayerApi',
			data: { baseUrl: layer.url, ...layer.credentials },
		},
		{
			id: 'sage200Sandbox01',
			name: 'Sage 200 account',
			type: 'sage200OAuth2Api',
			data: {
				grantType: 'authorizationCode',
				edition: 'professional',
				authUrl: sage200.oauth.authorizeUrl,
				accessTokenUrl: sage200.oauth.tokenUrl,
				apiBaseUrl: sage200.url,
				clientId: sage200.oauth.clientId,
				clientSecret: sage200.oauth.clientSecret,
				scope: sage200.oauth.scope,
				authQueryParameters: `audience=${sage200.oauth.audience}`,
				authentication: 'body',
				oauthTokenData: { ...sage200Token },
			},
		},
	]);
	const files = readdirSync(path.join(REPO_ROOT, 'workflows')).filter((f) => f.endsWith('.json'));
	const workflows = files.map((file) => {
		const json = JSON.parse(
			readFileSync(path.join(REPO_ROOT, 'workflows', file), 'utf8'),
		) as WorkflowJson;
		// Templates that call each other carry their own ids; keep them.
		return { ...json, id: json.id ?? workflowId(file) };
	});
	await n8n.importWorkflows(workflows);
	// The sync workflows are sub-workflows of the hourly ones: publish them so they can be called.
	await n8n.publishWorkflows(
		workflows
			.filter((w) => w.nodes.some((n) => n.type === 'n8n-nodes-base.executeWorkflowTrigger'))
			.map((w) => w.id as string),
	);
	log(`imported ${workflows.length} workflow(s) and a credential per sandbox`);

	const child = spawn(process.execPath, [N8N_BIN, 'start'], {
		env: {
			...n8n.env,
			N8N_PORT: String(N8N_PORT),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_SECURE_COOKIE: 'false',
			N8N_LOG_LEVEL: 'warn',
			N8N_LOG_FORMAT: 'text',
		},
		// n8n's own output goes to stderr, so stdout carries only the one ready line.
		stdio: ['ignore', process.stderr, process.stderr],
	});
	const closeSandboxes = async () => {
		await Promise.allSettled([intacct.close(), layer.close(), sage200.close()]);
	};
	const stop = async () => {
		child.kill('SIGTERM');
		await closeSandboxes();
	};
	process.on('SIGINT', () => void stop().then(() => process.exit(0)));
	process.on('SIGTERM', () => void stop().then(() => process.exit(0)));
	child.on('exit', (code) => {
		log(`n8n exited (${code ?? 'signal'})`);
		void closeSandboxes().then(() => process.exit(code ?? 0));
	});

	const baseUrl = `http://127.0.0.1:${N8N_PORT}`;
	await waitForHealth(`${baseUrl}/healthz`, 180_000);
	const owner = await setUpOwner(baseUrl);
	process.stdout.write(
		`${JSON.stringify({
			ready: true,
			n8n: { url: baseUrl, login: { email: OWNER.email, password: OWNER.password }, owner },
			sandboxes: {
				intacct: { endpoint: intacct.endpoint, credentials: intacct.credentials },
				thelayer: { url: layer.url, credentials: layer.credentials },
				sage200: { url: sage200.url, apiBase: sage200.apiBase, oauth: sage200.oauth },
			},
			workflows: files,
		})}\n`,
	);
	log(
		`ready: open ${baseUrl} and sign in as ${OWNER.email} / ${OWNER.password}. Ctrl-C stops everything.`,
	);
}

main().catch((error: unknown) => {
	log(error instanceof Error ? (error.stack ?? error.message) : String(error));
	process.exit(1);
});
