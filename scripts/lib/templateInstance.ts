/**
 * The product's pieces, set up the same way for the demo (scripts/demo.ts) and the fault soak
 * (bench/faultSoak.ts): the three sandboxes, and an n8n user folder with the package installed from
 * `npm pack`, a credential per sandbox, every template imported and the sync workflows published.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { startIntacctSandbox } from '../../sandbox/intacct/server';
import { startSage200Sandbox } from '../../sandbox/sage200/server';
import { startTheLayerSandbox } from '../../sandbox/thelayer/server';
import {
	REPO_ROOT,
	createN8nInstance,
	packPackage,
	sandboxCredentialImports,
	type WorkflowJson,
} from './n8nRuntime';

const log = (message: string) => process.stderr.write(`[setup] ${message}\n`);

/** A template's own id, else one derived from its file name. */
export function workflowIdOf(file: string): string {
	const json = JSON.parse(readFileSync(path.join(REPO_ROOT, 'workflows', file), 'utf8')) as {
		id?: string;
	};
	return json.id ?? workflowId(file);
}

function workflowId(file: string): string {
	return `tpl${createHash('sha256').update(file).digest('hex').slice(0, 13)}`;
}

export type Sandboxes = {
	intacct: Awaited<ReturnType<typeof startIntacctSandbox>>;
	layer: Awaited<ReturnType<typeof startTheLayerSandbox>>;
	sage200: Awaited<ReturnType<typeof startSage200Sandbox>>;
};

export async function startSandboxes(fixedPorts: boolean): Promise<Sandboxes> {
	const port = (name: string, fallback: number) =>
		fixedPorts ? Number(process.env[name] ?? fallback) : 0;
	const intacct = await startIntacctSandbox({ port: port('INTACCT_SANDBOX_PORT', 4101) });
	log(`Sage Intacct sandbox: ${intacct.endpoint}`);
	const layer = await startTheLayerSandbox({ port: port('LAYER_SANDBOX_PORT', 4102) });
	log(`The Layer sandbox: ${layer.url}`);
	const sage200 = await startSage200Sandbox({ port: port('SAGE200_SANDBOX_PORT', 4103) });
	log(`Sage 200 sandbox: ${sage200.url}`);
	return { intacct, layer, sage200 };
}

/**
 * A demo n8n in `userFolder`: the package installed from `npm pack` under ~/.n8n/nodes, a
 * credential per sandbox, every template imported and the sync workflows published.
 */
export async function setUpN8n(
	userFolder: string,
	{ intacct, layer, sage200 }: Sandboxes,
	options: { adjust?: (workflow: WorkflowJson) => WorkflowJson } = {},
) {
	// Signed in already, as after clicking Connect; the editor's Connect button works too.
	const sage200Token = await sage200.issueToken();
	log('installing the package into n8n (npm pack → ~/.n8n/nodes)…');
	const n8n = await createN8nInstance({
		packageTarball: await packPackage(),
		userFolder,
		// Sub-workflows run from the version `n8n publish:workflow` publishes, read from the
		// workflow itself (n8n's publication tables are filled only by editor activations).
		env: { N8N_USE_WORKFLOW_PUBLICATION_SERVICE: 'false' },
	});
	await n8n.importCredentials(
		sandboxCredentialImports({
			layer,
			intacct,
			sage200: {
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
		}),
	);
	const files = readdirSync(path.join(REPO_ROOT, 'workflows')).filter((f) => f.endsWith('.json'));
	// Templates that call each other carry their own ids; keep them.
	const adjust = options.adjust ?? ((workflow: WorkflowJson) => workflow);
	const workflows = files.map((file) =>
		adjust({
			...(JSON.parse(readFileSync(path.join(REPO_ROOT, 'workflows', file), 'utf8')) as WorkflowJson),
			id: workflowIdOf(file),
		}),
	);
	await n8n.importWorkflows(workflows);
	// The sync workflows are sub-workflows of the hourly ones: publish them so they can be called.
	await n8n.publishWorkflows(
		workflows
			.filter((w) => w.nodes.some((n) => n.type === 'n8n-nodes-base.executeWorkflowTrigger'))
			.map((w) => w.id as string),
	);
	log(`imported ${workflows.length} workflow(s) and a credential per sandbox`);
	return { n8n, files };
}

/** Stops the three sandboxes, whatever state each is in. */
export async function closeSandboxes({ intacct, layer, sage200 }: Sandboxes): Promise<void> {
	await Promise.allSettled([intacct.close(), layer.close(), sage200.close()]);
}
