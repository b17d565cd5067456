/**
 * The product, running locally: the sandboxes, and a real n8n with this package installed as a
 * community package, a credential per sandbox, and every template from workflows/ imported.
 * Run through `bash scripts/run.sh`. Ctrl-C stops everything; running it again reuses the demo
 * n8n folder (.runtime/demo, or N8N_DEMO_FOLDER) and its owner account.
 * `bash scripts/run.sh --once` runs the hourly auto-syncs once, headless, and prints a summary.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';

import { buildScenario, DEMO_LAYER_SETUP } from '../sandbox/thelayer/scenario';
import { N8N_BIN, REPO_ROOT } from './lib/n8nRuntime';
import { formatSummary, intacctSummary, sage200Summary, type SyncSummary } from './lib/summary';
import {
	closeSandboxes,
	setUpN8n,
	startSandboxes,
	workflowIdOf,
	type Sandboxes,
} from './lib/templateInstance';
import { INTACCT_IDS } from './templates/intacct';
import { SAGE200_IDS } from './templates/sage200';

const INTACCT_HOURLY = INTACCT_IDS.hourly;
const SAGE200_HOURLY = SAGE200_IDS.hourly;

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

/** What `--once` seeds in The Layer on top of its demo data before each hourly run. */
const ONCE_SCENARIO = { customers: 12, invoices: 40, payments: 30, creditNotes: 3, refunds: 2 };

async function seedOnce(layer: Sandboxes['layer']): Promise<void> {
	await buildScenario(layer, ONCE_SCENARIO, {
		prefix: 'DEMO',
		...DEMO_LAYER_SETUP,
	});
}

/**
 * `--once`: no editor. Runs each hourly auto-sync template once (Intacct, then Sage 200 on a fresh
 * copy of the same Layer data: a Layer account syncs with one Sage system) and prints the
 * reconciliation summary. Exit status 0 when every linked customer's balance agrees to the penny.
 */
async function once(): Promise<void> {
	const sandboxes = await startSandboxes(false);
	const folder = mkdtempSync(path.join(REPO_ROOT, '.runtime', 'once-'));
	try {
		const { n8n } = await setUpN8n(folder, sandboxes);
		const summaries: SyncSummary[] = [];
		for (const [sage, workflow] of [
			['intacct', INTACCT_HOURLY],
			['sage200', SAGE200_HOURLY],
		] as const) {
			await fetch(`${sandboxes.layer.url}/__sandbox/reset`, { method: 'POST' });
			await seedOnce(sandboxes.layer);
			log(`running the ${sage} hourly auto-sync once…`);
			const result = await n8n.execute(workflow);
			if (!result.ok)
				throw new Error(`${workflow} failed: ${result.error ?? result.stderr.slice(-500)}`);
			const summary =
				sage === 'intacct'
					? await intacctSummary(sandboxes.layer.url, sandboxes.intacct.url)
					: await sage200Summary(sandboxes.layer.url, sandboxes.sage200.url);
			process.stderr.write(`${formatSummary(summary)}\n`);
			summaries.push(summary);
		}
		const balanced = summaries.every((s) => s.balanced);
		process.stdout.write(`${JSON.stringify({ once: true, balanced, summaries })}\n`);
		process.exitCode = balanced ? 0 : 1;
	} finally {
		await closeSandboxes(sandboxes);
		rmSync(folder, { recursive: true, force: true });
	}
}

async function main(): Promise<void> {
	if (process.argv.includes('--once')) return await once();
	const sandboxes = await startSandboxes(true);
	const { intacct, layer, sage200 } = sandboxes;
	const userFolder = process.env.N8N_DEMO_FOLDER ?? path.join(REPO_ROOT, '.runtime', 'demo');
	const { n8n, files } = await setUpN8n(userFolder, sandboxes);

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
	const stop = async () => {
		child.kill('SIGTERM');
		await closeSandboxes(sandboxes);
	};
	process.on('SIGINT', () => void stop().then(() => process.exit(0)));
	process.on('SIGTERM', () => void stop().then(() => process.exit(0)));
	child.on('exit', (code) => {
		log(`n8n exited (${code ?? 'signal'})`);
		void closeSandboxes(sandboxes).then(() => process.exit(code ?? 0));
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
			workflows: files.map((file) => ({ file, id: workflowIdOf(file) })),
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
