/**
 * The run command's headless mode (`bash scripts/run.sh --once`, here its last step): sandboxes and
 * n8n with the package and every template, each hourly auto-sync run once over a seeded scenario,
 * and a reconciliation summary whose balances agree on both sides, to the penny.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

import { REPO_ROOT, describeIfN8n } from '../helpers/n8nCli';

interface Summary {
	sage: string;
	synced: Record<string, string>;
	balances: { customers: number; equal: number; layerTotal: string; sageTotal: string };
	balanced: boolean;
}

function runOnce(): Promise<{ code: number | null; stdout: string; stderr: string }> {
	return new Promise((resolve) => {
		const child = spawn(
			process.execPath,
			[path.join(REPO_ROOT, '.build', 'scripts', 'demo.js'), '--once'],
			{
				cwd: REPO_ROOT,
				env: { ...process.env, NODE_ENV: '' },
				stdio: ['ignore', 'pipe', 'pipe'],
			},
		);
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
		child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-6000)));
		child.on('exit', (code) => resolve({ code, stdout, stderr }));
	});
}

describeIfN8n('run.sh --once', () => {
	test('runs both hourly auto-syncs and prints a summary with balances equal on both sides', async () => {
		const { code, stdout, stderr } = await runOnce();
		const line = stdout.split('\n').find((l) => l.startsWith('{"once":true'));
		if (!line) throw new Error(`no summary line (exit ${code}):\n${stderr}`);
		const result = JSON.parse(line) as { balanced: boolean; summaries: Summary[] };
		expect(result.summaries.map((s) => s.sage)).toEqual(['Sage Intacct', 'Sage 200']);
		for (const summary of result.summaries) {
			expect(summary.balanced).toBe(true);
			expect(summary.balances.equal).toBe(summary.balances.customers);
			expect(summary.balances.customers).toBeGreaterThan(10);
			expect(summary.balances.sageTotal).toBe(summary.balances.layerTotal);
			for (const [type, count] of Object.entries(summary.synced).filter(
				([t]) => t !== 'sageTransactionsReconciled',
			)) {
				const [done, all] = count.split('/');
				expect([type, done]).toEqual([type, all]);
			}
		}
		expect(result.balanced).toBe(true);
		expect(code).toBe(0);
		expect(stderr).toMatch(/balances: \d+\/\d+ linked customers equal to the penny/);
	}, 600_000);
});
