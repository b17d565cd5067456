import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { IntacctOperation } from './operation';

export const AUTO_MAP = 'autoMapInputData';

/** Resources whose write operations offer Data Mode › Auto-Map Input Data. */
export const AUTO_MAP_RESOURCES = new Set(['customer', 'arInvoice', 'arPayment', 'arAdjustment']);
const DEFINE_BELOW = 'defineBelow';

/** Parameters that configure the node, never read from the items in Auto-Map mode. */
const NODE_LEVEL = new Set(['resource', 'operation', 'dataMode', 'requestOptions']);

/** Data Mode for the write operations of `resource`. */
export function dataModeProperty(resource: string, writeOperations: string[]): INodeProperties {
	return {
		displayName: 'Data Mode',
		name: 'dataMode',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Define Below',
				value: DEFINE_BELOW,
				description: 'Set each field on the node, mapping values with expressions',
			},
			{
				name: 'Auto-Map Input Data',
				value: AUTO_MAP,
				description:
					'Each input item already holds the fields under these names (e.g. the output of Sage Sync › Map): no expression is evaluated per item, the fastest way to write thousands of records',
			},
		],
		default: DEFINE_BELOW,
		displayOptions: { show: { resource: [resource], operation: writeOperations } },
	};
}

/** The operation's own fields, shown only when Data Mode is Define Below. */
export function defineBelowOnly(properties: INodeProperties[]): INodeProperties[] {
	return properties.map((property) =>
		property.type === 'notice' || NODE_LEVEL.has(property.name)
			? property
			: {
					...property,
					displayOptions: {
						...property.displayOptions,
						show: { ...property.displayOptions?.show, dataMode: [DEFINE_BELOW] },
					},
				},
	);
}

/** Field names an Auto-Map run reads from each item instead of from the node. */
function fieldNames(operation: IntacctOperation): Set<string> {
	return new Set(
		operation.description
			.filter((p) => p.type !== 'notice' && !NODE_LEVEL.has(p.name))
			.map((p) => p.name),
	);
}

/**
 * The execution context an Auto-Map run prepares its writes with: the operation's fields come
 * from each input item's JSON under the parameter names (`customerId`, `invoiceNo`,
 * `additionalFields`, `lines` or `linesJson`, …); everything else (options, credentials, helpers)
 * is the node's. Validation is the same as for fields set on the node.
 */
export function autoMapContext(
	ctx: IExecuteFunctions,
	operation: IntacctOperation,
): IExecuteFunctions {
	const fields = fieldNames(operation);
	const items = ctx.getInputData();
	const fromItem = (name: string, itemIndex: number, fallback: unknown): unknown => {
		const json: IDataObject = items[itemIndex]?.json ?? {};
		// Lines arrive as data: `linesJson` (what Sage Sync › Map writes) or `lines`, a list.
		if (name === 'linesInput') return 'json';
		if (name === 'linesJson') return json.linesJson ?? json.lines ?? fallback;
		const value = json[name];
		return value === undefined || value === null ? fallback : value;
	};
	const getNodeParameter = (
		name: string,
		itemIndex: number,
		fallback?: unknown,
		options?: Parameters<IExecuteFunctions['getNodeParameter']>[3],
	): unknown =>
		fields.has(name)
			? fromItem(name, itemIndex, fallback)
			: ctx.getNodeParameter(name, itemIndex, fallback as never, options);
	return new Proxy(ctx, {
		get(target, property) {
			if (property === 'getNodeParameter') return getNodeParameter;
			const value: unknown = Reflect.get(target, property, target);
			return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
		},
	});
}
