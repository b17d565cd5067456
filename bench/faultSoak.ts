/**
 * Fault soak, on demand (`npm run soak`, after `npm run build` and `bash scripts/ensure-n8n.sh`):
 *
 *   node .build/bench/faultSoak.js [--invoices 10000] [--payments 10000] [--customers 500]
 *        [--credit-notes 200] [--refunds 50] [--systems intacct,sage200]
 *        [--timeout-probability 0.0005] [--max-runs 6] [--retry-base-delay-ms 1000]
 *        [--out test-output/soak/soak.json]
 *
 * For each Sage system: a fresh Layer seeded with the scenario, the hourly auto-sync template run
 * by the real n8n CLI while The Layer and Sage inject ~10% faults (5xx, 429 with Retry-After,
 * connection reset, response lost after commit, session or token expiry, and a few 30-second
 * timeouts), then clean hourly runs until nothing is left unsynced, then one more clean run that
 * must change nothing. Reports records lost, duplicated, balance differences, faults injected by
 * type, round trips, runs to converge and wall time per run. The CI-sized version of this is the
 * "fault soak (small)" test in each template suite.
 *
 * `--retry-base-delay-ms` sets _Options → Retry Base Delay_ on every Sage and Layer node of the
 * imported templates (default: the templates as shipped, whose nodes wait 0.5–1 s before a first
 * retry). Most of a 10,000/10,000 soak's wall time is those waits; a shorter delay changes when a
 * retry happens, not what is retried (a 429's Retry-After is still obeyed).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { buildScenario, DEMO_LAYER_SETUP } from '../sandbox/thelayer/scenario';
import { SOAK_FAULTS, setFaults, unsyncedInLayer } from '../scripts/lib/faultControl';
import { REPO_ROOT, type WorkflowJson } from '../scripts/lib/n8nRuntime';
import { intacctExactlyOnce, sage200ExactlyOnce, type ExactlyOnce } from '../scripts/lib/summary';
import {
	closeSandboxes,
	setUpN8n,
	startSandboxes,
	type Sandboxes,
} from '../scripts/lib/templateInstance';
import { INTACCT_IDS } from '../scripts/templates/intacct';
import { SAGE200_IDS } from '../scripts/templates/sage200';

interface Args {
	invoices: number;
	payments: number;
	customers: number;
	creditNotes: number;
	refunds: number;
	systems: Array<'intacct' | 'sage200'>;
	timeoutProbability: number;
	maxRuns: number;
	retryBaseDelayMs?: number;
	out: string;
}

function parseArgs(argv: string[]): Args {
	const args: Args = {
		invoices: 10_000,
		payments: 10_000,
		customers: 500,
		creditNotes: 200,
		refunds: 50,
		systems: ['intacct', 'sage200'],
		timeoutProbability: 0.0005,
		maxRuns: 6,
		out: path.join(REPO_ROOT, 'test-output', 'soak', 'soak.json'),
	};
	const count = (flag: string, value: string, min = 0) => {
		const n = Number(value);
		if (!Number.isInteger(n) || n < min) throw new Error(`${flag} takes an integer >= ${min}`);
		return n;
	};
	for (let i = 0; i < argv.length; i += 2) {
		const [flag, value] = [argv[i], argv[i + 1]];
		if (value === undefined) throw new Error(`${flag} needs a value`);
		if (flag === '--invoices') args.invoices = count(flag, value, 1);
		else if (flag === '--payments') args.payments = count(flag, value);
		else if (flag === '--customers') args.customers = count(flag, value, 1);
		else if (flag === '--credit-notes') args.creditNotes = count(flag, value);
		else if (flag === '--refunds') args.refunds = count(flag, value);
		else if (flag === '--max-runs') args.maxRuns = count(flag, value, 2);
		else if (flag === '--retry-base-delay-ms') args.retryBaseDelayMs = count(flag, value, 1);
		else if (flag === '--out') args.out = path.resolve(value);
		else if (flag === '--timeout-probability') {
			args.timeoutProbability = Number(value);
			if (!(args.timeoutProbability >= 0 && args.timeoutProbability <= 1))
				throw new Error(`${flag} takes a number between 0 and 1`);
		} else if (flag === '--systems') {
			const systems = value.split(',');
			if (!systems.every((s) => s === 'intacct' || s === 'sage200'))
				throw new Error(`${flag} takes intacct, sage200 or both, comma-separated`);
			args.systems = systems as Args['systems'];
		} else throw new Error(`Unknown option ${flag}`);
	}
	return args;
}

const log = (message: string) => process.stderr.write(`[soak] ${message}\n`);

/** Nodes of this package that talk to a service and take _Options → Retry Base Delay_. */
const SERVICE_NODE = /^n8n-nodes-thelayer-sage\.(sageIntacct|sage200|theLayer)$/;

/** The workflow with every service node's first retry delay set to `ms` (unchanged without it). */
function withRetryBaseDelay(workflow: WorkflowJson, ms: number | undefined): WorkflowJson {
	if (ms === undefined) return workflow;
	const nodes = workflow.nodes.map((node) => {
		if (!SERVICE_NODE.test(node.type)) return node;
		const requestOptions = { ...(node.parameters?.requestOptions as object), retryBaseDelayMs: ms };
		return { ...node, parameters: { ...node.parameters, requestOptions } };
	});
	return { ...workflow, nodes };
}

/** The small soak's mix, plus 30-second timeouts: ~10% of requests get a fault. */
function faultMix(timeoutProbability: number) {
	return {
		seed: 11,
		faults: [
			{ type: 'timeout', probability: timeoutProbability, timeoutMs: 30_000 },
			...SOAK_FAULTS.faults,
		],
	};
}

interface Meter {
	roundTrips: number;
	faults: Record<string, number>;
}

async function meter(url: string): Promise<Meter> {
	return (await (await fetch(`${url}/__sandbox/meter`)).json()) as Meter;
}

function meterDelta(before: Meter, after: Meter): Meter {
	const faults: Record<string, number> = {};
	for (const [type, n] of Object.entries(after.faults)) {
		const d = n - (before.faults[type] ?? 0);
		if (d) faults[type] = d;
	}
	return { roundTrips: after.roundTrips - before.roundTrips, faults };
}

interface RunRecord {
	run: number;
	faults: boolean;
	ok: boolean;
	error?: string;
	wallMs: number;
	unsyncedAfter: number;
	layer: Meter;
	sage: Meter;
}

interface SystemReport {
	system: string;
	scenario: Record<string, number>;
	runs: RunRecord[];
	runsToConverge: number;
	result: ExactlyOnce;
	finalRunChanged: boolean;
	wallMs: number;
}

async function soakSystem(
	args: Args,
	system: 'intacct' | 'sage200',
	sandboxes: Sandboxes,
	n8n: Awaited<ReturnType<typeof setUpN8n>>['n8n'],
): Promise<SystemReport> {
	const started = Date.now();
	const layerUrl = sandboxes.layer.url;
	const sageUrl = system === 'intacct' ? sandboxes.intacct.url : sandboxes.sage200.url;
	const workflow = system === 'intacct' ? INTACCT_IDS.hourly : SAGE200_IDS.hourly;
	const check = () =>
		system === 'intacct'
			? intacctExactlyOnce(layerUrl, sageUrl)
			: sage200ExactlyOnce(layerUrl, sageUrl);

	await fetch(`${layerUrl}/__sandbox/reset`, { method: 'POST' });
	await fetch(`${sageUrl}/__sandbox/reset`, { method: 'POST' });
	log(`${system}: seeding The Layer…`);
	const scenario = await buildScenario(
		sandboxes.layer,
		{
			customers: args.customers,
			invoices: args.invoices,
			payments: args.payments,
			creditNotes: args.creditNotes,
			refunds: args.refunds,
		},
		{
			prefix: 'SK',
			...DEMO_LAYER_SETUP,
			seed: 2026,
		},
	);
	log(
		`${system}: seeded ${JSON.stringify({ ...scenario, customerIds: scenario.customerIds.length })}`,
	);

	const runs: RunRecord[] = [];
	const runOnce = async (withFaults: boolean) => {
		if (withFaults) {
			await setFaults(layerUrl, faultMix(args.timeoutProbability));
			await setFaults(sageUrl, faultMix(args.timeoutProbability));
		}
		const [layerBefore, sageBefore] = [await meter(layerUrl), await meter(sageUrl)];
		const t0 = Date.now();
		const result = await n8n.execute(workflow, { timeoutMs: 4 * 3600_000 });
		const wallMs = Date.now() - t0;
		if (withFaults) {
			await setFaults(layerUrl, undefined);
			await setFaults(sageUrl, undefined);
		}
		const record: RunRecord = {
			run: runs.length + 1,
			faults: withFaults,
			ok: result.ok,
			error: result.error,
			wallMs,
			unsyncedAfter: await unsyncedInLayer(layerUrl),
			layer: meterDelta(layerBefore, await meter(layerUrl)),
			sage: meterDelta(sageBefore, await meter(sageUrl)),
		};
		runs.push(record);
		log(
			`${system}: run ${record.run} (${withFaults ? 'faults' : 'clean'}) ${record.ok ? 'completed' : `stopped: ${record.error ?? ''}`} in ${(wallMs / 1000).toFixed(0)} s; ${record.unsyncedAfter} unsynced; faults ${JSON.stringify({ layer: record.layer.faults, sage: record.sage.faults })}`,
		);
		return record;
	};

	await runOnce(true);
	while (runs[runs.length - 1].unsyncedAfter > 0 && runs.length < args.maxRuns)
		await runOnce(false);
	const runsToConverge = runs.length;
	const result = await check();
	const before = JSON.stringify(result);
	const final = await runOnce(false);
	const after = JSON.stringify(await check());
	// A clean run over a converged state may read but must write nothing new.
	const finalRunChanged = before !== after || final.unsyncedAfter !== 0;
	return {
		system,
		scenario: scenario as unknown as Record<string, number>,
		runs,
		runsToConverge,
		result,
		finalRunChanged,
		wallMs: Date.now() - started,
	};
}

function table(reports: SystemReport[]): string {
	const rows = [
		['', ...reports.map((r) => r.system)],
		[
			'records (invoices, payments, credit notes, refunds)',
			...reports.map((r) => String(r.result.records)),
		],
		['lost', ...reports.map((r) => String(r.result.lost))],
		['duplicated', ...reports.map((r) => String(r.result.duplicated))],
		['customers duplicated', ...reports.map((r) => String(r.result.customersDuplicated))],
		['balance differences (customers)', ...reports.map((r) => String(r.result.balanceDifferences))],
		['unsynced at the end', ...reports.map((r) => String(r.result.unsynced))],
		['runs to converge', ...reports.map((r) => String(r.runsToConverge))],
		['final clean run changed anything', ...reports.map((r) => (r.finalRunChanged ? 'YES' : 'no'))],
		[
			'faults injected (layer + sage)',
			...reports.map((r) => {
				const sum: Record<string, number> = {};
				for (const run of r.runs)
					for (const m of [run.layer, run.sage])
						for (const [k, v] of Object.entries(m.faults)) sum[k] = (sum[k] ?? 0) + v;
				return Object.entries(sum)
					.map(([k, v]) => `${k} ${v}`)
					.join(', ');
			}),
		],
		[
			'round trips, faulty run (layer + sage)',
			...reports.map((r) => String(r.runs[0].layer.roundTrips + r.runs[0].sage.roundTrips)),
		],
		[
			'wall per run (s)',
			...reports.map((r) => r.runs.map((run) => (run.wallMs / 1000).toFixed(0)).join(' / ')),
		],
		['wall in all (s)', ...reports.map((r) => (r.wallMs / 1000).toFixed(0))],
	];
	const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
	return rows.map((row) => row.map((cell, c) => cell.padEnd(widths[c])).join('  ')).join('\n');
}

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	const started = Date.now();
	const sandboxes = await startSandboxes(false);
	const folder = mkdtempSync(path.join(REPO_ROOT, '.runtime', 'soak-'));
	try {
		const { n8n } = await setUpN8n(folder, sandboxes, {
			adjust: (workflow) => withRetryBaseDelay(workflow, args.retryBaseDelayMs),
		});
		const reports: SystemReport[] = [];
		for (const system of args.systems) reports.push(await soakSystem(args, system, sandboxes, n8n));
		const pass = reports.every(
			(r) =>
				r.result.lost === 0 &&
				r.result.duplicated === 0 &&
				r.result.customersDuplicated === 0 &&
				r.result.balanceDifferences === 0 &&
				r.result.unsynced === 0 &&
				!r.finalRunChanged,
		);
		console.log(`\nFault soak: ${JSON.stringify({ ...args, out: undefined })}\n`);
		console.log(table(reports));
		console.log(
			`\n${pass ? 'PASS' : 'FAIL'}: nothing lost, nothing duplicated, balances exact, a clean re-run changes nothing`,
		);
		mkdirSync(path.dirname(args.out), { recursive: true });
		writeFileSync(
			args.out,
			`${JSON.stringify({ date: new Date().toISOString(), args, pass, reports, wallMs: Date.now() - started }, null, '\t')}\n`,
		);
		process.exitCode = pass ? 0 : 1;
	} finally {
		await closeSandboxes(sandboxes);
		rmSync(folder, { recursive: true, force: true });
	}
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? (error.stack ?? error.message) : error);
	process.exit(1);
});
