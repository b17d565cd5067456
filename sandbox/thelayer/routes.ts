import { contactRoutes } from './resources/contacts';
import { creditNoteRoutes } from './resources/creditNotes';
import { customerRoutes } from './resources/customers';
import { invoiceRoutes } from './resources/invoices';
import { paymentRoutes } from './resources/payments';
import { referenceRoutes } from './resources/reference';
import { refundRoutes } from './resources/refunds';
import { sageTransactionRoutes } from './resources/sageTransactions';
import type { HttpMethod, Route } from './route';

/**
 * THE route table of the sandbox: every operation it serves, and nothing else. The contract test
 * (test/sandbox/thelayer/contract.test.ts) checks it against the OpenAPI document path by path.
 */
export const ROUTES: readonly Route[] = [
	...referenceRoutes,
	...customerRoutes,
	...contactRoutes,
	...invoiceRoutes,
	...paymentRoutes,
	...creditNoteRoutes,
	...refundRoutes,
	...sageTransactionRoutes,
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
			if (want[i] !== got[i]) return undefined;
			continue;
		}
		try {
			params[name] = decodeURIComponent(got[i]);
		} catch {
			return undefined; // malformed %-escape: no such route
		}
	}
	return params;
}

/**
 * The route for a request: `route` when path and method match; `allowed` lists the methods the
 * path does take when only the method is wrong; neither when the path is unknown.
 */
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
