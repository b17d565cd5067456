/**
 * Local PostgreSQL and Redis servers from Debian's packages, for running n8n in queue mode on one
 * machine (scripts/queue-mode.ts and test/e2e/queueMode.e2e.test.ts). Each server gets a scratch
 * data folder and a free loopback port, and goes away with `close()`. Nothing is installed here:
 * scripts/test.sh installs `postgresql` and `redis-server` with apt-get when they are missing.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, rm } from 'node:fs/promises';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export interface Service {
	readonly name: string;
	readonly port: number;
	close(): Promise<void>;
}

export interface PostgresService extends Service {
	readonly user: string;
	readonly database: string;
	/** Runs one SQL statement with psql and returns its rows (tab-separated, unaligned). */
	query(sql: string): string[][];
}

export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

/** The folder holding initdb/postgres/pg_ctl: Debian's /usr/lib/postgresql/<n>/bin, or PATH. */
export function postgresBinDir(): string | undefined {
	const base = '/usr/lib/postgresql';
	if (existsSync(base)) {
		const versions = readdirSync(base)
			.filter((v) => existsSync(path.join(base, v, 'bin', 'initdb')))
			.sort((a, b) => Number(b) - Number(a));
		if (versions.length) return path.join(base, versions[0], 'bin');
	}
	const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
	return which.status === 0 ? path.dirname(which.stdout.trim()) : undefined;
}

export function redisServerPath(): string | undefined {
	const which = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
	return which.status === 0 ? which.stdout.trim() : undefined;
}

/** Why queue mode cannot run here, or undefined when PostgreSQL and Redis are both present. */
export function queueModeMissing(): string | undefined {
	const missing = [
		postgresBinDir() ? undefined : 'PostgreSQL (apt-get install postgresql)',
		redisServerPath() ? undefined : 'Redis (apt-get install redis-server)',
	].filter(Boolean);
	return missing.length ? `not installed: ${missing.join(', ')}` : undefined;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** PostgreSQL refuses to run as root; as root the server runs as Debian's `postgres` user. */
function asPostgresUser(command: string, args: string[]): [string, string[]] {
	return isRoot() ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

async function waitForPort(
	port: number,
	timeoutMs: number,
	child: ChildProcess,
	log: () => string,
) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}: ${log()}`);
		const open = await new Promise<boolean>((resolve) => {
			const socket = net.connect(port, '127.0.0.1');
			socket.once('connect', () => {
				socket.destroy();
				resolve(true);
			});
			socket.once('error', () => resolve(false));
		});
		if (open) return;
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`port ${port} did not open in ${timeoutMs} ms: ${log()}`);
}

/** Starts a long-running process in its own process group, collecting the tail of its output. */
export function startProcess(
	command: string,
	args: string[],
	options: { env?: NodeJS.ProcessEnv; cwd?: string; onLine?: (line: string) => void } = {},
): { child: ChildProcess; log: () => string; stop: () => Promise<void> } {
	const child = spawn(command, args, {
		cwd: options.cwd,
		env: options.env ?? process.env,
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	let tail = '';
	let partial = '';
	const collect = (chunk: Buffer) => {
		const text = chunk.toString();
		tail = (tail + text).slice(-8000);
		if (!options.onLine) return;
		const lines = (partial + text).split('\n');
		partial = lines.pop() ?? '';
		for (const line of lines) options.onLine(line);
	};
	child.stdout?.on('data', collect);
	child.stderr?.on('data', collect);
	const stop = async () => {
		if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
		const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
		try {
			process.kill(-child.pid, 'SIGTERM');
		} catch {
			child.kill('SIGTERM');
		}
		const timer = setTimeout(() => {
			try {
				process.kill(-(child.pid as number), 'SIGKILL');
			} catch {
				// already gone
			}
		}, 10_000);
		await exited;
		clearTimeout(timer);
	};
	return { child, log: () => tail, stop };
}

/** A throwaway PostgreSQL cluster (trust auth, loopback only) with one database. */
export async function startPostgres(database = 'n8n'): Promise<PostgresService> {
	const bin = postgresBinDir();
	if (!bin) throw new Error('PostgreSQL is not installed (apt-get install postgresql)');
	const root = await mkdtemp(path.join(tmpdir(), 'tls-pg-'));
	const data = path.join(root, 'data');
	const socketDir = path.join(root, 'socket');
	await mkdir(data);
	await mkdir(socketDir);
	if (isRoot()) {
		const pw = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
		const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
		if (pw.status !== 0) throw new Error('running as root but there is no "postgres" user');
		for (const dir of [root, data, socketDir])
			await chown(dir, Number(pw.stdout), Number(gid.stdout));
		await chmod(root, 0o755);
	}
	const user = 'postgres';
	const [initCmd, initArgs] = asPostgresUser(path.join(bin, 'initdb'), [
		'-D',
		data,
		'-U',
		user,
		'--auth=trust',
		'--no-sync',
		'-E',
		'UTF8',
	]);
	const init = spawnSync(initCmd, initArgs, { encoding: 'utf8' });
	if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout}`);

	const port = await freePort();
	const [cmd, args] = asPostgresUser(path.join(bin, 'postgres'), [
		'-D',
		data,
		'-p',
		String(port),
		'-k',
		socketDir,
		'-c',
		'listen_addresses=127.0.0.1',
		'-c',
		'fsync=off',
		'-c',
		'max_connections=200',
	]);
	const server = startProcess(cmd, args);
	await waitForPort(port, 30_000, server.child, server.log);

	const psql = (sql: string, db: string) =>
		spawnSync(
			'psql',
			['-h', '127.0.0.1', '-p', String(port), '-U', user, '-d', db, '-v', 'ON_ERROR_STOP=1'],
			{ input: sql, encoding: 'utf8' },
		);
	// The server accepts connections a moment after the port opens.
	for (let attempt = 0; ; attempt++) {
		const created = psql(`CREATE DATABASE ${database};`, 'postgres');
		if (created.status === 0) break;
		if (attempt > 50) throw new Error(`CREATE DATABASE failed: ${created.stderr}`);
		await new Promise((r) => setTimeout(r, 200));
	}
	return {
		name: 'postgres',
		port,
		user,
		database,
		query(sql: string) {
			const result = spawnSync(
				'psql',
				[
					'-h',
					'127.0.0.1',
					'-p',
					String(port),
					'-U',
					user,
					'-d',
					database,
					'-tAF',
					'\t',
					'-c',
					sql,
				],
				{ encoding: 'utf8' },
			);
			if (result.status !== 0) throw new Error(`psql failed: ${result.stderr}`);
			return result.stdout
				.split('\n')
				.filter((line) => line.length > 0)
				.map((line) => line.split('\t'));
		},
		async close() {
			await server.stop();
			await rm(root, { recursive: true, force: true });
		},
	};
}

/** A throwaway Redis server on a free loopback port, no persistence. */
export async function startRedis(): Promise<Service> {
	const binary = redisServerPath();
	if (!binary) throw new Error('Redis is not installed (apt-get install redis-server)');
	const port = await freePort();
	const dir = await mkdtemp(path.join(tmpdir(), 'tls-redis-'));
	const server = startProcess(binary, [
		'--port',
		String(port),
		'--bind',
		'127.0.0.1',
		'--save',
		'',
		'--appendonly',
		'no',
		'--dir',
		dir,
	]);
	await waitForPort(port, 15_000, server.child, server.log);
	return {
		name: 'redis',
		port,
		async close() {
			await server.stop();
			await rm(dir, { recursive: true, force: true });
		},
	};
}
