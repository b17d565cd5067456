import type { IExecuteFunctions } from 'n8n-workflow';

import type { IntacctClient } from '../../transport/client';
import { executeWrites } from './executeWrites';
import { toItemError } from './itemErrors';
import type { ItemOutcome, PreparedWrite } from './operation';

export interface ParsedItem<T> {
	itemIndex: number;
	input: T;
}

/**
 * The write pipeline every write operation runs through:
 *  1. parse each item (validation only, nothing sent); without continueOnFail, the first bad item
 *     stops the run here, before anything is written;
 *  2. plan the writes for all valid items at once (this may read, e.g. to find existing records),
 *     returning a prepared write or an Error per item;
 *  3. send the writes in batches and map results back to items.
 */
export async function runPlannedWrites<T>(
	ctx: IExecuteFunctions,
	indexes: number[],
	client: IntacctClient,
	parse: (itemIndex: number) => T | Promise<T>,
	plan: (items: Array<ParsedItem<T>>) => Promise<Array<PreparedWrite | Error>>,
): Promise<ItemOutcome[]> {
	const outcomes = new Map<number, ItemOutcome>();
	const fail = (itemIndex: number, error: unknown) => {
		if (!ctx.continueOnFail()) throw toItemError(ctx.getNode(), error, itemIndex);
		outcomes.set(itemIndex, { itemIndex, error: error as Error });
	};
	const parsed: Array<ParsedItem<T>> = [];
	for (const itemIndex of indexes) {
		try {
			parsed.push({ itemIndex, input: await parse(itemIndex) });
		} catch (error) {
			fail(itemIndex, error);
		}
	}
	const planned = parsed.length ? await plan(parsed) : [];
	const ready: Array<{ itemIndex: number; write: PreparedWrite }> = [];
	planned.forEach((entry, n) => {
		if (entry instanceof Error) fail(parsed[n].itemIndex, entry);
		else ready.push({ itemIndex: parsed[n].itemIndex, write: entry });
	});
	const results = await executeWrites(
		client,
		ready.map((r) => r.write),
	);
	ready.forEach((r, n) => {
		const result = results[n];
		outcomes.set(
			r.itemIndex,
			'json' in result
				? { itemIndex: r.itemIndex, json: [result.json] }
				: { itemIndex: r.itemIndex, error: result.error },
		);
	});
	return indexes.map((i) => outcomes.get(i) as ItemOutcome);
}

/** Runs `build` and returns its error instead of throwing, for per-item planning. */
export function attempt<R>(build: () => R): R | Error {
	try {
		return build();
	} catch (error) {
		return error instanceof Error ? error : new Error(String(error));
	}
}
