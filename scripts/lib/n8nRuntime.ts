/**
 * The real n8n CLI (n8n 2.40.7 in .runtime/n8n, installed by scripts/ensure-n8n.sh) end to end:
 * a scratch N8N_USER_FOLDER with its own SQLite database, this package installed the way n8n
 * installs community packages, credentials and workflows imported with `n8n import:*`, and
 * workflows run headless with `n8n execute --id`. Each command takes ~3-6 s (the first one also
 * runs the migrations), so share one instance per test file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';

import type {
	ICredentialDataDecryptedObject,
	IConnections,
	IDataObject,
	INode,
	INodeExecutionData,
	IPinData,
	IWorkflowSettings,
} from 'n8n-workflow';

import { freePort } from './services';

export const REPO_ROOT = findRepoRoot(__dirname);
function findRepoRoot(from: string): string {
	// Runs from scripts/lib (ts-jest) or .build/scripts/lib (compiled demo).
	let dir = from;
	while (
		!existsSync(path.join(dir, 'package.json')) ||
		existsSync(path.join(dir, 'tsconfig.tools.json')) === false
	) {
		const parent = path.dirname(dir);
		if (parent === dir) return path.resolve(from, '..', '..');
		dir = parent;
	}
	return dir;
}

export const N8N_RUNTIME_DIR = path.join(REPO_ROOT, '.runtime', 'n8n');
/** What scripts/ensure-n8n.sh exposes; run it as `node <N8N_BIN>` with this Node (>= 24). */
export const N8N_BIN = path.join(N8N_RUNTIME_DIR, 'node_modules', '.bin', 'n8n');
export const E2E_OUTPUT_DIR = path.join(REPO_ROOT, 'test-output', 'n8n-e2e');
/** Fixed, test-only key: the instance folders are throwaway and kept for debugging. */
export const E2E_ENCRYPTION_KEY = 'n8n-e2e-test-encryption-key-not-secret';

export function isN8nInstalled(): boolean {
	return existsSync(path.join(N8N_RUNTIME_DIR, 'node_modules', 'n8n', 'package.json'));
}

export const SKIP_REASON =
	'n8n runtime not installed in .runtime/n8n; run `bash scripts/ensure-n8n.sh`';

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

/** One line of n8n's console log (N8N_LOG_FORMAT=json). */
export interface N8nLogLine {
	level: string;
	message: string;
}

export interface CliResult {
	args: string[];
	exitCode: number | null;
	stdout: string;
	stderr: string;
	/** stdout lines that were n8n JSON log lines. */
	logs: N8nLogLine[];
	durationMs: number;
}

export interface CredentialImport {
	id: string;
	name: string;
	type: string;
	/** Decrypted data; `n8n import:credentials` encrypts object-valued `data` itself. */
	data: ICredentialDataDecryptedObject;
}

/**
 * The credentials the templates name (ids and names as in workflows/), pointing at running
 * sandboxes; pass only the systems a run needs. `sage200` is a connected credential's data.
 */
export function sandboxCredentialImports(sandboxes: {
	layer?: { url: string; credentials: object };
	intacct?: { endpoint: string; credentials: object };
	sage200?: ICredentialDataDecryptedObject;
}): CredentialImport[] {
	const { layer, intacct, sage200 } = sandboxes;
	return [
		...(layer
			? [
					{
						id: 'layerSandbox0001',
						name: 'The Layer account',
						type: 'theLayerApi',
						data: { baseUrl: layer.url, ...layer.credentials },
					},
				]
			: []),
		...(intacct
			? [
					{
						id: 'intacctSandbox01',
						name: 'Sage Intacct account',
						type: 'sageIntacctApi',
						data: { endpointUrl: intacct.endpoint, ...intacct.credentials },
					},
				]
			: []),
		...(sage200
			? [
					{
						id: 'sage200Sandbox01',
						name: 'Sage 200 account',
						type: 'sage200OAuth2Api',
						data: sage200,
					},
				]
			: []),
	] as CredentialImport[];
}

/** An exported n8n workflow (the shape `n8n import:workflow` reads). */
export interface WorkflowJson {
	id?: string;
	name?: string;
	nodes: INode[];
	connections: IConnections;
	settings?: IWorkflowSettings;
	pinData?: IPinData;
	staticData?: IDataObject | null;
	active?: boolean;
}

export interface ExecutionErrorJson {
	message: string;
	description?: string | null;
	name?: string;
	node?: { name: string; type: string };
	[key: string]: unknown;
}

export interface ExecutedTaskData {
	startTime?: number;
	executionTime?: number;
	executionStatus?: string;
	data?: { main?: Array<INodeExecutionData[] | null> };
	error?: ExecutionErrorJson;
}

/** The IRun JSON `n8n execute` prints (dates are strings). */
export interface ExecutedRun {
	data: {
		resultData: {
			runData: Record<string, ExecutedTaskData[]>;
			error?: ExecutionErrorJson;
			lastNodeExecuted?: string;
		};
	};
	mode: string;
	status: string;
	finished?: boolean;
	startedAt: string;
	stoppedAt?: string;
}

export interface ExecuteResult extends CliResult {
	/** Exit code 0, an IRun was printed and it carries no error. */
	ok: boolean;
	run?: ExecutedRun;
	/** The execution error, or n8n's own error (e.g. "Unrecognized node type: …"). */
	error?: string;
	/** First run of `nodeName`, main output 0 (throws if it did not run). */
	output(nodeName: string): INodeExecutionData[];
}

export interface InstalledPackage {
	name: string;
	version: string;
	directory: string;
}

export interface N8nInstance {
	/** N8N_USER_FOLDER; n8n keeps its database and `nodes/` under `<userFolder>/.n8n`. */
	readonly userFolder: string;
	readonly env: NodeJS.ProcessEnv;
	readonly installedPackage?: InstalledPackage;
	/** Every command run so far with its duration. */
	readonly timings: Array<{ command: string; ms: number }>;
	/** Runs `node <n8n bin> ...args`; `logLevel` overrides N8N_LOG_LEVEL (default `warn`). */
	run(args: string[], options?: { logLevel?: string; timeoutMs?: number }): Promise<CliResult>;
	importCredentials(credentials: CredentialImport[]): Promise<void>;
	/** Imports the workflow (an id is generated if missing) and returns its id. */
	importWorkflow(workflow: WorkflowJson): Promise<string>;
	/** Imports several workflows with one (slow) CLI call; returns their ids in order. */
	importWorkflows(workflows: WorkflowJson[]): Promise<string[]>;
	/**
	 * Publishes workflows (`n8n publish:workflow`): n8n 2.x runs only the published version of a
	 * sub-workflow outside the editor, so the ones a template calls must be published.
	 */
	publishWorkflows(ids: string[]): Promise<void>;
	/** `n8n execute --id`; `timeoutMs` (default 300 s) bounds each attempt. */
	execute(workflowId: string, options?: { timeoutMs?: number }): Promise<ExecuteResult>;
	/** Node type names n8n loaded (`n8n export:nodes`), e.g. to check the package is seen. */
	listNodeTypes(): Promise<string[]>;
	/** Kills running commands; the folder is kept for debugging unless `remove` is set. */
	close(options?: { remove?: boolean }): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Process plumbing
// ---------------------------------------------------------------------------------------------

interface SpawnOptions {
	cwd: string;
	env: NodeJS.ProcessEnv;
	timeoutMs: number;
	children?: Set<ChildProcess>;
}

async function spawnCollect(
	command: string,
	args: string[],
	options: SpawnOptions,
): Promise<{ exitCode: number | null; stdout: string; stderr: string; durationMs: number }> {
	const started = Date.now();
	return await new Promise((resolve, reject) => {
		const child = spawn(command, args, {
			cwd: options.cwd,
			env: options.env,
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true, // own process group, so a timeout also stops n8n's task runner
		});
		options.children?.add(child);
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		const timer = setTimeout(() => {
			killGroup(child);
			stderr += `\n[n8nCli] killed after ${options.timeoutMs} ms`;
		}, options.timeoutMs);
		child.on('error', (error) => {
			clearTimeout(timer);
			options.children?.delete(child);
			reject(error);
		});
		child.on('close', (exitCode) => {
			clearTimeout(timer);
			options.children?.delete(child);
			resolve({ exitCode, stdout, stderr, durationMs: Date.now() - started });
		});
	});
}

function killGroup(child: ChildProcess): void {
	if (child.pid === undefined || child.exitCode !== null) return;
	try {
		process.kill(-child.pid, 'SIGKILL');
	} catch {
		child.kill('SIGKILL');
	}
}

function parseLogs(stdout: string): N8nLogLine[] {
	const logs: N8nLogLine[] = [];
	for (const line of stdout.split('\n')) {
		if (!line.startsWith('{')) continue;
		try {
			const parsed = JSON.parse(line) as Partial<N8nLogLine>;
			if (typeof parsed.level === 'string' && typeof parsed.message === 'string') {
				logs.push({ level: parsed.level, message: parsed.message });
			}
		} catch {
			// not a log line
		}
	}
	return logs;
}

function describeFailure(what: string, result: CliResult): Error {
	const logs = result.logs.map((l) => `  ${l.level}: ${l.message.split('\n')[0]}`).join('\n');
	return new Error(
		`${what} failed (exit ${String(result.exitCode)}):\n${logs || result.stdout}\n${result.stderr}`.trim(),
	);
}

function randomId(length = 16): string {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
	return Array.from(randomBytes(length), (b) => alphabet[b % alphabet.length]).join('');
}

/** The environment for every n8n command: scratch folder, SQLite, nothing phoning home. */
function n8nEnvironment(userFolder: string, brokerPort: number): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	// Keep PATH, HOME, locale…; drop anything that configures n8n or jest (NODE_ENV=test makes
	// n8n refuse to load nodes: "Not available in tests").
	const inherited =
		/^(N8N_|DB_|EXECUTIONS_|QUEUE_|GENERIC_TIMEZONE$|WEBHOOK_URL$|NODE_ENV$|NODE_OPTIONS$|JEST_)/;
	for (const [key, value] of Object.entries(process.env)) {
		if (!inherited.test(key)) env[key] = value;
	}
	return {
		...env,
		PATH: [path.dirname(process.execPath), process.env.PATH].filter(Boolean).join(path.delimiter),
		NODE_ENV: 'production',
		NO_COLOR: '1',
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: E2E_ENCRYPTION_KEY,
		DB_TYPE: 'sqlite',
		GENERIC_TIMEZONE: 'UTC',
		N8N_LOG_LEVEL: 'warn',
		N8N_LOG_FORMAT: 'json',
		N8N_LOG_OUTPUT: 'console',
		// No network: telemetry, version checks, templates, banners, licence renewal, AI.
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		// Community packages stay enabled (that is how ~/.n8n/nodes gets loaded), but n8n must
		// never try to reinstall "missing" ones from the registry.
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		// Task runners (Code node) are always on in n8n 2.x; give each instance its own broker port
		// so parallel jest workers do not collide on 5679.
		N8N_RUNNERS_MODE: 'internal',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
	};
}

// ---------------------------------------------------------------------------------------------
// Packing and installing the community package
// ---------------------------------------------------------------------------------------------

/** `npm pack` of a package directory into `destination`; returns the tarball path. */
export async function packDirectory(
	directory: string,
	destination = path.join(REPO_ROOT, 'test-output'),
): Promise<string> {
	await mkdir(destination, { recursive: true });
	const result = await spawnCollect(
		'npm',
		['pack', '--json', '--ignore-scripts', '--pack-destination', destination],
		{ cwd: directory, env: { ...process.env, PATH: npmPath() }, timeoutMs: 120_000 },
	);
	if (result.exitCode !== 0) {
		throw new Error(`npm pack in ${directory} failed:\n${result.stdout}\n${result.stderr}`);
	}
	const [packed] = JSON.parse(result.stdout) as Array<{ filename: string }>;
	return path.join(destination, packed.filename);
}

/** Packs this repository (its `dist/` must be built: `npm run build`) into test-output/. */
export async function packPackage(): Promise<string> {
	if (!existsSync(path.join(REPO_ROOT, 'dist'))) {
		throw new Error('dist/ is missing: run `npm run build` before packing the package');
	}
	return await packDirectory(REPO_ROOT);
}

function npmPath(): string {
	return [path.dirname(process.execPath), process.env.PATH].filter(Boolean).join(path.delimiter);
}

/**
 * Installs a package tarball the way n8n 2.40.7's CommunityPackagesService.downloadPackage does
 * (modules/community-packages/community-packages.service.js): unpack into
 * `<n8nFolder>/nodes/node_modules/<name>`, drop dev/peer/optional dependencies from its
 * package.json, `npm install` its own dependencies there (shallow, no scripts, no lock), and
 * record it in `<n8nFolder>/nodes/package.json`. n8n then loads every
 * `nodes/node_modules/n8n-nodes-*` (and `@*\/n8n-nodes-*`) through the community-packages
 * module's LazyPackageDirectoryLoader, whether or not its database knows the package.
 */
async function installCommunityPackage(
	n8nFolder: string,
	tarball: string,
	env: NodeJS.ProcessEnv,
): Promise<InstalledPackage> {
	const nodesDir = path.join(n8nFolder, 'nodes');
	await mkdir(path.join(nodesDir, 'node_modules'), { recursive: true });
	const staging = await mkdtemp(path.join(nodesDir, '.unpack-'));
	const untar = await spawnCollect(
		'tar',
		['-xzf', path.resolve(tarball), '-C', staging, '--strip-components=1'],
		{ cwd: nodesDir, env, timeoutMs: 60_000 },
	);
	if (untar.exitCode !== 0) throw new Error(`tar -xzf ${tarball} failed: ${untar.stderr}`);

	const manifestPath = path.join(staging, 'package.json');
	const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as IDataObject & {
		name: string;
		version: string;
	};
	delete manifest.devDependencies;
	delete manifest.peerDependencies;
	delete manifest.optionalDependencies;
	await writeFile(manifestPath, JSON.stringify(manifest, null, 2));

	const directory = path.join(nodesDir, 'node_modules', manifest.name);
	await rm(directory, { recursive: true, force: true });
	await mkdir(path.dirname(directory), { recursive: true });
	await rename(staging, directory);

	const install = await spawnCollect(
		'npm',
		[
			'install',
			'--audit=false',
			'--fund=false',
			'--bin-links=false',
			'--install-strategy=shallow',
			'--ignore-scripts=true',
			'--package-lock=false',
		],
		{ cwd: directory, env, timeoutMs: 300_000 },
	);
	if (install.exitCode !== 0) {
		throw new Error(`npm install in ${directory} failed:\n${install.stdout}\n${install.stderr}`);
	}

	const registry = { name: 'installed-nodes', private: true, dependencies: {} as IDataObject };
	const registryPath = path.join(nodesDir, 'package.json');
	if (existsSync(registryPath)) {
		Object.assign(registry, JSON.parse(await readFile(registryPath, 'utf8')) as IDataObject);
	}
	registry.dependencies[manifest.name] = manifest.version;
	await writeFile(registryPath, JSON.stringify(registry, null, 2));
	return { name: manifest.name, version: manifest.version, directory };
}

// ---------------------------------------------------------------------------------------------
// The instance
// ---------------------------------------------------------------------------------------------

const GENERIC_ERRORS = [/^Error executing workflow/, /^\s*Execution error:?\s*$/, /^=+$/];

function findRun(logs: N8nLogLine[]): ExecutedRun | undefined {
	for (let i = logs.length - 1; i >= 0; i--) {
		const { message } = logs[i];
		if (!message.startsWith('{') || !message.includes('"resultData"')) continue;
		try {
			return JSON.parse(message) as ExecutedRun;
		} catch {
			// keep looking
		}
	}
	return undefined;
}

export async function createN8nInstance(
	options: { packageTarball?: string; env?: Record<string, string>; userFolder?: string } = {},
): Promise<N8nInstance> {
	if (!isN8nInstalled()) throw new Error(SKIP_REASON);
	await mkdir(options.userFolder ?? E2E_OUTPUT_DIR, { recursive: true });
	const userFolder =
		options.userFolder ?? (await mkdtemp(path.join(E2E_OUTPUT_DIR, `${Date.now()}-`)));
	const n8nFolder = path.join(userFolder, '.n8n');
	await mkdir(path.join(userFolder, 'import'), { recursive: true });
	const env = { ...n8nEnvironment(userFolder, await freePort()), ...options.env };
	const children = new Set<ChildProcess>();
	const timings: Array<{ command: string; ms: number }> = [];

	const installedPackage = options.packageTarball
		? await installCommunityPackage(n8nFolder, options.packageTarball, env)
		: undefined;

	const run: N8nInstance['run'] = async (args, runOptions = {}) => {
		const commandEnv = runOptions.logLevel ? { ...env, N8N_LOG_LEVEL: runOptions.logLevel } : env;
		const result = await spawnCollect(process.execPath, [N8N_BIN, ...args], {
			cwd: userFolder,
			env: commandEnv,
			timeoutMs: runOptions.timeoutMs ?? 180_000,
			children,
		});
		timings.push({ command: args[0] ?? '', ms: result.durationMs });
		return { args, ...result, logs: parseLogs(result.stdout) };
	};

	let credentialFiles = 0;
	const importCredentials: N8nInstance['importCredentials'] = async (credentials) => {
		const file = path.join(userFolder, 'import', `credentials-${++credentialFiles}.json`);
		await writeFile(file, JSON.stringify(credentials, null, 2));
		const result = await run(['import:credentials', `--input=${file}`]);
		if (result.exitCode !== 0) throw describeFailure('n8n import:credentials', result);
	};

	let workflowFiles = 0;
	const importWorkflows: N8nInstance['importWorkflows'] = async (workflows) => {
		const data = workflows.map((workflow) => {
			const id = workflow.id ?? randomId();
			return { name: `e2e ${id}`, active: false, ...workflow, id };
		});
		const file = path.join(userFolder, 'import', `workflows-${++workflowFiles}.json`);
		await writeFile(file, JSON.stringify(data, null, 2));
		const result = await run(['import:workflow', `--input=${file}`]);
		const skipped = result.logs.find((l) => l.message.startsWith('Skipped workflow'));
		if (result.exitCode !== 0 || skipped) throw describeFailure('n8n import:workflow', result);
		return data.map((w) => w.id);
	};
	const importWorkflow: N8nInstance['importWorkflow'] = async (workflow) =>
		(await importWorkflows([workflow]))[0];

	const publishWorkflows: N8nInstance['publishWorkflows'] = async (ids) => {
		for (const id of ids) {
			const result = await run(['publish:workflow', `--id=${id}`], { logLevel: 'info' });
			if (result.exitCode !== 0 || result.logs.some((l) => l.level === 'error'))
				throw describeFailure(`n8n publish:workflow --id=${id}`, result);
		}
	};

	const execute: N8nInstance['execute'] = async (workflowId, executeOptions = {}) => {
		// `n8n execute` prints the IRun through logger.info, so it needs the info level.
		const once = () =>
			run(['execute', `--id=${workflowId}`, '--rawOutput'], {
				logLevel: 'info',
				timeoutMs: executeOptions.timeoutMs ?? 300_000,
			});
		let result = await once();
		// A CLI that printed no run at all (it failed to start or to report) is tried once more;
		// a run that reported an error is not. On a loaded 2-core machine this was seen once.
		if (findRun(result.logs) === undefined && !result.logs.some((l) => l.level === 'error')) {
			const first = `exit ${String(result.exitCode)} after ${result.durationMs} ms; stdout tail: ${result.stdout.slice(-500)}`;
			result = await once();
			result = {
				...result,
				stderr: `${result.stderr}\n[n8nCli] first attempt printed no run (${first})`,
			};
		}
		const executed = findRun(result.logs);
		const firstError = result.logs.find(
			(l) => l.level === 'error' && !GENERIC_ERRORS.some((re) => re.test(l.message)),
		);
		const error = executed?.data.resultData.error?.message ?? firstError?.message.split('\n')[0];
		// n8n's own report decides: a run it reported as a success counts even if the process then
		// exited non-zero on shutdown (the exit code stays in the result).
		const ok =
			executed !== undefined &&
			error === undefined &&
			(result.exitCode === 0 || executed.status === 'success');
		const output = (nodeName: string): INodeExecutionData[] => {
			const first = executed?.data.resultData.runData[nodeName]?.[0];
			if (first === undefined) {
				const ran = Object.keys(executed?.data.resultData.runData ?? {}).join(', ');
				throw new Error(`Node "${nodeName}" did not run (ran: ${ran || 'none'}; error: ${error})`);
			}
			return first.data?.main?.[0] ?? [];
		};
		return { ...result, ok, run: executed, error, output };
	};

	const listNodeTypes: N8nInstance['listNodeTypes'] = async () => {
		const file = path.join(userFolder, 'export', 'nodes.json');
		const result = await run(['export:nodes', `--output=${file}`]);
		if (result.exitCode !== 0) throw describeFailure('n8n export:nodes', result);
		const nodes = JSON.parse(await readFile(file, 'utf8')) as Array<{ name: string }>;
		return [...new Set(nodes.map((n) => n.name))];
	};

	const close: N8nInstance['close'] = async (closeOptions = {}) => {
		for (const child of children) killGroup(child);
		children.clear();
		if (closeOptions.remove) await rm(userFolder, { recursive: true, force: true });
	};

	return {
		userFolder,
		env,
		installedPackage,
		timings,
		run,
		importCredentials,
		importWorkflow,
		importWorkflows,
		publishWorkflows,
		execute,
		listNodeTypes,
		close,
	};
}
