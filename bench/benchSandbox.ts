/**
 * The Intacct sandbox the benchmarks measure against, in this process or in a child process.
 *
 * In a child process (`where: 'child'`, the default of the COMPASS report) the sandbox's own CPU
 * (parsing requests, applying 100 invoices per batch, writing answers) runs on another core and
 * its heap (the seeded store, saved query results) is not in this process's `heapUsed`, so wall
 * time, CPU and memory growth are the client's alone: n8n, this node and the HTTP stack. In this
 * process (`where: 'in-process'`, used by the CI checks, which run the TypeScript sources under
 * jest and cannot fork compiled code) the two share one core and one heap.
 *
 * Either way the benchmark reads the sandbox's own meter (round trips, billed transactions) and
 * the bytes on the wire through the same asynchronous interface.
 */
import { fork } from 'node:child_process';
import * as path from 'node:path';

import type { IntacctDemoCredentials } from '../sandbox/intacct/auth';
import { startIntacctSandbox, type IntacctSandbox } from '../sandbox/intacct/server';
import type { MeterSnapshot } from '../sandbox/shared/meter';
import { WireMeter, type WireSnapshot } from './wireMeter';

export type SandboxPlace = 'in-process' | 'child';

export interface SandboxCounters {
	meter: MeterSnapshot;
	wire: WireSnapshot;
}

/** A seeded Intacct sandbox that adds `latencyMs` to every gateway request. */
export interface BenchSandbox {
	where: SandboxPlace;
	url: string;
	endpoint: string;
	credentials: IntacctDemoCredentials;
	latencyMs: number;
	/** Zeroes the meter and the wire counters. */
	resetCounters(): Promise<void>;
	counters(): Promise<SandboxCounters>;
	/** Inserts `n` customers `M0000000`… straight into the store (no requests, nothing metered). */
	seedCustomers(n: number): Promise<void>;
	close(): Promise<void>;
}

/** Customer IDs the memory benchmark lists (`CUSTOMERID LIKE 'M%'`). */
export const SEEDED_CUSTOMER_PREFIX = 'M';

export function seedCustomers(sandbox: IntacctSandbox, n: number): void {
	for (let i = 0; i < n; i++) {
		const name = `Customer ${i} Ltd`;
		sandbox.store.insert('CUSTOMER', {
			CUSTOMERID: `${SEEDED_CUSTOMER_PREFIX}${String(i).padStart(7, '0')}`,
			NAME: name,
			'DISPLAYCONTACT.PRINTAS': name,
			'DISPLAYCONTACT.EMAIL1': `accounts${i}@example.co.uk`,
			'DISPLAYCONTACT.PHONE1': '+44 20 7946 0000',
			CURRENCY: 'GBP',
			ONHOLD: 'false',
			STATUS: 'active',
		});
	}
	// Forget the undo history of the bulk insert (the gateway does the same after each request).
	sandbox.store.commit();
}

/** The sandbox in this process, with its meters behind the benchmark's interface. */
export async function startInProcessSandbox(latencyMs: number): Promise<BenchSandbox> {
	const sandbox = await startIntacctSandbox({ port: 0, seed: true, latencyMs });
	const wire = new WireMeter(Number(new URL(sandbox.url).port));
	return {
		where: 'in-process',
		url: sandbox.url,
		endpoint: sandbox.endpoint,
		credentials: sandbox.credentials,
		latencyMs,
		resetCounters: async () => {
			sandbox.meter.reset();
			wire.reset();
		},
		counters: async () => ({ meter: sandbox.meter.snapshot(), wire: wire.snapshot() }),
		seedCustomers: async (n) => seedCustomers(sandbox, n),
		close: async () => {
			wire.stop();
			await sandbox.close();
		},
	};
}

/** Messages between the benchmark and bench/sandboxProcess.ts. */
export type SandboxCommand =
	| { op: 'counters' }
	| { op: 'resetCounters' }
	| { op: 'seedCustomers'; n: number }
	| { op: 'close' };

export type SandboxRequest = SandboxCommand & { id: number };

export type SandboxReply =
	| {
			ready: true;
			url: string;
			endpoint: string;
			credentials: IntacctDemoCredentials;
			latencyMs: number;
	  }
	| { id: number; ok: true; value?: unknown }
	| { id: number; ok: false; error: string };

/**
 * The sandbox in a child process (compiled bench/sandboxProcess.js, talking over IPC). Only
 * available from the compiled benchmark: under jest the sources are TypeScript.
 */
export async function startChildSandbox(latencyMs: number): Promise<BenchSandbox> {
	const script = path.join(__dirname, 'sandboxProcess.js');
	if (!__filename.endsWith('.js')) {
		throw new Error('The sandbox child process needs the compiled benchmark (.build/bench/)');
	}
	const child = fork(script, [String(latencyMs)], {
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
		// The sandbox gets its own heap limit, large enough for 200,000 seeded customers.
		execArgv: ['--max-old-space-size=4096'],
	});
	const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
	let nextId = 1;
	let exited = false;
	const ready = new Promise<Extract<SandboxReply, { ready: true }>>((resolve, reject) => {
		child.once('error', reject);
		child.once('exit', (code) => reject(new Error(`sandbox process exited with code ${code}`)));
		child.on('message', (message: SandboxReply) => {
			if ('ready' in message) {
				resolve(message);
				return;
			}
			const waiter = pending.get(message.id);
			if (!waiter) return;
			pending.delete(message.id);
			if (message.ok) waiter.resolve(message.value);
			else waiter.reject(new Error(message.error));
		});
	});
	child.once('exit', () => {
		exited = true;
		for (const waiter of pending.values()) waiter.reject(new Error('sandbox process exited'));
		pending.clear();
	});
	const info = await ready;
	const call = <T>(request: SandboxCommand): Promise<T> =>
		new Promise<T>((resolve, reject) => {
			if (exited) {
				reject(new Error('sandbox process exited'));
				return;
			}
			const id = nextId++;
			pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
			child.send({ ...request, id });
		});
	return {
		where: 'child',
		url: info.url,
		endpoint: info.endpoint,
		credentials: info.credentials,
		latencyMs: info.latencyMs,
		resetCounters: () => call<void>({ op: 'resetCounters' }),
		counters: () => call<SandboxCounters>({ op: 'counters' }),
		seedCustomers: (n) => call<void>({ op: 'seedCustomers', n }),
		close: async () => {
			if (exited) return;
			const gone = new Promise((resolve) => child.once('exit', resolve));
			await call<void>({ op: 'close' }).catch(() => undefined);
			await gone;
		},
	};
}

export async function startBenchSandbox(
	latencyMs: number,
	where: SandboxPlace = 'in-process',
): Promise<BenchSandbox> {
	return where === 'child' ? startChildSandbox(latencyMs) : startInProcessSandbox(latencyMs);
}
