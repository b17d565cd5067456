/** Pieces every sync template shares: entry points, the Map node, sync status write-back. */
import type { Template } from './builder';

export const ERROR_NOTE =
	'**Errors** do not stop the run: the red branch writes the reason to the record in The Layer (Last Sync Error), where it shows in the grid until the next run succeeds.';

export const PUBLISH_NOTE =
	'**Publish** this workflow so the hourly sync can call it (n8n runs the published version of a sub-workflow). It has no schedule of its own.';

export function expr(body: string): string {
	return `={{ ${body} }}`;
}

/**
 * Two entry points: Sync Now, and the hourly auto-sync calling it. The schedule lives only in the
 * hourly workflow: a sub-workflow must be published to be called, and a schedule of its own would
 * then run beside the hourly one.
 */
export function triggers(t: Template, y: number): string[] {
	return [t.manualTrigger([0, y]), t.calledBy([0, y + 200])];
}

/** A Sage Sync › Map node with the given mapping tables; failures go to its error output. */
export function syncMap(
	t: Template,
	name: string,
	position: [number, number],
	preset: string,
	mappings: Record<string, unknown>,
	lookups: { customers?: string; invoices?: string } = {},
	extra: Record<string, unknown> = {},
) {
	return t.sync(
		name,
		position,
		{
			operation: 'map',
			preset,
			mappingsInput: 'fields',
			mappings,
			lookups: Object.fromEntries(
				Object.entries(lookups).map(([key, node]) => [key, expr(`$('${node}').all()`)]),
			),
			...extra,
		},
		{ onError: 'continueErrorOutput' },
	);
}

/**
 * The Layer › <resource> › Update Sage Sync: synced with the Sage ID (`sageIdExpr`), or not synced
 * with the error of the failed item.
 */
export function markSync(
	t: Template,
	name: string,
	position: [number, number],
	resource: string,
	idExpr: string,
	sageIdExpr: string | undefined,
) {
	const success = sageIdExpr !== undefined;
	return t.layer(name, position, {
		resource,
		operation: 'setSageSync',
		id: expr(idExpr),
		synced: success,
		sageTransactionId: success ? expr(sageIdExpr) : '',
		lastSyncError: success ? '' : expr('$json.error'),
	});
}
