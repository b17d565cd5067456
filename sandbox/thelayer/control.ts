import type { Clock } from '../shared/clock';
import { ControlError } from '../shared/control';
import type { ControlRoute } from '../shared/control';
import { PRESENTERS } from './present';
import { COLLECTIONS, isCollectionName } from './store';
import type { LayerStore } from './store';
import type { CollectionName, Collections } from './types';

function presentAll<C extends CollectionName>(store: LayerStore, name: C): unknown[] {
	const present = PRESENTERS[name] as (store: LayerStore, record: Collections[C]) => unknown;
	return store.all(name).map((record) => present(store, record));
}

/** The Layer's routes under /__sandbox/, after the common ones (health, meter, faults, reset). */
export function layerControlRoutes(store: LayerStore, clock: Clock): ControlRoute[] {
	const clockState = () => ({ now: clock.now().toISOString(), frozen: clock.isFrozen });
	return [
		{
			method: 'GET',
			path: '/records/:collection',
			handle: ({ params }) => {
				if (!isCollectionName(params.collection)) {
					throw new ControlError(
						404,
						`Unknown collection ${params.collection}; one of ${COLLECTIONS.join(', ')}`,
					);
				}
				return presentAll(store, params.collection);
			},
		},
		{ method: 'GET', path: '/clock', handle: clockState },
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
				return clockState();
			},
		},
		{ method: 'DELETE', path: '/clock', handle: () => (clock.release(), clockState()) },
	];
}
