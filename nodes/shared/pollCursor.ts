import { DateTime } from 'luxon';
import type { IDataObject, INodeProperties, IPollFunctions } from 'n8n-workflow';

import { selectNew, windowStart, type CursorRecord, type CursorState } from './cursor';

/** Start From and Overlap Window, the same on every polling trigger. */
export const pollProperties: INodeProperties[] = [
	{
		displayName: 'Start From',
		name: 'startFrom',
		type: 'options',
		options: [
			{
				name: 'Now',
				value: 'now',
				description: 'Only records changed after the trigger is activated',
			},
			{
				name: 'Everything',
				value: 'beginning',
				description: 'Emit every existing record on the first poll',
			},
		],
		default: 'now',
	},
	{
		displayName: 'Overlap Window (Seconds)',
		name: 'overlapSeconds',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 300,
		description:
			'Each poll re-reads this far back so late writes are not missed; records already emitted are skipped',
	},
];

/**
 * One poll with the cursor in workflow static data: on the first poll with Start From = Now only
 * the cursor is set; afterwards `fetch(from)` reads everything modified since (cursor − overlap),
 * and records already emitted in the window are dropped. Returns the new records.
 */
export async function pollChanges(
	ctx: IPollFunctions,
	overlapSeconds: number,
	fetch: (from: DateTime | undefined) => Promise<IDataObject[]>,
	describe: (record: IDataObject) => CursorRecord,
): Promise<IDataObject[]> {
	const state = ctx.getWorkflowStaticData('node') as CursorState & IDataObject;
	if (!state.cursor && ctx.getNodeParameter('startFrom', 'now') === 'now') {
		state.cursor = DateTime.utc().toISO() as string;
		state.seen = {};
		return [];
	}
	const records = await fetch(windowStart(state, overlapSeconds));
	const { fresh, next } = selectNew(records, describe, state, overlapSeconds);
	state.cursor = next.cursor;
	state.seen = next.seen;
	return fresh;
}
