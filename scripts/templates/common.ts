/** Pieces every sync template shares: entry points, the Map node, sync status write-back. */
import type { NodeOptions, Position, Template } from './builder';

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
	position: Position,
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
	position: Position,
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

/**
 * The hourly auto-sync: a schedule and Sync Now, then each sync workflow as a sub-workflow in
 * order. A sub-workflow returns its last node's items; one item is enough to start the next step.
 */
export function hourlySteps(t: Template, steps: Array<[label: string, id: string, name: string]>) {
	const manual = t.manualTrigger([0, 0]);
	const schedule = t.scheduleHourly([0, 200]);
	const names = steps.map(([label, id, name], n) =>
		t.callWorkflow(label, [260 + 240 * n, 100], id, name),
	);
	t.connect(manual, names[0]).connect(schedule, names[0]);
	for (let n = 1; n < names.length; n++) {
		const gate = t.add(
			`Then step ${n + 1}`,
			'n8n-nodes-base.limit',
			1,
			[380 + 240 * (n - 1), 300],
			{
				maxItems: 1,
			},
		);
		t.connect(names[n - 1], gate).connect(gate, names[n]);
	}
}

/**
 * The customers workflows' entry: Sync Now takes every customer not linked yet; a call from the
 * invoice sync brings customer IDs, each read and kept only while not linked. Returns the node the
 * two paths meet at.
 */
export function customersToSync(t: Template): string {
	const [manual, called] = triggers(t, 0);
	const unlinked = t.layer('Customers not linked yet', [240, 0], {
		resource: 'customer',
		operation: 'getAll',
		returnAll: true,
		filters: { synced: false },
	});
	const getEach = t.layer(
		'Get each customer',
		[240, 200],
		{
			resource: 'customer',
			operation: 'get',
			customerId: { __rl: true, mode: 'id', value: expr('$json.customerId') },
		},
		{ onError: 'continueRegularOutput' },
	);
	const notLinked = t.filter(
		'Only those not linked',
		[460, 200],
		'={{ !$json.error && $json.sage?.synced !== true }}',
	);
	const toSync = t.noOp('Customers to sync', [700, 100]);
	t.chain(manual, unlinked, toSync).chain(called, getEach, notLinked, toSync);
	return toSync;
}

/** Linked Layer customers, fetched once, for the maps' Lookups › Customers. */
export function linkedCustomers(t: Template, position: Position) {
	return t.layer(
		'Linked customers',
		position,
		{ resource: 'customer', operation: 'getAll', returnAll: true, filters: { synced: true } },
		{ executeOnce: true, alwaysOutputData: true },
	);
}

/** Finalised Layer invoices, fetched once, for the maps' Lookups › Invoices. */
export function layerInvoices(t: Template, position: Position) {
	return t.layer(
		'Layer invoices',
		position,
		{ resource: 'invoice', operation: 'getAll', returnAll: true, filters: { status: 'finalised' } },
		{ executeOnce: true, alwaysOutputData: true },
	);
}

/**
 * Sage receipts, mapped to Layer Sage transactions, recorded in The Layer, matched to the Layer
 * invoices by Sage's own allocation, and reconciled where they match: the tail both "from Sage"
 * templates share. `at` is the record node; the match and reconcile nodes follow to its right.
 */
export function recordAndReconcile(
	t: Template,
	at: Position,
	sageSystem: 'intacct' | 'sage200',
	invoicesList: string,
	options: { extraFields?: Record<string, string>; onError: NodeOptions['onError'] },
) {
	const [x, y] = at;
	const create = t.layer(
		'Record in The Layer',
		at,
		{
			resource: 'sageTransaction',
			operation: 'create',
			sageSystem,
			sageCompany: expr('$json.sageCompany'),
			sageTransactionId: expr('$json.sageTransactionId'),
			type: expr('$json.type'),
			amount: expr('$json.amount'),
			date: expr('$json.date'),
			additionalFields: {
				currency: expr('$json.additionalFields.currency'),
				customerId: expr("$json.additionalFields.customerId ?? ''"),
				reference: expr("$json.additionalFields.reference ?? ''"),
				sageCustomerId: expr("$json.additionalFields.sageCustomerId ?? ''"),
				...options.extraFields,
			},
			allocationsJson: expr('$json.allocationsJson'),
		},
		{ onError: options.onError },
	);
	const reconcile = t.sync('Match to invoices', [x + 240, y], {
		operation: 'reconcile',
		invoices: expr(`$('${invoicesList}').all()`),
		methods: ['allocation'],
	});
	const apply = t.layer('Reconcile in The Layer', [x + 480, y - 100], {
		resource: 'sageTransaction',
		operation: 'reconcile',
		id: expr('$json.id'),
		reconcileJson: expr('$json.reconciliation.allocations'),
	});
	return { create, reconcile, apply };
}
