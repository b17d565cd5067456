import { child, el } from '../../shared/xml';
import { errors, fail } from '../errors';
import type { FunctionHandler } from './types';

/**
 * `<getAPISession>` (spec §4): returns `data/api/{sessionid, endpoint, locationid}`. An optional
 * `<locationid>` switches entity ('' = top level). The endpoint is this sandbox's own gateway URL.
 * Mixing it with other functions is refused by the operation runner.
 */
export const getAPISession: FunctionHandler = (ctx, element) => {
	const locationElement = child(element, 'locationid');
	const locationId = locationElement ? locationElement.text.trim() : undefined;
	const session = ctx.auth.openSession(ctx.caller, locationId);
	if (!session) fail(errors.invalidReference('Entity', locationId ?? ''));
	return {
		data: el(
			'data',
			null,
			el(
				'api',
				null,
				el('sessionid', null, session.sessionId),
				el('endpoint', null, ctx.endpoint),
				el('locationid', null, session.locationId),
			),
		),
	};
};
