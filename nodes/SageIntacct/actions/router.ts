import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { appendAll } from '../../shared/itemLoop';
import { IntacctClient } from '../transport/client';
import { AUTO_MAP, AUTO_MAP_RESOURCES, autoMapContext } from './common/dataMode';
import { clientOptions } from './common/params';
import { toItemError } from './common/itemErrors';
import type { IntacctOperation, ItemOutcome } from './common/operation';
import { runPlannedWrites } from './common/runWritesPrepared';
import { operations } from './operations';
import type { IntacctResource } from './node.type';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as IntacctResource;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = (operations[resource] as Record<string, IntacctOperation> | undefined)?.[
		operationName
	];
	if (!operation) {
		throw toItemError(
			this.getNode(),
			new Error(`The operation "${operationName}" is not known for "${resource}"`),
			0,
		);
	}
	const client = new IntacctClient(this, clientOptions(this));
	const indexes = items.map((_, i) => i);
	let outcomes: ItemOutcome[];
	if (operation.kind === 'read') {
		outcomes = [];
		for (const itemIndex of indexes) {
			try {
				outcomes.push({ itemIndex, json: await operation.execute.call(this, itemIndex, client) });
			} catch (error) {
				if (!this.continueOnFail()) throw toItemError(this.getNode(), error, itemIndex);
				outcomes.push({ itemIndex, error: error as Error });
			}
		}
	} else if (operation.kind === 'write') {
		const prepare = operation.prepare;
		const autoMap =
			AUTO_MAP_RESOURCES.has(resource) &&
			this.getNodeParameter('dataMode', 0, 'defineBelow') === AUTO_MAP;
		// Auto-Map: the fields come from each item's JSON, with no expression evaluated per item.
		const context = autoMap ? autoMapContext(this, operation) : this;
		outcomes = await runPlannedWrites(
			this,
			indexes,
			client,
			async (itemIndex) => await prepare.call(context, itemIndex, client),
			async (items) => items.map((x) => x.input),
		);
	} else {
		outcomes = await operation.run.call(this, indexes, client);
	}
	return [toExecutionData(this, outcomes)];
}

function toExecutionData(ctx: IExecuteFunctions, outcomes: ItemOutcome[]): INodeExecutionData[] {
	const out: INodeExecutionData[] = [];
	for (const outcome of outcomes) {
		if ('error' in outcome) {
			const error = toItemError(ctx.getNode(), outcome.error, outcome.itemIndex);
			if (!ctx.continueOnFail()) throw error;
			appendAll(
				out,
				ctx.helpers.constructExecutionMetaData(
					ctx.helpers.returnJsonArray({ error: error.message } as IDataObject),
					{
						itemData: { item: outcome.itemIndex },
					},
				),
			);
			continue;
		}
		appendAll(
			out,
			ctx.helpers.constructExecutionMetaData(ctx.helpers.returnJsonArray(outcome.json), {
				itemData: { item: outcome.itemIndex },
			}),
		);
	}
	return out;
}
