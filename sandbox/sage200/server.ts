import { Clock } from '../shared/clock';
import { handleControlRequest } from '../shared/control';
import type { ControlTarget } from '../shared/control';
import { FaultInjector } from '../shared/faults';
import { sendJson, startHttpServer } from '../shared/http';
import { Meter } from '../shared/meter';
import { handleApiRequest, splitApiPath } from './api';
import { sage200ControlRoutes } from './control';
import { API_PREFIXES } from './route';
import { AUTHORIZE_PATH, handleAuthorize, handleToken, issueDemoToken, TOKEN_PATH } from './sageId';
import { seedStore } from './seed';
import { Sage200Store } from './store';
import {
	DEFAULT_ACCESS_TOKEN_TTL_SECONDS,
	DEFAULT_SCOPE,
	SAGE200_AUDIENCE,
	TokenBook,
} from './tokens';
import type { TokenResponse } from './tokens';

export { ROUTES } from './routes';
export { COMPANY_IDS, DEMO_SITE_ID, SECOND_SITE_ID, SEEDED_AT } from './seed';
export { Sage200Store } from './store';
export type { CompanyData } from './store';
export type { TokenResponse } from './tokens';

/** The demo Sage ID client (printed by `npm run sandbox`). */
export const DEMO_CLIENT = {
	clientId: 'sage200-sandbox-client',
	clientSecret: 'sage200-sandbox-secret',
} as const;

export interface Sage200SandboxOptions {
	/** TCP port on 127.0.0.1; 0 (default) picks a free one. */
	port?: number;
	/** Load the demo customers and postings (default true); sites and reference data exist either way. */
	seed?: boolean;
	/** Latency added to every API request (default 0). */
	latencyMs?: number;
	/** Access-token lifetime (default 3600 s). */
	accessTokenTtlSeconds?: number;
	/** Registered redirect URIs; default: any http(s) URI. */
	redirectUris?: string[];
}

export interface Sage200Sandbox {
	/** Base URL, e.g. `http://127.0.0.1:4103`; Sage ID and the API both live under it. */
	url: string;
	oauth: {
		authorizeUrl: string;
		tokenUrl: string;
		clientId: string;
		clientSecret: string;
		/** The authorize request's `audience` (s200ukipd/sage200) and the scope to ask for. */
		audience: string;
		scope: string;
		redirectUris?: string[];
	};
	apiBase: { standard: string; professional: string };
	store: Sage200Store;
	/** Drives timestamps, default dates and token expiry. */
	clock: Clock;
	faults: FaultInjector;
	meter: Meter;
	tokens: TokenBook;
	/** A fresh token pair, as a finished sign-in would give it (no browser step). */
	issueToken(): Promise<TokenResponse>;
	close(): Promise<void>;
}

/**
 * Starts the Sage 200 sandbox on 127.0.0.1: Sage ID (`/authorize`, `/oauth/token`), the API under
 * `/uk/sage200/accounts/v1` (Standard) and `/uk/sage200extra/accounts/v1` (Professional), and
 * the JSON control API under `/__sandbox/`.
 */
export async function startSage200Sandbox(
	options: Sage200SandboxOptions = {},
): Promise<Sage200Sandbox> {
	const clock = new Clock();
	const store = new Sage200Store(clock, (s) => seedStore(s, options.seed !== false));
	const faults = new FaultInjector({ latencyMs: options.latencyMs ?? 0 });
	const meter = new Meter();
	let url = '';
	const client = { ...DEMO_CLIENT, redirectUris: options.redirectUris };
	const ttl = options.accessTokenTtlSeconds ?? DEFAULT_ACCESS_TOKEN_TTL_SECONDS;
	const tokens = new TokenBook(clock, client, ttl, () => url);
	const target: ControlTarget = {
		service: 'sage200',
		faults,
		meter,
		reset: () => store.reset(),
		routes: sage200ControlRoutes(store, clock, tokens),
	};
	const server = await startHttpServer(async (req, res) => {
		if (await handleControlRequest(target, req, res)) return;
		const parsed = new URL(req.url ?? '/', 'http://sandbox.local');
		if (parsed.pathname === AUTHORIZE_PATH) {
			meter.roundTrip();
			meter.functionCall('SageIdAuthorize');
			return handleAuthorize(tokens, parsed, res);
		}
		if (parsed.pathname === TOKEN_PATH) {
			meter.roundTrip();
			meter.functionCall('SageIdToken');
			return handleToken(tokens, req, res);
		}
		const api = splitApiPath(parsed.pathname);
		if (api) return handleApiRequest({ store, tokens, faults, meter }, req, res, parsed, api);
		sendJson(res, 404, {
			message: `No HTTP resource was found that matches the request URI '${parsed.pathname}'.`,
		});
	}, options.port ?? 0);
	url = server.url;
	return {
		url,
		oauth: {
			authorizeUrl: `${url}${AUTHORIZE_PATH}`,
			tokenUrl: `${url}${TOKEN_PATH}`,
			...DEMO_CLIENT,
			audience: SAGE200_AUDIENCE,
			scope: DEFAULT_SCOPE,
			...(options.redirectUris ? { redirectUris: [...options.redirectUris] } : {}),
		},
		apiBase: {
			standard: `${url}${API_PREFIXES.standard}`,
			professional: `${url}${API_PREFIXES.professional}`,
		},
		store,
		clock,
		faults,
		meter,
		tokens,
		issueToken: () => Promise.resolve(issueDemoToken(tokens, SAGE200_AUDIENCE)),
		close: () => server.close(),
	};
}
