import type { IncomingHttpHeaders } from 'node:http';

import { ApiError } from './errors';

export interface LayerTokens {
	token1: string;
	token2: string;
}

/** Demo tokens printed by `npm run sandbox` and used by tests and the demo. */
export const DEMO_TOKENS: LayerTokens = {
	token1: 'layer-demo-token1',
	token2: 'layer-demo-token2',
};

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
	const value = headers[name.toLowerCase()];
	const text = Array.isArray(value) ? value[0] : value;
	return text === undefined || text.trim() === '' ? undefined : text;
}

/**
 * Every API request carries `Token1` and `Token2` (the only part of The Layer's API that is
 * documented). The 401 message says which header is wrong and never echoes a value.
 */
export function authenticate(headers: IncomingHttpHeaders, tokens: LayerTokens): void {
	const token1 = header(headers, 'Token1');
	const token2 = header(headers, 'Token2');
	let message: string | undefined;
	if (token1 === undefined) message = 'Token1 is missing';
	else if (token2 === undefined) message = 'Token2 is missing';
	else if (token1 !== tokens.token1) message = 'Token1 is not valid';
	else if (token2 !== tokens.token2) message = 'Token2 is not valid for this Token1';
	if (message !== undefined) throw new ApiError(401, 'unauthorized', message);
}
