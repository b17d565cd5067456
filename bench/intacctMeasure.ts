/**
 * Measures the Sage Intacct node against the Intacct sandbox: the real node, run by the real n8n
 * engine (test/intacct/helpers.ts runIntacct), over HTTP, with the sandbox's meter as the source of
 * truth. Shared by the benchmark (bench/intacct.bench.ts) and its CI check
 * (test/bench/intacct.bench.test.ts). Results are ratios against lower bounds the protocol sets,
 * not against the client's own constants, so a client regression shows up as a ratio above 1.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { performance } from 'node:perf_hooks';

import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { intacctCredentials, runIntacct, type IntacctRun } from '../test/intacct/helpers';
import type { BenchSandbox, SandboxPlace } from './benchSandbox';
import type { WireSnapshot } from './wireMeter';

/** readByQuery's documented page-size maximum (Intacct refuses pagesize > 1000). */
export const READ_PAGE_MAX = 1000;

/** Seeded customers (sandbox/intacct/seed.ts) the invoices are spread over. */
export const BENCH_CUSTOMERS = ['C0001', 'C0002', 'C0003'] as const;

/** Seeded revenue account every invoice line posts to. */
export const BENCH_GL_ACCOUNT = '4000';

export interface Ratio {
	actual: number;
	bound: number;
	/** actual / bound; 1.00 is optimal. */
	ratio: number;
}

export interface Measurement {
	operation: 'arInvoice.create' | 'arInvoice.getAll';
	n: number;
	/** Options > Batch Size (writes only). */
	batchSize?: number;
	/** Options > Concurrent Requests (writes only). */
	concurrency?: number;
	/**
	 * Data Mode (writes only): Auto-Map Input Data reads each item's fields as they are; Define
	 * Below maps three of them with `{{ $json.… }}` expressions that n8n evaluates per item.
	 */
	dataMode?: DataMode;
	latencyMs: number;
	/** Where the sandbox ran: in this process (its CPU and heap count here) or in a child. */
	sandbox: SandboxPlace;
	/** HTTP requests the sandbox received (the session login included). */
	roundTrips: Ratio;
	/** Billed API transactions (Intacct Performance Tier units). */
	billed: Ratio;
	/** Function calls the sandbox received, by name. */
	functions: Record<string, number>;
	/** Injected faults; always empty here, so no retries hide in the numbers. */
	faults: Record<string, number>;
	/** Request and response body sizes on the wire. */
	wire: WireSnapshot;
	/** The whole workflow run: engine, node, HTTP (and the sandbox when in-process). */
	wallMs: number;
	/** The node's execution time as n8n records it (ITaskData.executionTime). */
	nodeMs: number;
	/** CPU time of this process during the run (user + system). */
	cpuMs: number;
	/**
	 * From the start of the run to the first HTTP request: n8n reading every item's parameters
	 * (expressions included) and the node validating and building all writes. Nothing is sent
	 * before every item is valid.
	 */
	beforeFirstRequestMs: number;
	/** From the first HTTP request leaving to the last answer arriving. */
	requestPhaseMs: number;
	/**
	 * Of the request phase, the sandbox's own work (parsing, applying, answering; its injected
	 * latency excluded), summed over requests: what a real server adds, which the bound leaves out.
	 */
	serverMs: number;
	/**
	 * Lower bound on wall time: the latency of the bound round trips, the session login first, then
	 * the batches `concurrency` at a time: (1 + ceil(batches / K)) x latency; reads page one by one.
	 */
	latencyBoundMs: number;
	/** wallMs / latencyBoundMs. */
	wallVsLatencyBound: number;
	/** Items the node returned. */
	items: number;
}

export function ratio(actual: number, bound: number): Ratio {
	return { actual, bound, ratio: bound === 0 ? (actual === 0 ? 1 : Infinity) : actual / bound };
}

/** Writes: one request per batch, plus the one getAPISession that opens the session; N billed. */
export function writeBounds(n: number, batchSize: number): { roundTrips: number; billed: number } {
	return { roundTrips: Math.ceil(n / batchSize) + 1, billed: n };
}

/** Reads: one readByQuery/readMore per 1,000-record page, each billed once. */
export function readBounds(n: number): { roundTrips: number; billed: number } {
	const pages = Math.max(1, Math.ceil(n / READ_PAGE_MAX));
	return { roundTrips: pages, billed: pages };
}

export { startBenchSandbox, type BenchSandbox } from './benchSandbox';

/** Invoice numbers `<prefix>-000001`…; RECORDID allows 45 characters. */
export function invoiceNumber(prefix: string, n: number): string {
	return `${prefix}-${String(n + 1).padStart(6, '0')}`;
}

export type DataMode = 'autoMapInputData' | 'defineBelow';

/** The items: what a mapping step hands the node (Sage Sync › Map writes these same fields). */
function invoiceInput(prefix: string, n: number, dataMode: DataMode): IDataObject[] {
	return Array.from({ length: n }, (_, i) => {
		const amount = 100 + (i % 97) + 0.25;
		const fields = {
			invoiceNo: invoiceNumber(prefix, i),
			customerId: BENCH_CUSTOMERS[i % BENCH_CUSTOMERS.length],
		};
		return dataMode === 'defineBelow'
			? { ...fields, amount }
			: {
					...fields,
					invoiceDate: '2025-06-02',
					dueDate: '2025-07-02',
					lines: [{ glAccountNo: BENCH_GL_ACCOUNT, amount, memo: 'Benchmark' }],
				};
	});
}

const createParameters = (
	batchSize: number,
	concurrency: number,
	dataMode: DataMode,
): INodeParameters =>
	dataMode === 'defineBelow'
		? {
				resource: 'arInvoice',
				operation: 'create',
				dataMode,
				customerId: { __rl: true, mode: 'id', value: '={{ $json.customerId }}' },
				invoiceNo: '={{ $json.invoiceNo }}',
				invoiceDate: '2025-06-02',
				dueDate: '2025-07-02',
				linesInput: 'fields',
				lines: {
					line: [
						{ glAccountNo: BENCH_GL_ACCOUNT, amount: '={{ $json.amount }}', memo: 'Benchmark' },
					],
				},
				requestOptions: { batchSize, concurrency },
			}
		: {
				resource: 'arInvoice',
				operation: 'create',
				dataMode,
				requestOptions: { batchSize, concurrency },
			};

const readParameters = (prefix: string): INodeParameters => ({
	resource: 'arInvoice',
	operation: 'getAll',
	returnAll: true,
	filters: { query: `RECORDID LIKE '${prefix}-%'` },
});

interface TimedRun {
	run: IntacctRun;
	wallMs: number;
	cpuMs: number;
	beforeFirstRequestMs: number;
	requestPhaseMs: number;
}

/** Times of the first outgoing HTTP request and the last answer, from Node's http client channels. */
function watchRequests(): { first: number; last: number; stop(): void } {
	const seen = { first: NaN, last: NaN, stop: () => undefined as void };
	const onStart = () => {
		if (Number.isNaN(seen.first)) seen.first = performance.now();
	};
	const onFinish = () => {
		seen.last = performance.now();
	};
	subscribe('http.client.request.start', onStart);
	subscribe('http.client.response.finish', onFinish);
	seen.stop = () => {
		unsubscribe('http.client.request.start', onStart);
		unsubscribe('http.client.response.finish', onFinish);
	};
	return seen;
}

async function timedRun(
	sandbox: BenchSandbox,
	parameters: INodeParameters,
	input: IDataObject[],
	credentials: ICredentialDataDecryptedObject,
): Promise<TimedRun> {
	await sandbox.resetCounters();
	const requests = watchRequests();
	const cpu = process.cpuUsage();
	const started = performance.now();
	let run: IntacctRun;
	try {
		run = await runIntacct(sandbox, parameters, input, { credentials });
	} finally {
		requests.stop();
	}
	const wallMs = performance.now() - started;
	const used = process.cpuUsage(cpu);
	if (run.error) throw new Error(`${String(parameters.operation)} failed: ${run.error.message}`);
	return {
		run,
		wallMs,
		cpuMs: (used.user + used.system) / 1000,
		beforeFirstRequestMs: requests.first - started,
		requestPhaseMs: requests.last - requests.first,
	};
}

async function measurement(
	sandbox: BenchSandbox,
	base: Pick<Measurement, 'operation' | 'n' | 'batchSize' | 'concurrency' | 'dataMode'>,
	bounds: { roundTrips: number; billed: number },
	timed: TimedRun,
): Promise<Measurement> {
	const { meter, wire } = await sandbox.counters();
	const latencyMs = sandbox.latencyMs;
	const latencyBoundMs = latencyBound(base, bounds.roundTrips, latencyMs);
	return {
		...base,
		latencyMs,
		sandbox: sandbox.where,
		roundTrips: ratio(meter.roundTrips, bounds.roundTrips),
		billed: ratio(meter.billedTotal, bounds.billed),
		functions: meter.functions,
		faults: meter.faults,
		wire,
		wallMs: timed.wallMs,
		nodeMs: timed.run.result.taskData('Sage Intacct')[0]?.executionTime ?? NaN,
		cpuMs: timed.cpuMs,
		beforeFirstRequestMs: timed.beforeFirstRequestMs,
		requestPhaseMs: timed.requestPhaseMs,
		serverMs: meter.serverMs,
		latencyBoundMs,
		wallVsLatencyBound: latencyBoundMs > 0 ? timed.wallMs / latencyBoundMs : NaN,
		items: timed.run.items.length,
	};
}

/**
 * The latency bound: writes log in once, then send their batches `concurrency` at a time, so
 * (1 + ceil(batches / K)) x latency; with K = 1 that is every bound round trip in turn.
 */
export function latencyBound(
	base: Pick<Measurement, 'operation' | 'concurrency'>,
	boundRoundTrips: number,
	latencyMs: number,
): number {
	if (base.operation !== 'arInvoice.create') return boundRoundTrips * latencyMs;
	const k = Math.max(1, base.concurrency ?? 1);
	return (1 + Math.ceil((boundRoundTrips - 1) / k)) * latencyMs;
}

/**
 * Creates `n` AR invoices (one line each) with a fresh credential, so the run opens its session
 * once like a workflow's first execution. Returns the stored credential (session included) for
 * the read that follows. Throws unless every invoice was applied.
 */
export async function measureCreate(
	sandbox: BenchSandbox,
	options: {
		n: number;
		batchSize: number;
		prefix: string;
		concurrency?: number;
		dataMode?: DataMode;
	},
): Promise<{ measurement: Measurement; credentials: ICredentialDataDecryptedObject }> {
	const { n, batchSize, prefix } = options;
	const dataMode = options.dataMode ?? 'autoMapInputData';
	const timed = await timedRun(
		sandbox,
		createParameters(batchSize, options.concurrency ?? 1, dataMode),
		invoiceInput(prefix, n, dataMode),
		intacctCredentials(sandbox),
	);
	const applied = timed.run.items.filter((item) => item.outcome === 'applied').length;
	if (timed.run.items.length !== n || applied !== n) {
		throw new Error(
			`create: expected ${n} applied invoices, got ${applied} of ${timed.run.items.length}`,
		);
	}
	return {
		measurement: await measurement(
			sandbox,
			{
				operation: 'arInvoice.create',
				n,
				batchSize,
				concurrency: options.concurrency ?? 1,
				dataMode,
			},
			writeBounds(n, batchSize),
			timed,
		),
		credentials: timed.run.credentials,
	};
}

/**
 * Reads the `n` invoices created under `prefix` back (Get Many, Return All, a query filter on the
 * invoice number). Pass the credential from measureCreate: a later execution reuses the stored
 * session. Throws unless exactly those `n` invoices came back, each once.
 */
export async function measureRead(
	sandbox: BenchSandbox,
	options: { n: number; prefix: string; credentials: ICredentialDataDecryptedObject },
): Promise<Measurement> {
	const { n, prefix, credentials } = options;
	const timed = await timedRun(sandbox, readParameters(prefix), [{}], credentials);
	const ids = new Set(timed.run.items.map((item) => String(item.RECORDID)));
	const expected = Array.from({ length: n }, (_, i) => invoiceNumber(prefix, i));
	if (timed.run.items.length !== n || ids.size !== n || !expected.every((id) => ids.has(id))) {
		throw new Error(
			`getAll: expected the ${n} invoices ${prefix}-*, got ${timed.run.items.length} (${ids.size} distinct)`,
		);
	}
	return await measurement(sandbox, { operation: 'arInvoice.getAll', n }, readBounds(n), timed);
}
