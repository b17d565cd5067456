/**
 * Starts every sandbox on 127.0.0.1 and prints ONE JSON line to stdout once all are ready:
 *   {"ready":true,"sandboxes":{"intacct":{"url":…,"endpoint":…,"credentials":{…}},
 *    "thelayer":{"url":…,"credentials":{"token1":…,"token2":…}},
 *    "sage200":{"url":…,"apiBase":{"standard":…,"professional":…},
 *               "oauth":{"authorizeUrl":…,"tokenUrl":…,"clientId":…,"clientSecret":…}}}}
 * Ports come from the environment (0 = any free port). SIGINT/SIGTERM close them cleanly.
 * Run with `npm run sandbox` after `tsc -p tsconfig.tools.json`.
 */
import { startIntacctSandbox } from './intacct/server';
import { startSage200Sandbox } from './sage200/server';
import { startTheLayerSandbox } from './thelayer/server';

interface Launched {
	/** What the ready line reports for this sandbox. */
	info: Record<string, unknown>;
	close(): Promise<void>;
}

interface Launcher {
	name: string;
	portEnv: string;
	defaultPort: number;
	start(port: number): Promise<Launched>;
}

/** One entry per sandbox; The Layer and Sage 200 each add one line here. */
const SANDBOXES: Launcher[] = [
	{
		name: 'intacct',
		portEnv: 'INTACCT_SANDBOX_PORT',
		defaultPort: 4101,
		start: async (port) => {
			const s = await startIntacctSandbox({ port });
			return {
				info: { url: s.url, endpoint: s.endpoint, credentials: s.credentials },
				close: s.close,
			};
		},
	},
	{
		name: 'thelayer',
		portEnv: 'LAYER_SANDBOX_PORT',
		defaultPort: 4102,
		start: async (port) => {
			const s = await startTheLayerSandbox({ port });
			return { info: { url: s.url, credentials: s.credentials }, close: s.close };
		},
	},
	{
		name: 'sage200',
		portEnv: 'SAGE200_SANDBOX_PORT',
		defaultPort: 4103,
		start: async (port) => {
			const s = await startSage200Sandbox({ port });
			const { authorizeUrl, tokenUrl, clientId, clientSecret } = s.oauth;
			return {
				info: {
					url: s.url,
					apiBase: s.apiBase,
					oauth: { authorizeUrl, tokenUrl, clientId, clientSecret },
				},
				close: s.close,
			};
		},
	},
];

function portFrom(env: string, fallback: number): number {
	const raw = process.env[env];
	if (raw === undefined || raw.trim() === '') return fallback;
	const port = Number(raw);
	if (!Number.isInteger(port) || port < 0 || port > 65535) {
		throw new Error(`${env} must be a port number (0-65535), got '${raw}'`);
	}
	return port;
}

async function main(): Promise<void> {
	const running: Launched[] = [];
	const sandboxes: Record<string, unknown> = {};
	const closeAll = async () => {
		await Promise.allSettled(running.map((r) => r.close()));
	};
	try {
		for (const launcher of SANDBOXES) {
			const launched = await launcher.start(portFrom(launcher.portEnv, launcher.defaultPort));
			running.push(launched);
			sandboxes[launcher.name] = launched.info;
		}
	} catch (error) {
		await closeAll();
		throw error;
	}
	let stopping = false;
	const stop = (signal: NodeJS.Signals) => {
		if (stopping) return;
		stopping = true;
		console.error(`[sandbox] ${signal}: closing`);
		void closeAll().then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	process.stdout.write(`${JSON.stringify({ ready: true, sandboxes })}\n`);
}

main().catch((error: unknown) => {
	console.error('[sandbox] failed to start:', error instanceof Error ? error.message : error);
	process.exit(1);
});
