import type { IDataObject } from 'n8n-workflow';

import { chunk } from '../../../shared/batch';
import type { IntacctClient } from '../../transport/client';
import { IntacctFunctionError, isDuplicateControlId } from '../../transport/errors';
import { queryIn } from '../../transport/functions';
import type { IntacctResult } from '../../transport/response';
import type { PreparedWrite } from './operation';

export type WriteOutcome = { json: IDataObject } | { error: Error };

/**
 * Sends prepared writes in batches and turns each result into an output or an item error.
 * Two items that carry the same control id (the same business write) are sent once.
 * When Intacct says a control id was already processed (an earlier, interrupted attempt or an
 * earlier run applied it), the record is found again by its business key and returned with
 * `outcome: "alreadyApplied"`, so re-running a sync creates nothing twice.
 */
export async function executeWrites(
	client: IntacctClient,
	writes: PreparedWrite[],
): Promise<WriteOutcome[]> {
	const firstByControlId = new Map<string, number>();
	const unique: PreparedWrite[] = [];
	for (const write of writes) {
		if (!firstByControlId.has(write.call.controlId)) {
			firstByControlId.set(write.call.controlId, unique.length);
			unique.push(write);
		}
	}
	const results = await client.sendAll(
		unique.map((w) => w.call),
		{ write: true },
	);
	const recovered = await findAlreadyApplied(client, unique, results);
	const outcomes = unique.map((write, n): WriteOutcome => {
		const result = results[n];
		if (result.status === 'success')
			return { json: { ...write.output(result), outcome: 'applied' } };
		if (isDuplicateControlId(result)) {
			const record = recovered.get(n);
			if (record)
				return {
					json: {
						...(write.existing ? write.existing(record) : record),
						outcome: 'alreadyApplied',
					},
				};
			if (!write.lookup)
				return { json: { controlId: write.call.controlId, outcome: 'alreadyApplied' } };
			return {
				error: new IntacctFunctionError(
					result,
					`Intacct already processed this write of ${write.label} (control ID ${write.call.controlId}) but the record is no longer there. Set Options > Control ID Version to write it again`,
				),
			};
		}
		return { error: new IntacctFunctionError(result, `Could not write ${write.label}`) };
	});
	return writes.map((w) => outcomes[firstByControlId.get(w.call.controlId) as number]);
}

/** One readByQuery per object and key field, for every write refused as already processed. */
async function findAlreadyApplied(
	client: IntacctClient,
	writes: PreparedWrite[],
	results: IntacctResult[],
): Promise<Map<number, IDataObject>> {
	const groups = new Map<
		string,
		Array<{ n: number; lookup: NonNullable<PreparedWrite['lookup']> }>
	>();
	writes.forEach((write, n) => {
		if (!write.lookup || !isDuplicateControlId(results[n])) return;
		const key = `${write.lookup.object}|${write.lookup.field}|${write.lookup.fields ?? '*'}`;
		const group = groups.get(key) ?? [];
		group.push({ n, lookup: write.lookup });
		groups.set(key, group);
	});
	const found = new Map<number, IDataObject>();
	for (const group of groups.values()) {
		const { object, field, fields } = group[0].lookup;
		for (const part of chunk(group, 100)) {
			const records = await client.readByQueryAll(
				object,
				fields ?? '*',
				queryIn(
					field,
					part.map((g) => g.lookup.value),
				),
			);
			const byValue = new Map(records.map((r) => [String(r[field] ?? ''), r]));
			for (const g of part) {
				const record = byValue.get(g.lookup.value);
				if (record) found.set(g.n, record);
			}
		}
	}
	return found;
}
