import { allocationRoutes } from './resources/allocations';
import { bankPostingRoutes } from './resources/bankPostings';
import { contactRoutes } from './resources/contacts';
import { customerRoutes } from './resources/customers';
import { generalRoutes } from './resources/general';
import { postedTransactionRoutes } from './resources/postedTransactions';
import { documentRoutes } from './resources/postings';
import { referenceRoutes } from './resources/reference';
import { viewRoutes } from './resources/views';
import type { HttpMethod, Route } from './route';

/**
 * THE route table: every API operation the sandbox serves, by the path and operationId Sage's
 * OpenAPI files give it. test/sandbox/sage200/contract.test.ts checks each against those files.
 */
export const ROUTES: readonly Route[] = [
	...generalRoutes,
	...referenceRoutes,
	...customerRoutes,
	...contactRoutes,
	...documentRoutes,
	...bankPostingRoutes,
	...allocationRoutes,
	...postedTransactionRoutes,
	...viewRoutes,
];

export interface RouteMatch {
	route: Route;
	params: Record<string, string>;
}

function matchPath(pattern: string, path: string): Record<string, string> | undefined {
	const want = pattern.split('/').filter(Boolean);
	const got = path.split('/').filter(Boolean);
	if (want.length !== got.length) return undefined;
	const params: Record<string, string> = {};
	for (let i = 0; i < want.length; i++) {
		const name = /^\{(\w+)\}$/.exec(want[i])?.[1];
		if (name === undefined) {
			// Sage's paths are case-insensitive (IIS/ASP.NET routing).
			if (want[i].toLowerCase() !== got[i].toLowerCase()) return undefined;
			continue;
		}
		try {
			params[name] = decodeURIComponent(got[i]);
		} catch {
			return undefined;
		}
	}
	return params;
}

/** The route for a path below the API prefix; `allowed` lists the path's methods when only the method is wrong. */
export function findRoute(
	method: string,
	path: string,
): { match?: RouteMatch; allowed: HttpMethod[] } {
	const candidates = ROUTES.map((route) => ({ route, params: matchPath(route.path, path) })).filter(
		(c): c is RouteMatch => c.params !== undefined,
	);
	const match = candidates.find((c) => c.route.method === method);
	return { match, allowed: candidates.map((c) => c.route.method) };
}
