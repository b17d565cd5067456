/**
 * The product as a newcomer sees it: the run command's demo (sandboxes + n8n with the package and
 * every template) driven in Debian's Chromium by playwright-core. Logs in, opens every template
 * and checks each node is drawn with its icon (this package's icons load from the installed
 * package; no unknown-node placeholders), saves a screenshot of each, and connects the Sage 200
 * OAuth2 credential through the editor's own button against the sandbox's Sage ID.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { Browser, BrowserContext, Page } from 'playwright-core';

import { REPO_ROOT, isN8nInstalled, type WorkflowJson } from '../helpers/n8nCli';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = path.join(REPO_ROOT, 'test-output', 'browser');
/** The flags the machine notes give for a closed network, as root. */
const FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

interface Ready {
	n8n: { url: string; login: { email: string; password: string } };
	sandboxes: { sage200: { url: string } };
	workflows: Array<{ file: string; id: string }>;
}

const runnable = isN8nInstalled() && existsSync(CHROMIUM);
const describeIfBrowser = runnable ? describe : describe.skip;
if (!runnable)
	console.warn(`browser test skipped: needs the n8n runtime and Chromium at ${CHROMIUM}`);

/** Starts the run command's demo on free ports in its own folder; resolves on its ready line. */
function startDemo(folder: string): Promise<{ child: ChildProcess; ready: Ready }> {
	const child = spawn(process.execPath, [path.join(REPO_ROOT, '.build', 'scripts', 'demo.js')], {
		cwd: REPO_ROOT,
		env: {
			...process.env,
			NODE_ENV: '',
			N8N_DEMO_FOLDER: folder,
			N8N_DEMO_PORT: String(20000 + Math.floor(Math.random() * 20000)),
			INTACCT_SANDBOX_PORT: '0',
			LAYER_SANDBOX_PORT: '0',
			SAGE200_SANDBOX_PORT: '0',
		},
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	let stderr = '';
	child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
	return new Promise((resolve, reject) => {
		let out = '';
		child.stdout?.on('data', (chunk: Buffer) => {
			out += chunk.toString();
			const line = out.split('\n').find((l) => l.startsWith('{"ready":true'));
			if (line) resolve({ child, ready: JSON.parse(line) as Ready });
		});
		child.on('exit', (code) => reject(new Error(`demo exited (${code}) before ready:\n${stderr}`)));
	});
}

async function signIn(page: Page, ready: Ready): Promise<void> {
	await page.goto(`${ready.n8n.url}/signin`);
	await page.fill('input[name=emailOrLdapLoginId]', ready.n8n.login.email);
	await page.fill('input[name=password]', ready.n8n.login.password);
	await page.click('[data-test-id=form-submit-button]');
	await page.waitForURL(/\/home|\/workflows/, { timeout: 60_000 });
}

describeIfBrowser('the run command, in a browser', () => {
	let demo: { child: ChildProcess; ready: Ready };
	let folder: string;
	let browser: Browser;
	let context: BrowserContext;
	let page: Page;

	beforeAll(async () => {
		mkdirSync(SHOTS, { recursive: true });
		folder = mkdtempSync(path.join(os.tmpdir(), 'demo-browser-'));
		demo = await startDemo(folder);
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { chromium } = require('playwright-core') as typeof import('playwright-core');
		browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
		context = await browser.newContext({ viewport: { width: 1800, height: 1100 } });
		page = await context.newPage();
		await signIn(page, demo.ready);
	}, 420_000);

	afterAll(async () => {
		await browser?.close();
		if (demo?.child.pid) {
			try {
				process.kill(-demo.child.pid, 'SIGTERM');
			} catch {
				// already gone
			}
		}
		await new Promise((resolve) => setTimeout(resolve, 1000));
		if (folder) rmSync(folder, { recursive: true, force: true });
	});

	test('every template opens with every node drawn with its icon', async () => {
		expect(demo.ready.workflows.length).toBeGreaterThanOrEqual(20);
		for (const { file, id } of demo.ready.workflows) {
			const template = JSON.parse(
				readFileSync(path.join(REPO_ROOT, 'workflows', file), 'utf8'),
			) as WorkflowJson;
			const drawn = template.nodes.filter((n) => n.type !== 'n8n-nodes-base.stickyNote');
			const ours = drawn.filter((n) => n.type.startsWith('n8n-nodes-thelayer-sage.'));
			await page.goto(`${demo.ready.n8n.url}/workflow/${id}`);
			await page.waitForSelector('[data-test-id=canvas-node]', { timeout: 60_000 });
			await page.waitForFunction(
				() =>
					[...document.querySelectorAll('[data-test-id=canvas-node] img')].every(
						(img) => (img as HTMLImageElement).complete,
					),
				undefined,
				{ timeout: 30_000 },
			);
			const report = await page.$$eval('[data-test-id=canvas-node]', (nodes) =>
				nodes.map((node) => {
					const images = [...node.querySelectorAll('img')];
					return {
						text: (node.textContent ?? '').trim().slice(0, 60),
						icon:
							images.some((img) => img.complete && img.naturalWidth > 0) ||
							node.querySelector('svg') !== null,
						packageIcon: images.some(
							(img) =>
								img.src.includes('n8n-nodes-thelayer-sage') && img.complete && img.naturalWidth > 0,
						),
					};
				}),
			);
			await page.screenshot({ path: path.join(SHOTS, file.replace(/\.json$/, '.png')) });
			expect([file, report.length]).toEqual([file, drawn.length]);
			expect([file, report.filter((n) => !n.icon).map((n) => n.text)]).toEqual([file, []]);
			expect([file, report.filter((n) => n.packageIcon).length]).toEqual([file, ours.length]);
			const body = await page.textContent('body');
			expect([
				file,
				/install this node|not currently installed|unknown node/i.test(body ?? ''),
			]).toEqual([file, false]);
		}
	}, 600_000);

	test('the Sage 200 credential connects through the editor against the sandbox Sage ID', async () => {
		const meter = async () =>
			(
				(await (await fetch(`${demo.ready.sandboxes.sage200.url}/__sandbox/meter`)).json()) as {
					functions: Record<string, number>;
				}
			).functions;
		const before = await meter();
		await page.goto(`${demo.ready.n8n.url}/home/credentials`);
		await page.getByText('Sage 200 account', { exact: true }).first().click();
		await page.waitForSelector('[data-test-id=oauth-switch-account-button]', { timeout: 30_000 });
		const popup = context.waitForEvent('page', { timeout: 30_000 });
		await page.click('[data-test-id=oauth-switch-account-button]');
		const window = await popup;
		await window.waitForEvent('close', { timeout: 60_000 }).catch(() => undefined);
		await page.waitForSelector('[data-test-id=oauth-connect-success-banner]', { timeout: 30_000 });
		await page.screenshot({ path: path.join(SHOTS, 'sage200-credential-connected.png') });
		const after = await meter();
		// The editor went through the sandbox's authorize page and traded the code for tokens.
		expect((after.SageIdAuthorize ?? 0) - (before.SageIdAuthorize ?? 0)).toBe(1);
		expect((after.SageIdToken ?? 0) - (before.SageIdToken ?? 0)).toBe(1);
		expect(await page.textContent('[data-test-id=oauth-connect-success-banner]')).toMatch(
			/Account connected/,
		);
	}, 180_000);
});
