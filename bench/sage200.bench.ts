/**
 * Sage 200 node benchmark: node .build/bench/sage200.bench.js [--posts 200,1000] [--reads 10000] [--latency 150]
 * Calls for N receipt postings and for reading N customers, against their lower bounds, with
 * injected latency. Prints a table and writes test-output/bench/sage200.json.
 */
import './env';

import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

import {
	measurePostings,
	measureReads,
	startSage200Bench,
	type Sage200Measurement,
} from './sage200Measure';

const ROOT = path.resolve(__dirname, '..', '..');

function arg(name: string, fallback: string): string {
	const at = process.argv.indexOf(`--${name}`);
	return at > 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

async function main(): Promise<void> {
	const latency = Number(arg('latency', '150'));
	const posts = arg('posts', '200,1000').split(',').map(Number);
	const reads = arg('reads', '10000').split(',').map(Number);
	const results: Sage200Measurement[] = [];
	for (const n of posts) {
		const bench = await startSage200Bench(latency);
		results.push(await measurePostings(bench, n, latency));
		await bench.sandbox.close();
	}
	for (const n of reads) {
		const bench = await startSage200Bench(latency);
		results.push(await measureReads(bench, n, 500, latency));
		results.push(await measureReads(bench, n, 5000, latency));
		await bench.sandbox.close();
	}
	const rows = results.map((r) =>
		[
			r.operation.padEnd(28),
			String(r.n).padStart(6),
			String(r.calls.actual).padStart(6),
			String(r.calls.bound).padStart(6),
			r.calls.ratio.toFixed(2).padStart(6),
			r.perRecord.toFixed(3).padStart(8),
			String(r.wallMs).padStart(8),
			String(r.latencyBoundMs).padStart(8),
		].join('  '),
	);
	process.stdout.write(
		`${['operation'.padEnd(28), 'N'.padStart(6), 'calls'.padStart(6), 'bound'.padStart(6), 'ratio'.padStart(6), 'per rec'.padStart(8), 'wall ms'.padStart(8), 'lat. ms'.padStart(8)].join('  ')}\n${rows.join('\n')}\n`,
	);
	const out = path.join(ROOT, 'test-output', 'bench', 'sage200.json');
	mkdirSync(path.dirname(out), { recursive: true });
	writeFileSync(out, JSON.stringify({ latencyMs: latency, results }, null, 2));
}

main().catch((error: unknown) => {
	process.stderr.write(
		`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
	);
	process.exit(1);
});
