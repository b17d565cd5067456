/**
 * Sage Intacct node benchmark (`npm run bench`, after `npx tsc -p tsconfig.tools.json`):
 *
 *   node .build/bench/intacct.bench.js [--sizes 1000,10000] [--latency 150] [--batch 100]
 *        [--sweep 10,25,50,100,200,500 | none] [--sweep-size 1000]
 *        [--out test-output/bench/intacct.json]
 *
 * For each size N it creates N AR invoices and reads them back through the real node in the n8n
 * engine, against an in-process Intacct sandbox that adds `--latency` ms to every request, and
 * reports round trips and billed transactions against their lower bounds, and wall time against
 * the latency bound. A batch-size sweep at `--sweep-size` invoices shows what Options > Batch Size
 * buys. Each scenario gets a fresh seeded sandbox, so results do not depend on run order.
 * Prints a table and writes the numbers as JSON.
 */
import './env';

import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import * as path from 'node:path';

// Also makes tsc emit .build/package.json, which the compiled engine harness
// (.build/test/helpers/engine.js) reads as `../../package.json` for the package's node type prefix.
import packageJson from '../package.json';
import { measureCreate, measureRead, startBenchSandbox, type Measurement } from './intacctMeasure';

/** The repository root: this file runs compiled, from .build/bench/. */
const ROOT = path.resolve(__dirname, '..', '..');

interface Args {
	sizes: number[];
	latencyMs: number;
	batchSize: number;
	sweep: number[];
	sweepSize: number;
	out: string;
}

function parseArgs(argv: string[]): Args {
	const args: Args = {
		sizes: [1000, 10000],
		latencyMs: 150,
		batchSize: 100,
		sweep: [10, 25, 50, 100, 200, 500],
		sweepSize: 1000,
		out: path.join(ROOT, 'test-output', 'bench', 'intacct.json'),
	};
	const list = (flag: string, value: string) => {
		const numbers = value.split(',').map((v) => Number(v.trim()));
		if (numbers.length === 0 || numbers.some((v) => !Number.isInteger(v) || v < 1)) {
			throw new Error(`${flag} takes positive integers separated by commas, got "${value}"`);
		}
		return numbers;
	};
	const int = (flag: string, value: string, min: number) => {
		const n = Number(value);
		if (!Number.isInteger(n) || n < min)
			throw new Error(`${flag} takes an integer >= ${min}, got "${value}"`);
		return n;
	};
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		const value = argv[i + 1];
		if (value === undefined) throw new Error(`${flag} needs a value`);
		switch (flag) {
			case '--sizes':
				args.sizes = list(flag, value);
				break;
			case '--latency':
				args.latencyMs = int(flag, value, 0);
				break;
			case '--batch':
				args.batchSize = int(flag, value, 1);
				break;
			case '--sweep':
				args.sweep = value === 'none' ? [] : list(flag, value);
				break;
			case '--sweep-size':
				args.sweepSize = int(flag, value, 1);
				break;
			case '--out':
				args.out = path.resolve(value);
				break;
			default:
				throw new Error(`Unknown option ${flag}`);
		}
		i++;
	}
	return args;
}

interface SweepRow {
	batchSize: number;
	n: number;
	roundTrips: number;
	roundTripsBound: number;
	wallMs: number;
	msPerInvoice: number;
	/** roundTrips x latency: the part of the wall time that is waiting on the network. */
	latencyMs: number;
	latencyShare: number;
	/** Mean and largest request, bytes on the wire (the getAPISession login is in the mean). */
	meanRequestBytes: number;
	maxRequestBytes: number;
}

async function runSize(args: Args, n: number): Promise<Measurement[]> {
	const sandbox = await startBenchSandbox(args.latencyMs);
	try {
		const prefix = `BN${n}`;
		const created = await measureCreate(sandbox, { n, batchSize: args.batchSize, prefix });
		const read = await measureRead(sandbox, { n, prefix, credentials: created.credentials });
		return [created.measurement, read];
	} finally {
		await sandbox.close();
	}
}

async function runSweep(args: Args, batchSize: number): Promise<SweepRow> {
	const sandbox = await startBenchSandbox(args.latencyMs);
	try {
		const n = args.sweepSize;
		const { measurement } = await measureCreate(sandbox, {
			n,
			batchSize,
			prefix: `BB${batchSize}`,
		});
		const latencyMs = measurement.roundTrips.actual * args.latencyMs;
		return {
			batchSize,
			n,
			roundTrips: measurement.roundTrips.actual,
			roundTripsBound: measurement.roundTrips.bound,
			wallMs: measurement.wallMs,
			msPerInvoice: measurement.wallMs / n,
			latencyMs,
			latencyShare: latencyMs / measurement.wallMs,
			meanRequestBytes: measurement.wire.requestBytes / Math.max(1, measurement.wire.requests),
			maxRequestBytes: measurement.wire.maxRequestBytes,
		};
	} finally {
		await sandbox.close();
	}
}

/** Loads modules and JIT-compiles the hot paths, so the first measured size is not penalised. */
async function warmUp(): Promise<void> {
	const sandbox = await startBenchSandbox(0);
	try {
		const created = await measureCreate(sandbox, { n: 200, batchSize: 100, prefix: 'WARM' });
		await measureRead(sandbox, { n: 200, prefix: 'WARM', credentials: created.credentials });
	} finally {
		await sandbox.close();
	}
}

function table(headers: string[], rows: string[][]): string {
	const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
	const line = (cells: string[]) =>
		cells
			.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
			.join('  ');
	return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const fixed = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : '-');
const ms = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-GB') : '-');
const count = (n: number) => n.toLocaleString('en-GB');
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

function resultsTable(results: Measurement[]): string {
	return table(
		[
			'operation',
			'N',
			'B',
			'round trips',
			'bound',
			'ratio',
			'billed',
			'bound',
			'ratio',
			'wall ms',
			'latency bound ms',
			'wall/bound',
			'KB/trip out',
			'KB/trip in',
		],
		results.map((m) => [
			m.operation,
			count(m.n),
			m.batchSize === undefined ? '-' : String(m.batchSize),
			count(m.roundTrips.actual),
			count(m.roundTrips.bound),
			fixed(m.roundTrips.ratio),
			count(m.billed.actual),
			count(m.billed.bound),
			fixed(m.billed.ratio),
			ms(m.wallMs),
			ms(m.latencyBoundMs),
			fixed(m.wallVsLatencyBound),
			kb(m.wire.requestBytes / Math.max(1, m.wire.requests)),
			kb(m.wire.responseBytes / Math.max(1, m.wire.requests)),
		]),
	);
}

function sweepTable(rows: SweepRow[]): string {
	return table(
		[
			'B',
			'round trips',
			'bound',
			'wall ms',
			'ms/invoice',
			'trips x latency ms',
			'latency share',
			'mean req KB',
			'max req KB',
		],
		rows.map((r) => [
			String(r.batchSize),
			count(r.roundTrips),
			count(r.roundTripsBound),
			ms(r.wallMs),
			fixed(r.msPerInvoice),
			ms(r.latencyMs),
			`${Math.round(r.latencyShare * 100)}%`,
			kb(r.meanRequestBytes),
			kb(r.maxRequestBytes),
		]),
	);
}

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	const started = Date.now();
	console.log(
		`Sage Intacct benchmark: sizes ${args.sizes.join(', ')}, latency ${args.latencyMs} ms, ` +
			`batch ${args.batchSize}, sweep ${args.sweep.join(', ') || 'none'} at N=${args.sweepSize}`,
	);
	await warmUp();

	const results: Measurement[] = [];
	for (const n of args.sizes) {
		process.stdout.write(`  N=${n} ...`);
		const pair = await runSize(args, n);
		results.push(...pair);
		console.log(` create ${ms(pair[0].wallMs)} ms, getAll ${ms(pair[1].wallMs)} ms`);
	}
	const sweep: SweepRow[] = [];
	for (const batchSize of args.sweep) {
		process.stdout.write(`  sweep B=${batchSize} ...`);
		const row = await runSweep(args, batchSize);
		sweep.push(row);
		console.log(` ${ms(row.wallMs)} ms`);
	}

	console.log(
		`\nRound trips and billed transactions vs lower bounds (latency ${args.latencyMs} ms)`,
	);
	console.log('  writes: round trips >= ceil(N/B) + 1 getAPISession, billed >= N');
	console.log(`  reads:  round trips >= ceil(N/1000), billed >= ceil(N/1000)\n`);
	console.log(resultsTable(results));
	if (sweep.length) {
		console.log(
			`\nBatch-size sweep: create ${count(args.sweepSize)} invoices (latency ${args.latencyMs} ms)\n`,
		);
		console.log(sweepTable(sweep));
	}
	const extra = results.filter((m) => m.roundTrips.ratio > 1 || m.billed.ratio > 1);
	for (const m of extra) {
		console.log(`\nAbove bound: ${m.operation} N=${m.n}: functions ${JSON.stringify(m.functions)}`);
	}

	const report = {
		benchmark: 'intacct',
		package: `${packageJson.name}@${packageJson.version}`,
		date: new Date().toISOString(),
		environment: {
			node: process.version,
			platform: `${process.platform}-${process.arch}`,
			cpus: availableParallelism(),
			cpuModel: cpus()[0]?.model ?? '',
		},
		config: args,
		bounds: {
			writeRoundTrips: 'ceil(N/B) + 1 (getAPISession)',
			writeBilled: 'N',
			readRoundTrips: 'ceil(N/1000)',
			readBilled: 'ceil(N/1000)',
			latencyBoundMs: 'bound round trips x latency',
		},
		results,
		sweep,
		durationMs: Date.now() - started,
	};
	mkdirSync(path.dirname(args.out), { recursive: true });
	writeFileSync(args.out, `${JSON.stringify(report, null, '\t')}\n`);
	const shown = path.relative(process.cwd(), args.out);
	console.log(
		`\nWrote ${shown.startsWith('..') ? args.out : shown} (${ms(report.durationMs)} ms in all)`,
	);
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		console.error(error instanceof Error ? (error.stack ?? error.message) : error);
		process.exit(1);
	},
);
