import { Clock } from '../shared/clock';
import { handleControlRequest } from '../shared/control';
import type { ControlTarget } from '../shared/control';
import { FaultInjector } from '../shared/faults';
import { startHttpServer } from '../shared/http';
import { Meter } from '../shared/meter';
import { handleApiRequest } from './api';
import { DEMO_TOKENS } from './auth';
import type { LayerTokens } from './auth';
import { layerControlRoutes } from './control';
import { seedStore } from './seed';
import { LayerStore } from './store';

export { DEMO_TOKENS } from './auth';
export type { LayerTokens } from './auth';
export { ROUTES } from './routes';
export { LayerStore } from './store';

export interface TheLayerSandboxOptions {
	/** TCP port on 127.0.0.1; 0 (default) picks a free one. */
	port?: number;
	/** Load the demo data (default true). */
	seed?: boolean;
	/** Latency added to every API request (default 0). */
	latencyMs?: number;
}

export interface TheLayerSandbox {
	/** Base URL, e.g. `http://127.0.0.1:4102`; the API is under `/api/v1`. */
	url: string;
	credentials: LayerTokens;
	store: LayerStore;
	/** The store's clock: freeze/advance it to drive createdAt/modifiedAt. */
	clock: Clock;
	faults: FaultInjector;
	meter: Meter;
	close(): Promise<void>;
}

/**
 * Starts The Layer sandbox on 127.0.0.1: the assumed REST contract of
 * nodes/TheLayer/openapi/the-layer.assumed.openapi.json under `/api/v1`, plus the JSON control
 * API under `/__sandbox/`.
 */
export async function startTheLayerSandbox(
	options: TheLayerSandboxOptions = {},
): Promise<TheLayerSandbox> {
	const clock = new Clock();
	const store = new LayerStore(clock, options.seed === false ? undefined : seedStore);
	const faults = new FaultInjector({ latencyMs: options.latencyMs ?? 0 });
	const meter = new Meter();
	const tokens = { ...DEMO_TOKENS };
	const target: ControlTarget = {
		service: 'thelayer',
		faults,
		meter,
		reset: () => store.reset(),
		routes: layerControlRoutes(store, clock),
	};
	const server = await startHttpServer(async (req, res) => {
		if (await handleControlRequest(target, req, res)) return;
		await handleApiRequest({ store, tokens, faults, meter }, req, res);
	}, options.port ?? 0);
	return {
		url: server.url,
		credentials: { ...tokens },
		store,
		clock,
		faults,
		meter,
		close: () => server.close(),
	};
}
