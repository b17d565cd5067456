import { map } from './map/map.operation';
import { matchCustomers } from './matchCustomers/matchCustomers.operation';
import type { SyncOperation } from './operation';
import { reconcile } from './reconcile/reconcile.operation';
import { skipIfRunning } from './skipIfRunning/skipIfRunning.operation';
import { validateLinkFile } from './validateLinkFile/validateLinkFile.operation';

export type SyncOperationName =
	| 'map'
	| 'matchCustomers'
	| 'reconcile'
	| 'skipIfRunning'
	| 'validateLinkFile';

/** Every operation, by name: a missing one is a compile error. */
export const operations: Record<SyncOperationName, SyncOperation> = {
	map,
	matchCustomers,
	reconcile,
	skipIfRunning,
	validateLinkFile,
};

/** The node's outputs follow the operation: `{{ … }}` evaluated by n8n against `$parameter`. */
export const OUTPUTS_EXPRESSION = `={{(${JSON.stringify(
	Object.fromEntries(
		Object.entries(operations).map(([name, op]) => [
			name,
			op.outputs.map((displayName) => ({ type: 'main', displayName })),
		]),
	),
)})[$parameter.operation] || [{"type":"main"}]}}` as const;
