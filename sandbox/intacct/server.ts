import { Clock } from '../shared/clock';
import { ControlError, handleControlRequest } from '../shared/control';
import type { ControlRoute, ControlTarget } from '../shared/control';
import { FaultInjector, respondWithTransportFault } from '../shared/faults';
import { destroyConnection, readBody, send, sleep, startHttpServer } from '../shared/http';
import { Meter } from '../shared/meter';
import { AuthService } from './auth';
import type { IntacctDemoCredentials } from './auth';
import { defaultConfig, parseConfigPatch } from './config';
import type { IntacctConfig } from './config';
import type { IntacctContext } from './context';
import { faultTargets, GATEWAY_PATH, parseBody, processRequest, sessionIdsOf } from './gateway';
import type { GatewayDeps } from './gateway';
import { recordToJson } from './objects/projection';
import { findObject, storeSchema } from './objects/registry';
import { rateLimitResponse, XML_CONTENT_TYPE } from './protocol';
import { DEMO_CREDENTIALS, seedAuth, seedStore } from './seed';
import { IntacctStore } from './store';

export { DEMO_CREDENTIALS, UNAUTHORIZED_SENDER } from './seed';
export type { IntacctDemoCredentials } from './auth';
export type { IntacctConfig } from './config';

export interface IntacctSandboxOptions {
	/** TCP port on 127.0.0.1; 0 (default) picks a free one. */
	port?: number;
	/** Load the demo data (default true); credentials exist either way. */
	seed?: boolean;
	/** Session duration (default 3600 s). */
	sessionTtlSeconds?: number;
	/** Latency added to every gateway request (default 0). */
	latencyMs?: number;
}

export interface IntacctSandbox {
	/** Base URL, e.g. `http://127.0.0.1:4101`. */
	url: string;
	/** Gateway URL: url + `/ia/xml/xmlgw.phtml`. */
	endpoint: string;
	credentials: IntacctDemoCredentials;
	store: IntacctStore;
	auth: AuthService;
	/** The store's clock: freeze/advance it to drive timestamps and session expiry. */
	clock: Clock;
	faults: FaultInjector;
	meter: Meter;
	/** Live company settings; mutate in place (or PUT /__sandbox/config). */
	config: IntacctConfig;
	close(): Promise<void>;
}

function controlRoutes(deps: GatewayDeps, clock: Clock, resetConfig: () => void): ControlRoute[] {
	return [
		{
			method: 'GET',
			path: '/records/:object',
			handle: ({ params }) => {
				const def = findObject(params.object);
				if (!def) throw new ControlError(404, `Unknown object ${params.object}`);
				const now = clock.now();
				const ctx: IntacctContext = {
					...deps,
					caller: {
						companyId: DEMO_CREDENTIALS.companyId,
						userId: 'sandbox',
						locationId: '',
						timestamp: now,
						timeout: now,
					},
				};
				const derive = def.derive?.(ctx);
				return deps.store
					.list(def.name)
					.map((record) => recordToJson(def, { ...record.values, ...derive?.(record) }, record));
			},
		},
		{ method: 'GET', path: '/config', handle: () => deps.config },
		{
			method: 'PUT',
			path: '/config',
			handle: ({ body }) => {
				try {
					Object.assign(deps.config, parseConfigPatch(body));
				} catch (error) {
					throw new ControlError(400, (error as Error).message);
				}
				return deps.config;
			},
		},
		{ method: 'POST', path: '/config/reset', handle: () => (resetConfig(), deps.config) },
		{ method: 'POST', path: '/sessions/expire', handle: () => ({ expired: deps.auth.expire() }) },
		{
			method: 'GET',
			path: '/clock',
			handle: () => ({ now: clock.now().toISOString(), frozen: clock.isFrozen }),
		},
		{
			method: 'PUT',
			path: '/clock',
			handle: ({ body }) => {
				const { now, advanceSeconds } = (body ?? {}) as { now?: string; advanceSeconds?: number };
				try {
					if (now !== undefined) clock.freeze(now);
					if (advanceSeconds !== undefined) clock.advance(Number(advanceSeconds) * 1000);
				} catch (error) {
					throw new ControlError(400, (error as Error).message);
				}
				return { now: clock.now().toISOString(), frozen: clock.isFrozen };
			},
		},
		{
			method: 'DELETE',
			path: '/clock',
			handle: () => (clock.release(), { now: clock.now().toISOString(), frozen: false }),
		},
	];
}

/**
 * Starts a protocol-faithful Sage Intacct XML gateway on 127.0.0.1 (spec §13): POST
 * `/ia/xml/xmlgw.phtml`, plus the JSON control API under `/__sandbox/`.
 */
export async function startIntacctSandbox(
	options: IntacctSandboxOptions = {},
): Promise<IntacctSandbox> {
	const clock = new Clock();
	const config = defaultConfig(options.sessionTtlSeconds);
	const resetConfig = () => Object.assign(config, defaultConfig(options.sessionTtlSeconds));
	const store = new IntacctStore(
		clock,
		storeSchema,
		options.seed === false ? undefined : seedStore,
	);
	const auth = new AuthService(
		clock,
		() => config.sessionTtlSeconds,
		(entityId) => store.findOne('LOCATIONENTITY', 'LOCATIONID', entityId) !== undefined,
	);
	seedAuth(auth);
	const faults = new FaultInjector({ latencyMs: options.latencyMs ?? 0 });
	const meter = new Meter();
	const deps: GatewayDeps = { store, auth, config, meter, endpoint: '' };
	const target: ControlTarget = {
		service: 'intacct',
		faults,
		meter,
		reset: () => {
			store.reset();
			resetConfig();
		},
		routes: controlRoutes(deps, clock, resetConfig),
	};

	const server = await startHttpServer(async (req, res) => {
		if (await handleControlRequest(target, req, res)) return;
		const path = new URL(req.url ?? '/', 'http://sandbox.local').pathname;
		if (path !== GATEWAY_PATH) {
			send(res, 404, `Not found: ${path}\n`, 'text/plain; charset=utf-8');
			return;
		}
		if (req.method !== 'POST') {
			send(res, 405, 'The XML gateway only accepts POST.\n', 'text/plain; charset=utf-8', {
				Allow: 'POST',
			});
			return;
		}
		meter.roundTrip();
		const body = await readBody(req);
		let working = performance.now();
		const parsed = parseBody(body);
		const sessionIds = sessionIdsOf(parsed);
		// sessionExpiry only makes sense for (and so only fires on) session-authenticated requests.
		const rule = faults.pick(
			faultTargets(parsed),
			(r) => r.type !== 'sessionExpiry' || sessionIds.length > 0,
		);
		meter.serverTime(performance.now() - working);
		await sleep(faults.latencyMs);
		working = performance.now();
		if (rule) {
			meter.fault(rule.type);
			const rateLimit = () => ({ body: rateLimitResponse(), contentType: XML_CONTENT_TYPE });
			if (await respondWithTransportFault(rule, req, res, rateLimit)) return;
			if (rule.type === 'sessionExpiry') for (const id of sessionIds) auth.expire(id);
		}
		const xml = processRequest(deps, parsed);
		meter.serverTime(performance.now() - working);
		if (rule?.type === 'lostAfterCommit') {
			// Fully processed and committed, but the client never hears back.
			destroyConnection(req);
			return;
		}
		send(res, 200, xml, XML_CONTENT_TYPE);
	}, options.port ?? 0);

	deps.endpoint = `${server.url}${GATEWAY_PATH}`;
	return {
		url: server.url,
		endpoint: deps.endpoint,
		credentials: { ...DEMO_CREDENTIALS },
		store,
		auth,
		clock,
		faults,
		meter,
		config,
		close: () => server.close(),
	};
}
