/**
 * Child-process side of bench/benchSandbox.ts startChildSandbox: runs the Intacct sandbox (with
 * `argv[2]` ms of latency) and its wire meter in this process and answers the benchmark's
 * requests over IPC. Exits when asked to close or when the benchmark goes away.
 */
import {
	startInProcessSandbox,
	type BenchSandbox,
	type SandboxReply,
	type SandboxRequest,
} from './benchSandbox';

export async function answer(sandbox: BenchSandbox, request: SandboxRequest): Promise<unknown> {
	switch (request.op) {
		case 'counters':
			return sandbox.counters();
		case 'resetCounters':
			return sandbox.resetCounters();
		case 'seedCustomers':
			return sandbox.seedCustomers(request.n);
		case 'close':
			return sandbox.close();
	}
}

async function main(): Promise<void> {
	const send = (reply: SandboxReply) => process.send?.(reply);
	const latencyMs = Number(process.argv[2] ?? '0');
	const started = await startInProcessSandbox(Number.isFinite(latencyMs) ? latencyMs : 0);
	let closing: Promise<void> | undefined;
	const sandbox: BenchSandbox = { ...started, close: () => (closing ??= started.close()) };
	process.on('message', (request: SandboxRequest) => {
		answer(sandbox, request).then(
			(value) => {
				send({ id: request.id, ok: true, value });
				if (request.op === 'close') process.disconnect();
			},
			(error: unknown) =>
				send({
					id: request.id,
					ok: false,
					error: error instanceof Error ? error.message : String(error),
				}),
		);
	});
	// The benchmark died or closed the channel: nothing left to serve.
	process.on('disconnect', () => {
		void sandbox.close().finally(() => process.exit(0));
	});
	send({
		ready: true,
		url: sandbox.url,
		endpoint: sandbox.endpoint,
		credentials: sandbox.credentials,
		latencyMs: sandbox.latencyMs,
	});
}

if (require.main === module) {
	main().catch((error: unknown) => {
		console.error(error);
		process.exit(1);
	});
}
