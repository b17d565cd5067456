/**
 * n8n in queue mode on one machine: PostgreSQL for the database, Redis for the job queue, one
 * main process (webhooks, schedules, the editor) and N workers that run the executions.
 *
 *   const cluster = await startQueueCluster({ packageTarball, workers: 2 });
 *   await cluster.n8n.importCredentials(...); await cluster.n8n.importWorkflows(...);
 *   await cluster.start();               // main + workers, after the workflows are in place
 *   await fetch(`${cluster.url}/webhook/<path>`, { method: 'POST' });
 *   await cluster.waitForExecutions(n);  // every execution finished, as the database says
 *
 * n8n warns that scaling mode "is not officially supported with sqlite", so the database is
 * PostgreSQL (scripts/lib/services.ts). CLI commands (import, publish) run against the same
 * database before the main process starts, the way an administrator would prepare one.
 */
import { createN8nInstance, N8N_BIN, type N8nInstance } from './n8nRuntime';
import {
	freePort,
	startPostgres,
	startProcess,
	startRedis,
	type PostgresService,
	type Service,
} from './services';

export interface ExecutionRow {
	id: number;
	workflowId: string;
	status: string;
	mode: string;
	finished: boolean;
	/** Milliseconds since the epoch; NaN while not started/stopped. */
	startedAt: number;
	stoppedAt: number;
}

export interface QueueCluster {
	readonly n8n: N8nInstance;
	readonly postgres: PostgresService;
	readonly redis: Service;
	/** The main process's base URL, once started. */
	url: string;
	/** Starts main, waits for it to answer, then starts the workers and waits for them to listen. */
	start(): Promise<void>;
	/** Executions in the database, oldest first. */
	executions(): ExecutionRow[];
	/** Waits until at least `count` executions exist and none is new, running or waiting. */
	waitForExecutions(count: number, timeoutMs?: number): Promise<ExecutionRow[]>;
	/** Execution ids each worker logged as picked up, by worker name. */
	jobsByWorker(): Record<string, string[]>;
	/**
	 * Sets up the owner account (a fresh instance has none) and returns a public API key with the
	 * given scopes, the way an administrator would in Settings › n8n API.
	 */
	createApiKey(scopes: string[]): Promise<string>;
	/** The tail of every process's output, for a failure message. */
	logs(): string;
	close(): Promise<void>;
}

export async function startQueueCluster(options: {
	packageTarball: string;
	workers?: number;
	concurrency?: number;
	env?: Record<string, string>;
}): Promise<QueueCluster> {
	const postgres = await startPostgres();
	const redis = await startRedis();
	const port = await freePort();
	const env: Record<string, string> = {
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: '',
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		N8N_PORT: String(port),
		N8N_HOST: '127.0.0.1',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		N8N_SECURE_COOKIE: 'false',
		// Keep every execution, so the test can count them.
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
		EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
		...options.env,
	};
	const n8n = await createN8nInstance({ packageTarball: options.packageTarball, env });
	const processes: Array<{ name: string; stop: () => Promise<void>; log: () => string }> = [];
	const picked: Record<string, string[]> = {};

	const spawnN8n = async (name: string, args: string[]) => {
		const brokerPort = await freePort();
		picked[name] = [];
		const proc = startProcess(process.execPath, [N8N_BIN, ...args], {
			cwd: n8n.userFolder,
			env: { ...n8n.env, N8N_LOG_LEVEL: 'info', N8N_RUNNERS_BROKER_PORT: String(brokerPort) },
			onLine: (line) => {
				// Workers log "Worker started execution <id> (job <n>)".
				const match = /started execution (\d+)/i.exec(line);
				if (match) picked[name].push(match[1]);
			},
		});
		processes.push({ name, ...proc });
		return proc;
	};

	const cluster: QueueCluster = {
		n8n,
		postgres,
		redis,
		url: `http://127.0.0.1:${port}`,
		async start() {
			const main = await spawnN8n('main', ['start']);
			await waitFor(
				async () => (await fetch(`${cluster.url}/healthz/readiness`).catch(() => undefined))?.ok,
				180_000,
				() => `n8n main did not become ready:\n${main.log()}`,
			);
			const workers: Array<ReturnType<typeof startProcess>> = [];
			for (let w = 1; w <= (options.workers ?? 2); w++) {
				workers.push(
					await spawnN8n(`worker${w}`, ['worker', `--concurrency=${options.concurrency ?? 5}`]),
				);
			}
			// A worker is ready when it says it listens to the queue.
			await waitFor(
				async () => workers.every((w) => /worker is now ready/i.test(w.log())),
				180_000,
				() => `n8n workers did not start:\n${workers.map((w) => w.log()).join('\n---\n')}`,
			);
		},
		executions() {
			return postgres
				.query(
					`select id, "workflowId", status, mode, finished,
						coalesce(extract(epoch from "startedAt") * 1000, 'NaN'),
						coalesce(extract(epoch from "stoppedAt") * 1000, 'NaN')
					from execution_entity order by id`,
				)
				.map(([id, workflowId, status, mode, finished, startedAt, stoppedAt]) => ({
					id: Number(id),
					workflowId,
					status,
					mode,
					finished: finished === 't',
					startedAt: Number(startedAt),
					stoppedAt: Number(stoppedAt),
				}));
		},
		async waitForExecutions(count, timeoutMs = 600_000) {
			let rows: ExecutionRow[] = [];
			await waitFor(
				async () => {
					rows = cluster.executions();
					return (
						rows.length >= count &&
						rows.every((r) => !['new', 'running', 'waiting'].includes(r.status))
					);
				},
				timeoutMs,
				() => `executions not finished: ${JSON.stringify(rows)}\n${cluster.logs()}`,
				1000,
			);
			return rows;
		},
		async createApiKey(scopes) {
			// n8n ties the session cookie to a browser id; any stable value does for a script.
			const headers = { 'content-type': 'application/json', 'browser-id': 'queue-mode-test' };
			const setup = await fetch(`${cluster.url}/rest/owner/setup`, {
				method: 'POST',
				headers,
				body: JSON.stringify({
					email: 'owner@example.test',
					firstName: 'Queue',
					lastName: 'Test',
					password: `Pw-${Date.now()}-queue-Test1`,
				}),
			});
			if (!setup.ok) throw new Error(`owner setup: ${setup.status} ${await setup.text()}`);
			const cookie = (setup.headers.getSetCookie?.() ?? [])
				.map((c) => c.split(';')[0])
				.join('; ');
			const created = await fetch(`${cluster.url}/rest/api-keys`, {
				method: 'POST',
				headers: { ...headers, cookie },
				body: JSON.stringify({ label: 'queue-mode test', scopes, expiresAt: null }),
			});
			if (!created.ok) throw new Error(`API key: ${created.status} ${await created.text()}`);
			const body = (await created.json()) as { data?: { rawApiKey?: string } };
			if (!body.data?.rawApiKey) throw new Error('API key: no key in the answer');
			return body.data.rawApiKey;
		},
		jobsByWorker() {
			return Object.fromEntries(Object.entries(picked).filter(([name]) => name !== 'main'));
		},
		logs() {
			return processes.map((p) => `--- ${p.name}\n${p.log().slice(-3000)}`).join('\n');
		},
		async close() {
			for (const p of processes.reverse()) await p.stop();
			await n8n.close();
			await redis.close();
			await postgres.close();
		},
	};
	return cluster;
}

async function waitFor(
	check: () => Promise<boolean | undefined>,
	timeoutMs: number,
	describe: () => string,
	intervalMs = 500,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (await check()) return;
		await new Promise((r) => setTimeout(r, intervalMs));
	}
	throw new Error(describe());
}
