/**
 * The performance report (`npm run bench:compass`, after `npm run build`): one table, one row per
 * quantity, each measured against its bound or target.
 *
 *   node --expose-gc .build/bench/compass.bench.js [--invoices 10000] [--customers 200000]
 *        [--latency 150] [--concurrency 2] [--cpu-records 10000] [--out test-output/bench/compass.json]
 *
 * - Round trips and billed transactions creating and reading N AR invoices, against the
 *   protocol's lower bounds (bench/intacctMeasure.ts).
 * - Wall time creating N invoices against the latency bound: bound round trips x latency, spread
 *   over `--concurrency` connections (the login first, then the batches).
 * - CPU microseconds per record to build and parse Intacct XML, this package and the official
 *   `@intacct/intacct-sdk` side by side (bench/xmlCpu.ts).
 * - Heap growth listing `--customers` customers, against the items' JSON size (bench/listMemory.ts).
 */
import './env';

import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import * as path from 'node:path';

import { measureListMemory, type MemoryMeasurement } from './listMemory';
import { measureCreate, measureRead, startBenchSandbox, type Measurement } from './intacctMeasure';
import { measureXmlCpu, type XmlCpuResult } from './xmlCpu';

const ROOT = path.resolve(__dirname, '..', '..');

interface Args {
	invoices: number;
	customers: number;
	latencyMs: number;
	concurrency: number;
	cpuRecords: number;
	out: string;
}

function parseArgs(argv: string[]): Args {
	const args: Args = {
		invoices: 10_000,
		customers: 200_000,
		latencyMs: 150,
		concurrency: 2,
		cpuRecords: 10_000,
		out: path.join(ROOT, 'test-output', 'bench', 'compass.json'),
	};
	const keys: Record<string, keyof Args> = {
		'--invoices': 'invoices',
		'--customers': 'customers',
		'--latency': 'latencyMs',
		'--concurrency': 'concurrency',
		'--cpu-records': 'cpuRecords',
	};
	for (let i = 0; i < argv.length; i += 2) {
		const [flag, value] = [argv[i], argv[i + 1]];
		if (value === undefined) throw new Error(`${flag} needs a value`);
		if (flag === '--out') args.out = path.resolve(value);
		else if (keys[flag]) {
			const n = Number(value);
			if (!Number.isInteger(n) || n < 0) throw new Error(`${flag} takes an integer >= 0`);
			(args[keys[flag]] as number) = n;
		} else throw new Error(`Unknown option ${flag}`);
	}
	return args;
}

export interface CompassRow {
	quantity: string;
	measured: number;
	bound: number;
	/** measured / bound, or bound / measured for "at least" targets: <= 1 passes. */
	ratio: number;
	target: string;
	pass: boolean;
	unit: string;
}

export interface CompassInput {
	/** Created over one connection. */
	created: Measurement;
	/** The same, `concurrency` requests at a time (optional). */
	createdConcurrently?: Measurement;
	read: Measurement;
	concurrency: number;
	cpu: XmlCpuResult;
	memory: MemoryMeasurement;
}

/** The table's rows from the measurements; the bounds and targets of issue 9 live here. */
export function compassRows({
	created,
	createdConcurrently,
	read,
	concurrency,
	cpu,
	memory,
}: CompassInput): CompassRow[] {
	const atMost = (
		quantity: string,
		measured: number,
		bound: number,
		limit: number,
		unit: string,
	) => ({
		quantity,
		measured,
		bound,
		ratio: measured / bound,
		target: `<= ${limit}x bound`,
		pass: measured <= bound * limit,
		unit,
	});
	const batches = created.roundTrips.bound - 1;
	const concurrentBoundMs = (1 + Math.ceil(batches / Math.max(1, concurrency))) * created.latencyMs;
	return [
		atMost(
			`create ${created.n} invoices: round trips`,
			created.roundTrips.actual,
			created.roundTrips.bound,
			1,
			'requests',
		),
		atMost(
			`create ${created.n} invoices: billed transactions`,
			created.billed.actual,
			created.billed.bound,
			1,
			'transactions',
		),
		atMost(
			`read ${read.n} invoices: round trips`,
			read.roundTrips.actual,
			read.roundTrips.bound,
			1,
			'requests',
		),
		atMost(
			`read ${read.n} invoices: billed transactions`,
			read.billed.actual,
			read.billed.bound,
			1,
			'transactions',
		),
		atMost(
			`create ${created.n} invoices: wall time vs latency bound (${created.latencyMs} ms, 1 connection)`,
			created.wallMs,
			created.latencyBoundMs,
			1.25,
			'ms',
		),
		...(createdConcurrently
			? [
					atMost(
						`create ${created.n} invoices: wall time vs latency bound (${created.latencyMs} ms, ${concurrency} concurrent)`,
						createdConcurrently.wallMs,
						concurrentBoundMs,
						1.25,
						'ms',
					),
				]
			: []),
		{
			quantity: 'Intacct XML build + parse, CPU per record (this package)',
			measured: cpu.ours.usPerRecord,
			bound: 20,
			ratio: cpu.ours.usPerRecord / 20,
			target: '<= 20 us',
			pass: cpu.ours.usPerRecord <= 20,
			unit: 'us',
		},
		{
			quantity: `  the same with @intacct/intacct-sdk: ${cpu.sdk.usPerRecord.toFixed(1)} us, speed-up`,
			measured: cpu.speedup,
			bound: 3,
			ratio: 3 / cpu.speedup,
			target: '>= 3x faster',
			pass: cpu.speedup >= 3,
			unit: 'x',
		},
		atMost(
			`list ${memory.customers} customers: heap kept vs items' JSON (${(memory.itemsJsonBytes / 1048576).toFixed(0)} MB)`,
			memory.retainedBytes,
			memory.itemsJsonBytes,
			2,
			'bytes',
		),
	];
}

export function compassTable(rows: CompassRow[]): string {
	const fmt = (n: number, unit: string) =>
		unit === 'bytes'
			? `${(n / 1048576).toFixed(1)} MB`
			: unit === 'us' || unit === 'x'
				? n.toFixed(1)
				: Math.round(n).toLocaleString('en-GB');
	const cells = rows.map((r) => [
		r.quantity,
		fmt(r.measured, r.unit),
		fmt(r.bound, r.unit),
		r.ratio.toFixed(2),
		r.target,
		r.pass ? 'pass' : 'FAIL',
	]);
	const headers = ['quantity', 'measured', 'bound', 'ratio', 'target', ''];
	const widths = headers.map((h, c) => Math.max(h.length, ...cells.map((row) => row[c].length)));
	const line = (row: string[]) =>
		row
			.map((cell, c) => (c === 0 || c === 4 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
			.join('  ');
	return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join(
		'\n',
	);
}

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	const started = Date.now();
	console.log(`COMPASS performance report: ${JSON.stringify({ ...args, out: undefined })}`);
	// Warm-up: load modules and JIT the hot paths on a small run.
	const warm = await startBenchSandbox(0);
	try {
		await measureCreate(warm, { n: 200, batchSize: 100, prefix: 'WARM' });
	} finally {
		await warm.close();
	}
	process.stdout.write(`  create + read ${args.invoices} invoices at ${args.latencyMs} ms …`);
	const sandbox = await startBenchSandbox(args.latencyMs);
	let created: Measurement;
	let read: Measurement;
	try {
		const write = await measureCreate(sandbox, { n: args.invoices, batchSize: 100, prefix: 'CP' });
		created = write.measurement;
		read = await measureRead(sandbox, {
			n: args.invoices,
			prefix: 'CP',
			credentials: write.credentials,
		});
	} finally {
		await sandbox.close();
	}
	let createdConcurrently: Measurement | undefined;
	if (args.concurrency > 1) {
		const fresh = await startBenchSandbox(args.latencyMs);
		try {
			createdConcurrently = (
				await measureCreate(fresh, {
					n: args.invoices,
					batchSize: 100,
					prefix: 'CQ',
					concurrency: args.concurrency,
				})
			).measurement;
		} finally {
			await fresh.close();
		}
	}
	console.log(` ${Math.round(created.wallMs)} ms`);
	process.stdout.write(`  XML CPU, ${args.cpuRecords} records, ours and the SDK …`);
	const cpu = measureXmlCpu({ records: args.cpuRecords });
	console.log(` ${cpu.ours.usPerRecord.toFixed(1)} / ${cpu.sdk.usPerRecord.toFixed(1)} us`);
	process.stdout.write(`  list ${args.customers} customers …`);
	const memory = await measureListMemory(args.customers);
	console.log(` ${(memory.retainedBytes / 1048576).toFixed(0)} MB kept`);

	const rows = compassRows({
		created,
		createdConcurrently,
		read,
		concurrency: args.concurrency,
		cpu,
		memory,
	});
	console.log(`\n${compassTable(rows)}\n`);
	const report = {
		benchmark: 'compass',
		date: new Date().toISOString(),
		environment: {
			node: process.version,
			cpus: availableParallelism(),
			cpuModel: cpus()[0]?.model ?? '',
		},
		args,
		rows,
		created,
		createdConcurrently,
		read,
		cpu,
		memory,
		durationMs: Date.now() - started,
	};
	mkdirSync(path.dirname(args.out), { recursive: true });
	writeFileSync(args.out, `${JSON.stringify(report, null, '\t')}\n`);
	console.log(
		`Wrote ${path.relative(process.cwd(), args.out)} (${Math.round(report.durationMs / 1000)} s in all)`,
	);
}

if (require.main === module) {
	main().then(
		() => process.exit(0),
		(error: unknown) => {
			console.error(error instanceof Error ? (error.stack ?? error.message) : error);
			process.exit(1);
		},
	);
}
