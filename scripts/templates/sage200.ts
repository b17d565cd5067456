/**
 * The Layer ↔ Sage 200 templates (issue 7), plus the customer upload (link file) and the customers
 * grid export, which serve Sage 200 and Intacct alike. Sub-companies map to Sage 200 companies
 * ("siteId:companyId"), so one run serves every company; the demo values fit the sandboxes.
 */
import { Template, allOf, itemOf } from './builder';
import {
	customersToSync,
	ERROR_NOTE,
	expr,
	hourlySteps,
	layerInvoices,
	linkedCustomers,
	markSync,
	PUBLISH_NOTE,
	recordAndReconcile,
	syncMap,
	triggers,
} from './common';

export const SAGE200_IDS = {
	customers: 'tlsS200Cust0001',
	invoices: 'tlsS200Inv00001',
	receipts: 'tlsS200Rcpt0001',
	credits: 'tlsS200CnRf0001',
	fromSage: 'tlsS200FromSage1',
	balances: 'tlsS200Balance1',
	reference: 'tlsS200Ref00001',
	hourly: 'tlsS200Hourly01',
	upload: 'tlsLinkUpload01',
	exportGrid: 'tlsGridExport01',
} as const;

/** The sandbox's site and its two companies (sandbox/sage200/seed.ts). */
const SITE = '4f8a2b1c-9d3e-4c2a-8b7f-0a1b2c3d4e5f';
export const SAGE200_COMPANIES = { uk: `${SITE}:101`, ireland: `${SITE}:102` };

const MAPPINGS = {
	subCompany: [
		{ from: 'sub_0001', to: SAGE200_COMPANIES.uk },
		{ from: 'sub_0002', to: SAGE200_COMPANIES.ireland },
	],
	// Bank record IDs, the same in both demo companies: 1 current account, 2 Stripe clearing.
	paymentMethod: [
		{ from: 'pm_0001', to: '1' },
		{ from: 'pm_0002', to: '2' },
		{ from: 'pm_0003', to: '1' },
	],
	nominalCode: [
		{ from: '4000', to: '4000' },
		{ from: '4010', to: '4010' },
		{ from: '4020', to: '4020' },
	],
	// Tax code record IDs: 2 is the standard rate (20 % UK, 23 % Ireland), 1 zero rated.
	taxRate: [
		{ from: '20', to: '2' },
		{ from: '23', to: '2' },
		{ from: '0', to: '1' },
	],
};

const MAPPING_NOTE =
	'**Mapping tables** live in the Sage Sync "Map" node: sub-company → Sage 200 company ("siteId:companyId"), payment method → bank ID, nominal code → nominal code, VAT rate → tax code ID. The values here fit the sandboxes; replace them with yours.';
const CREDENTIALS_NOTE =
	'**Credentials**: "The Layer account" (Token1/Token2) and "Sage 200 account" (OAuth2 through Sage ID: Connect once in the credential).';
/** What every Layer → Sage sync note ends with. */
const SYNC_NOTES = [MAPPING_NOTE, CREDENTIALS_NOTE, ERROR_NOTE, PUBLISH_NOTE];
const COMPANIES_NOTE =
	'**Sage 200 companies** read by this workflow are listed in the "Sage 200 companies" node; keep it in step with the Sub-Company mapping.';

const GUARD_NOTE =
	'**Never two at once**: *Skip if already running* lets a run through only when no other run of this workflow is in progress (Sage 200 has no idempotency key, so two overlapping runs could post the same transaction twice). Give it an **n8n API** credential (Settings › n8n API: an API key with the `execution:list` scope, base URL `https://<your n8n>/api/v1`); without one it lets every run through and warns.';

const rl = (value: string) => ({ __rl: true, mode: 'id', value });

/**
 * Puts Sage Sync › Skip If Already Running between the triggers and `first`: a run goes on only
 * when no other run of this workflow is in progress, else it ends in a No Op (so a calling hourly
 * sync still gets an item and goes on to its next step). Call it last: it moves the nodes after the
 * triggers right to make room.
 */
function guardRuns(t: Template, triggers: string[], first: string): void {
	t.shiftRight(200, 240);
	const guard = t.sync(
		'Skip if already running',
		[240, 100],
		{ operation: 'skipIfRunning', staleAfterHours: 12 },
		{
			notes:
				'Choose an n8n API credential here so two runs of this sync never post at once (Sage 200 has no idempotency key).',
			notesInFlow: true,
		},
	);
	const skipped = t.noOp('Skipped: another run is syncing', [480, 320]);
	for (const trigger of triggers) t.connect(trigger, guard);
	t.connect(guard, first, 0).connect(guard, skipped, 1);
}

const mapNode = (
	t: Template,
	name: string,
	position: [number, number],
	preset: string,
	lookups: { customers?: string; invoices?: string } = {},
	extra: Record<string, unknown> = {},
) => syncMap(t, name, position, preset, MAPPINGS, lookups, extra);

/**
 * The Sage transaction ID written to The Layer: "companyId/postedTransactionId", since Sage 200
 * ids repeat across companies (the same rule as the receipts-to-Layer mapping).
 */
function qualified(mapNodeName: string, idExpr: string): string {
	return `${itemOf(mapNodeName, 'company')}.split(':')[1] + '/' + ${idExpr}`;
}

/** One item per Sage 200 company, for reads that go company by company. */
function companies(t: Template, position: [number, number]): string {
	const list = t.json(
		'Sage 200 companies',
		position,
		{
			companies: [SAGE200_COMPANIES.uk, SAGE200_COMPANIES.ireland],
		},
		{ executeOnce: true },
	);
	const each = t.splitOut('One item per company', [position[0] + 220, position[1]], 'companies');
	t.connect(list, each);
	return each;
}

/** The company a Sage 200 record was read from, kept on it (`_company`). */
function tagCompany(t: Template, name: string, position: [number, number], perCompany: string) {
	return t.set(
		name,
		position,
		[['_company', 'string', expr(`$('${perCompany}').item.json.companies`)]],
		{},
		true,
	);
}

// ---------------------------------------------------------------------------------------------
// 1. Customers and contacts Layer → Sage 200
// ---------------------------------------------------------------------------------------------
function customers(): Template {
	const t = new Template(
		'sage200-1-customers.json',
		SAGE200_IDS.customers,
		'Layer → Sage 200: customers and contacts',
		'Creates each Layer customer (and its primary contact) in its Sage 200 company once and writes the link back',
	);
	t.overview(
		[
			'Sends Layer customers to the Sage 200 company of their sub-company, with their primary contact, and writes the Sage link (company, customer ID, account reference) back. One way: later edits in Sage 200 are not brought back.',
			'',
			'- **Sync Now** sends every customer not linked yet; the **invoice sync** calls it for the customers of the invoices it sends ("on their first sales order").',
			'- Matching: the existing link, else the account reference (an existing Sage 200 customer with the reference is linked, not duplicated).',
			'',
			...SYNC_NOTES,
		],
		[640, 370],
	);
	const toSync = customersToSync(t);
	const map = mapNode(t, 'Map to Sage 200 customer', [900, 100], 'customerToSage200');
	const create = t.sage200(
		'Create in Sage 200 (or find by reference)',
		[1140, 0],
		{
			company: expr('$json.company'),
			resource: 'customer',
			operation: 'create',
			reference: expr('$json.reference'),
			name: expr('$json.name'),
			additionalFields: Object.fromEntries(
				['telephone_subscriber_number', 'fax_subscriber_number', 'website', 'vat_number'].map(
					(f) => [f, expr(`$json.additionalFields.${f} ?? ''`)],
				),
			),
		},
		{ onError: 'continueErrorOutput' },
	);
	const link = t.layer('Write the Sage link', [1380, 0], {
		resource: 'customer',
		operation: 'setSageLink',
		customerId: rl(expr(itemOf(map, 'source.id'))),
		linkFields: {
			sageCompany: expr(itemOf(map, 'company')),
			sageSiteId: expr(`${itemOf(map, 'company')}.split(':')[0]`),
			sageCustomerId: expr(`String(${itemOf(create, 'id')})`),
			sageAccountNumber: expr(itemOf(create, 'reference')),
			synced: true,
			lastSyncError: '',
		},
	});
	const hasContact = t.filter(
		'Has a contact?',
		[1600, 0],
		`={{ ${itemOf(map, 'hasContact')} === true }}`,
	);
	const contact = t.sage200(
		'Add the contact (once)',
		[1820, 0],
		{
			company: expr(itemOf(map, 'company')),
			resource: 'customerContact',
			operation: 'create',
			customerId: rl(expr(`String(${itemOf(create, 'id')})`)),
			contactFields: Object.fromEntries(
				['first_name', 'last_name', 'email', 'telephone', 'mobile'].map((f) => [
					f,
					expr(`${itemOf(map, `contactFields.${f}`)} ?? ''`),
				]),
			),
		},
		{ onError: 'continueRegularOutput' },
	);
	const failed = t.layer('Record the sync error', [1380, 240], {
		resource: 'customer',
		operation: 'setSageLink',
		customerId: rl(expr(itemOf(toSync, 'id'))),
		linkFields: { synced: false, lastSyncError: expr('$json.error') },
	});
	t.chain(toSync, map).connect(map, create, 0).connect(map, failed, 1);
	t.connect(create, link, 0).connect(create, failed, 1);
	t.chain(link, hasContact, contact);
	return t;
}

function pendingOf(
	t: Template,
	name: string,
	position: [number, number],
	resource: string,
	extra = {},
) {
	return t.layer(
		name,
		position,
		{ resource, operation: 'getAll', returnAll: true, filters: { synced: false, ...extra } },
		{ executeOnce: true },
	);
}

// ---------------------------------------------------------------------------------------------
// 2. Invoices Layer → Sage 200
// ---------------------------------------------------------------------------------------------
function invoices(): Template {
	const t = new Template(
		'sage200-2-invoices.json',
		SAGE200_IDS.invoices,
		'Layer → Sage 200: sales invoices',
		'Finalised invoices not yet in Sage become Sage 200 sales invoices in their company; customers first',
	);
	t.overview(
		[
			'Finalised Layer invoices not marked synced are posted as **sales invoices** in the Sage 200 company of their sub-company, one nominal analysis line per nominal code and tax code, then marked synced with the posted transaction ID.',
			'',
			'1. Their customers are synced first (the **customers** workflow).',
			'2. Before posting, Sage 200 is asked whether the customer already has an invoice with this reference: a retried run never posts twice.',
			'',
			...SYNC_NOTES,
			GUARD_NOTE,
		],
		[660, 500],
	);
	const [manual, called] = triggers(t, 0);
	const pending = pendingOf(t, 'Finalised invoices not in Sage', [240, 100], 'invoice', {
		status: 'finalised',
	});
	const perCustomer = t.removeDuplicates('One per customer', [460, 100], 'customerId');
	const syncCustomers = t.callWorkflow(
		'Sync their customers first',
		[680, 100],
		SAGE200_IDS.customers,
		'Layer → Sage 200: customers and contacts',
	);
	const linked = linkedCustomers(t, [900, 100]);
	const toSync = pendingOf(t, 'Invoices to sync', [1120, 100], 'invoice', { status: 'finalised' });
	t.chain(pending, perCustomer, syncCustomers, linked, toSync);
	const map = mapNode(t, 'Map to sales invoice', [1340, 100], 'invoiceToSage200', {
		customers: linked,
	});
	const post = t.sage200(
		'Post sales invoice',
		[1580, 0],
		{
			company: expr('$json.company'),
			resource: 'salesInvoice',
			operation: 'create',
			customerId: rl(expr('$json.customerId')),
			reference: expr('$json.reference'),
			transactionDate: expr('$json.transactionDate'),
			dueDate: expr('$json.dueDate'),
			linesJson: expr('$json.linesJson'),
			secondReference: expr("$json.secondReference ?? ''"),
		},
		{ onError: 'continueErrorOutput' },
	);
	const done = markSync(
		t,
		'Mark synced in The Layer',
		[1820, 0],
		'invoice',
		itemOf(toSync, 'id'),
		qualified(map, '$json.id'),
	);
	const failed = markSync(
		t,
		'Record the sync error',
		[1820, 220],
		'invoice',
		itemOf(toSync, 'id'),
		undefined,
	);
	t.chain(toSync, map).connect(map, post, 0).connect(map, failed, 1);
	t.connect(post, done, 0).connect(post, failed, 1);
	guardRuns(t, [manual, called], pending);
	return t;
}

// ---------------------------------------------------------------------------------------------
// 3. Payments Layer → Sage 200 receipts, allocated
// ---------------------------------------------------------------------------------------------
function receipts(): Template {
	const t = new Template(
		'sage200-3-receipts.json',
		SAGE200_IDS.receipts,
		'Layer → Sage 200: receipts, allocated',
		'Layer payments become Sage 200 sales receipts into the mapped bank, allocated to their invoices',
	);
	t.overview(
		[
			'Payments taken in The Layer are posted as **sales receipts** into the bank mapped from the payment method, then **allocated** to the invoices the payment paid (partial and multi-invoice allocations included), so the invoices are offset by the receipt in Sage 200.',
			'',
			'Payments that came from Sage (reconciled Sage transactions) are skipped: they are already there.',
			'',
			...SYNC_NOTES,
			GUARD_NOTE,
		],
		[660, 480],
	);
	const [manual, called] = triggers(t, 0);
	const linked = linkedCustomers(t, [240, 100]);
	const invoicesList = layerInvoices(t, [460, 100]);
	const pending = pendingOf(t, 'Payments not in Sage', [680, 100], 'payment');
	const fromLayer = t.filter('Taken in The Layer', [900, 100], "={{ $json.source !== 'sage' }}");
	const map = mapNode(t, 'Map to sales receipt', [1120, 100], 'paymentToSage200', {
		customers: linked,
		invoices: invoicesList,
	});
	const post = t.sage200(
		'Post sales receipt',
		[1360, 0],
		{
			company: expr('$json.company'),
			resource: 'salesReceipt',
			operation: 'create',
			customerId: rl(expr('$json.customerId')),
			bankId: expr('$json.bankId'),
			amount: expr('$json.amount'),
			transactionDate: expr('$json.transactionDate'),
			reference: expr('$json.reference'),
			secondReference: expr("$json.secondReference ?? ''"),
		},
		{ onError: 'continueErrorOutput' },
	);
	const allocate = t.sage200(
		'Allocate to its invoices',
		[1600, 0],
		{
			company: expr(itemOf(map, 'company')),
			resource: 'allocation',
			operation: 'create',
			customerId: rl(expr(itemOf(map, 'customerId'))),
			creditReference: expr(itemOf(map, 'reference')),
			allocateToJson: expr(itemOf(map, 'allocateToJson')),
		},
		{ onError: 'continueErrorOutput' },
	);
	const done = markSync(
		t,
		'Mark synced in The Layer',
		[1840, 0],
		'payment',
		itemOf(fromLayer, 'id'),
		qualified(map, itemOf(post, 'id')),
	);
	const failed = markSync(
		t,
		'Record the sync error',
		[1840, 220],
		'payment',
		itemOf(fromLayer, 'id'),
		undefined,
	);
	t.chain(linked, invoicesList, pending, fromLayer, map);
	t.connect(map, post, 0).connect(map, failed, 1);
	t.connect(post, allocate, 0).connect(post, failed, 1);
	t.connect(allocate, done, 0).connect(allocate, failed, 1);
	guardRuns(t, [manual, called], linked);
	return t;
}

// ---------------------------------------------------------------------------------------------
// 4. Credit notes and refunds Layer → Sage 200
// ---------------------------------------------------------------------------------------------
function credits(): Template {
	const t = new Template(
		'sage200-4-credit-notes-refunds.json',
		SAGE200_IDS.credits,
		'Layer → Sage 200: credit notes and refunds',
		'Credit notes become sales credit notes allocated to their invoices; refunds become sales payments',
	);
	t.overview(
		[
			'- **Credit notes** are posted as sales credit notes and allocated to the invoices they were allocated to in The Layer.',
			'- **Refunds** are posted as sales payments (money back to the customer) from the mapped bank.',
			'',
			'Both are marked synced in The Layer with the posted transaction ID.',
			'',
			...SYNC_NOTES,
			GUARD_NOTE,
		],
		[660, 460],
	);
	const [manual, called] = triggers(t, 0);
	const linked = linkedCustomers(t, [240, 100]);
	const invoicesList = layerInvoices(t, [460, 100]);
	t.chain(linked, invoicesList);

	const notes = pendingOf(t, 'Credit notes not in Sage', [700, 0], 'creditNote');
	const mapNote = mapNode(t, 'Map to sales credit note', [920, 0], 'creditNoteToSage200', {
		customers: linked,
		invoices: invoicesList,
	});
	const postNote = t.sage200(
		'Post sales credit note',
		[1160, -100],
		{
			company: expr('$json.company'),
			resource: 'salesCreditNote',
			operation: 'create',
			customerId: rl(expr('$json.customerId')),
			reference: expr('$json.reference'),
			transactionDate: expr('$json.transactionDate'),
			linesJson: expr('$json.linesJson'),
			secondReference: expr("$json.secondReference ?? ''"),
		},
		{ onError: 'continueErrorOutput' },
	);
	const allocated = t.ifTrue(
		'Allocated to invoices?',
		[1400, -100],
		`={{ ${itemOf(mapNote, 'allocateToJson')}.length > 0 }}`,
	);
	const allocate = t.sage200(
		'Allocate to its invoices',
		[1620, -160],
		{
			company: expr(itemOf(mapNote, 'company')),
			resource: 'allocation',
			operation: 'create',
			customerId: rl(expr(itemOf(mapNote, 'customerId'))),
			creditReference: expr(itemOf(mapNote, 'reference')),
			allocateToJson: expr(itemOf(mapNote, 'allocateToJson')),
		},
		{ onError: 'continueErrorOutput' },
	);
	const noteDone = markSync(
		t,
		'Mark credit note synced',
		[1860, -100],
		'creditNote',
		itemOf(notes, 'id'),
		qualified(mapNote, itemOf(postNote, 'id')),
	);
	const noteFailed = markSync(
		t,
		'Record credit note error',
		[1860, 120],
		'creditNote',
		itemOf(notes, 'id'),
		undefined,
	);
	t.chain(invoicesList, notes, mapNote);
	t.connect(mapNote, postNote, 0).connect(mapNote, noteFailed, 1);
	t.connect(postNote, allocated, 0).connect(postNote, noteFailed, 1);
	t.connect(allocated, allocate, 0).connect(allocated, noteDone, 1);
	t.connect(allocate, noteDone, 0).connect(allocate, noteFailed, 1);

	const refunds = pendingOf(t, 'Refunds not in Sage', [700, 380], 'refund');
	const mapRefund = mapNode(t, 'Map to sales payment', [920, 380], 'refundToSage200', {
		customers: linked,
		invoices: invoicesList,
	});
	const postRefund = t.sage200(
		'Post sales payment (refund)',
		[1160, 380],
		{
			company: expr('$json.company'),
			resource: 'salesRefund',
			operation: 'create',
			customerId: rl(expr('$json.customerId')),
			bankId: expr('$json.bankId'),
			amount: expr('$json.amount'),
			transactionDate: expr('$json.transactionDate'),
			reference: expr('$json.reference'),
			secondReference: expr("$json.secondReference ?? ''"),
		},
		{ onError: 'continueErrorOutput' },
	);
	const refundDone = markSync(
		t,
		'Mark refund synced',
		[1400, 360],
		'refund',
		itemOf(refunds, 'id'),
		qualified(mapRefund, '$json.id'),
	);
	const refundFailed = markSync(
		t,
		'Record refund error',
		[1400, 560],
		'refund',
		itemOf(refunds, 'id'),
		undefined,
	);
	t.chain(invoicesList, refunds, mapRefund);
	t.connect(mapRefund, postRefund, 0).connect(mapRefund, refundFailed, 1);
	t.connect(postRefund, refundDone, 0).connect(postRefund, refundFailed, 1);
	guardRuns(t, [manual, called], linked);
	return t;
}

// ---------------------------------------------------------------------------------------------
// 5. Receipts recorded in Sage 200 → The Layer
// ---------------------------------------------------------------------------------------------
function fromSage(): Template {
	const t = new Template(
		'sage200-5-receipts-to-layer.json',
		SAGE200_IDS.fromSage,
		'Sage 200 → Layer: receipts recorded in Sage 200',
		'Sales receipts posted in Sage 200 become Layer Sage transactions; allocated ones are reconciled',
	);
	t.overview(
		[
			'Sales receipts posted in Sage 200 (not the ones this package sent) become **Sage transactions** in The Layer, one per receipt (its posted transaction ID).',
			'',
			'- Receipts **allocated** to invoices The Layer knows are **reconciled** at once.',
			"- **Unallocated** receipts stay unreconciled in The Layer's Sage transactions list for a person: The Layer cannot match those automatically.",
			'',
			COMPANIES_NOTE,
			CREDENTIALS_NOTE,
			PUBLISH_NOTE,
			GUARD_NOTE,
		],
		[660, 460],
	);
	const [manual, called] = triggers(t, 0);
	const knownPayments = t.layer(
		'Layer payments already in Sage',
		[240, 100],
		{ resource: 'payment', operation: 'getAll', returnAll: true, filters: { synced: true } },
		{ executeOnce: true, alwaysOutputData: true },
	);
	const knownTransactions = t.layer(
		'Sage transactions already recorded',
		[460, 100],
		{ resource: 'sageTransaction', operation: 'getAll', returnAll: true },
		{ executeOnce: true, alwaysOutputData: true },
	);
	const linked = linkedCustomers(t, [680, 100]);
	const invoicesList = layerInvoices(t, [900, 100]);
	const known = t.set(
		'Known receipt IDs',
		[1120, 100],
		[
			[
				'known',
				'object',
				expr(
					`Object.fromEntries([...${allOf(knownPayments)}.map(p => p.sage?.sageTransactionId), ...${allOf(knownTransactions)}.filter(s => s.sageSystem === 'sage200').map(s => s.sageTransactionId)].filter(Boolean).map(id => [String(id), true]))`,
				),
			],
		],
		{ executeOnce: true },
	);
	t.chain(knownPayments, knownTransactions, linked, invoicesList, known);
	const perCompany = companies(t, [1340, 100]);
	t.connect(known, 'Sage 200 companies');
	const posted = t.sage200('Posted receipts', [1780, 100], {
		company: expr('$json.companies'),
		resource: 'postedTransaction',
		operation: 'getAll',
		returnAll: true,
		filters: { type: 'receipt' },
		pageSize: 500,
	});
	const tagged = tagCompany(t, 'Keep the company', [2000, 100], perCompany);
	const fresh = t.filter(
		'Not known to The Layer',
		[2220, 100],
		`={{ $('${known}').first().json.known[$json._company.split(':')[1] + '/' + $json.id] !== true }}`,
	);
	const map = mapNode(
		t,
		'Map to Sage transaction',
		[2440, 100],
		'sage200ReceiptToLayer',
		{ customers: linked, invoices: invoicesList },
		{ sageCompany: expr('$json._company') },
	);
	const { create, reconcile, apply } = recordAndReconcile(t, [2680, 0], 'sage200', invoicesList, {
		extraFields: { sageAccountNumber: expr("$json.additionalFields.sageAccountNumber ?? ''") },
		onError: 'continueErrorOutput',
	});
	const queued = t.noOp('Unallocated: queued for a person', [3160, 120]);
	const failed = t.noOp('Could not record (see error)', [2920, 240]);
	t.chain(perCompany, posted, tagged, fresh, map);
	t.connect(map, create, 0).connect(map, failed, 1);
	t.connect(create, reconcile, 0).connect(create, failed, 1);
	t.connect(reconcile, apply, 0).connect(reconcile, queued, 1).connect(reconcile, queued, 2);
	guardRuns(t, [manual, called], knownPayments);
	return t;
}

// ---------------------------------------------------------------------------------------------
// 6. Balances Sage 200 → The Layer
// ---------------------------------------------------------------------------------------------
function balances(): Template {
	const t = new Template(
		'sage200-6-balances.json',
		SAGE200_IDS.balances,
		'Sage 200 → Layer: balances, credit limits, on hold',
		'Each linked customer gets its Sage 200 balance, credit limit and on-hold status',
	);
	t.overview(
		[
			"Copies each linked customer's **balance**, **credit limit** and **on hold** flag from Sage 200 onto the Layer customer, where the customers grid shows them.",
			'',
			COMPANIES_NOTE,
			CREDENTIALS_NOTE,
			PUBLISH_NOTE,
		],
		[620, 270],
	);
	const [manual, called] = triggers(t, 0);
	const linked = linkedCustomers(t, [240, 100]);
	t.connect(manual, linked).connect(called, linked);
	const perCompany = companies(t, [460, 100]);
	t.connect(linked, 'Sage 200 companies');
	const sageCustomers = t.sage200('Sage 200 customers', [900, 100], {
		company: expr('$json.companies'),
		resource: 'customer',
		operation: 'getAll',
		returnAll: true,
		pageSize: 500,
	});
	const tagged = tagCompany(t, 'Keep the company', [1120, 100], perCompany);
	const withLayer = t.set(
		'With the Layer customer',
		[1340, 100],
		[
			[
				'layerCustomer',
				'object',
				expr(
					`${allOf(linked)}.find(c => c.sage?.sageCompany === $json._company && String(c.sage?.sageCustomerId) === String($json.id)) ?? {}`,
				),
			],
		],
		{},
		true,
	);
	const isLinked = t.filter('Linked in The Layer?', [1560, 100], '={{ !!$json.layerCustomer.id }}');
	const set = t.layer('Set balances', [1780, 100], {
		resource: 'customer',
		operation: 'setBalances',
		customerId: rl(expr('$json.layerCustomer.id')),
		balance: expr('$json.balance'),
		creditLimit: expr('$json.credit_limit'),
		onHold: expr('$json.on_hold === true'),
		currency: expr("$json.layerCustomer.currency || 'GBP'"),
	});
	t.chain(perCompany, sageCustomers, tagged, withLayer, isLinked, set);
	return t;
}

// ---------------------------------------------------------------------------------------------
// 7. Nominal codes and banks
// ---------------------------------------------------------------------------------------------
function referenceData(): Template {
	const t = new Template(
		'sage200-7-reference-data.json',
		SAGE200_IDS.reference,
		'Sage 200 ↔ Layer: nominal codes and banks',
		'Sage 200 sales nominal codes → Layer nominal codes; banks listed for the payment-method mapping',
	);
	t.overview(
		[
			'- **Nominal codes**: the sales nominal codes (4000–4999) of each Sage 200 company become Layer nominal codes (created once).',
			"- **Banks**: each company's bank accounts are listed (ID, nominal, currency) as rows for the Payment Method mapping table.",
			'',
			COMPANIES_NOTE,
			CREDENTIALS_NOTE,
		],
		[620, 270],
	);
	const manual = t.manualTrigger([0, 100]);
	const perCompany = companies(t, [220, 100]);
	t.connect(manual, 'Sage 200 companies');
	const codes = t.sage200('Sage 200 nominal codes', [660, 0], {
		company: expr('$json.companies'),
		resource: 'nominalCode',
		operation: 'getAll',
		returnAll: true,
		pageSize: 500,
	});
	const sales = t.filter(
		'Sales codes',
		[880, 0],
		'={{ /^4\\d{3}$/.test(String($json.reference)) }}',
	);
	const once = t.removeDuplicates('One per code', [1100, 0], 'reference');
	const create = t.layer('Create nominal code', [1320, 0], {
		resource: 'nominalCode',
		operation: 'create',
		code: expr('$json.reference'),
		name: expr('$json.name'),
		active: true,
	});
	const banks = t.sage200('Sage 200 banks', [660, 220], {
		company: expr('$json.companies'),
		resource: 'bank',
		operation: 'getAll',
		returnAll: true,
		pageSize: 500,
	});
	const rows = t.set(
		'Bank rows for the mapping',
		[880, 220],
		[
			['company', 'string', expr(`$('${perCompany}').item.json.companies`)],
			['bankId', 'string', expr('String($json.id)')],
			['description', 'string', expr('$json.description')],
			['nominal', 'string', expr("$json.bank_account_nominal_reference ?? ''")],
		],
	);
	t.chain(perCompany, codes, sales, once, create);
	t.chain(perCompany, banks, rows);
	return t;
}

// ---------------------------------------------------------------------------------------------
// 8. Customer upload: link file (XLSX or CSV) → Layer customer links
// ---------------------------------------------------------------------------------------------
const LINK_COLUMNS = [
	'CustomerId',
	'SageCompanyName',
	'SageSiteId',
	'SageAccountNumber',
	'SageCustomerId',
	'Synced',
];

function upload(): Template {
	const t = new Template(
		'customer-upload-link-file.json',
		SAGE200_IDS.upload,
		'Customer upload: link Layer customers to Sage from a file',
		'Reads an XLSX or CSV link file, validates every row, and writes the links to The Layer',
	);
	t.overview(
		[
			`The Layer's customer upload, for Sage 200 and Sage Intacct: a spreadsheet with the columns **${LINK_COLUMNS.join(', ')}** (the customers grid export makes one).`,
			'',
			'1. Put the file where n8n can read it and set its path in **File**. `.xlsx` and `.csv` both work.',
			'2. **Validate** checks every row: mandatory columns, SageAccountNumber or SageCustomerId, a CustomerId The Layer knows, Synced is yes/no.',
			'3. If any row is bad, **nothing is written**: the report lists each bad row with its reason. Fix the file and run again.',
			"4. Otherwise each row becomes the Layer customer's Sage link (rows with Synced = no unlink).",
			'',
			'**Credentials**: "The Layer account".',
		],
		[660, 370],
		'Customer upload: link Layer customers to Sage',
	);
	const manual = t.manualTrigger([0, 100], 'Upload now');
	const settings = t.json('File', [220, 100], {
		path: '/home/node/.n8n-files/sage-customer-links.xlsx',
	});
	const read = t.add('Read the file', 'n8n-nodes-base.readWriteFile', 1, [440, 100], {
		fileSelector: expr('$json.path'),
		options: {},
	});
	const isCsv = t.ifTrue(
		'CSV?',
		[660, 100],
		"={{ $json.path.toLowerCase().endsWith('.csv') || ($binary.data?.fileExtension ?? '').toLowerCase() === 'csv' }}",
	);
	const csv = t.add('Rows from CSV', 'n8n-nodes-base.extractFromFile', 1, [880, 0], {
		operation: 'csv',
		options: { headerRow: true },
	});
	const xlsx = t.add('Rows from XLSX', 'n8n-nodes-base.extractFromFile', 1, [880, 200], {
		operation: 'xlsx',
		options: { headerRow: true },
	});
	const customers = t.layer(
		'Layer customers',
		[1100, 100],
		{ resource: 'customer', operation: 'getAll', returnAll: true },
		{ executeOnce: true, alwaysOutputData: true },
	);
	const both = t.add('With the customer list', 'n8n-nodes-base.merge', 3.2, [1320, 100], {
		mode: 'chooseBranch',
		chooseBranchMode: 'waitForAll',
		output: 'specifiedInput',
		useDataOfInput: 1,
	});
	const rows = t.noOp('Rows', [1100, -60]);
	const validate = t.sync('Validate', [1540, 100], {
		operation: 'validateLinkFile',
		knownCustomers: expr(`$('${customers}').all()`),
		skipBadRows: false,
		firstRowNumber: 2,
	});
	const write = t.layer('Write the link', [1780, 0], {
		resource: 'customer',
		operation: 'setSageLink',
		customerId: rl(expr('$json.customerId')),
		linkFields: {
			sageCompany: expr('$json.linkFields.sageCompany'),
			sageSiteId: expr("$json.linkFields.sageSiteId ?? ''"),
			sageCustomerId: expr("$json.linkFields.sageCustomerId ?? ''"),
			sageAccountNumber: expr("$json.linkFields.sageAccountNumber ?? ''"),
			synced: expr('$json.linkFields.synced'),
			lastSyncError: '',
		},
	});
	const report = t.set(
		'Report of bad rows',
		[1780, 220],
		[
			['row', 'number', expr('$json.rowNumber')],
			['customerId', 'string', expr("$json.customerId ?? ''")],
			['reason', 'string', expr('$json.reason')],
		],
	);
	t.chain(manual, settings, read, isCsv);
	t.connect(isCsv, csv, 0).connect(isCsv, xlsx, 1);
	t.connect(csv, rows).connect(xlsx, rows);
	t.connect(rows, both, 0, 0).connect(rows, customers).connect(customers, both, 0, 1);
	t.chain(both, validate).connect(validate, write, 0).connect(validate, report, 1);
	return t;
}

// ---------------------------------------------------------------------------------------------
// 9. Customers grid export → XLSX in the upload's layout
// ---------------------------------------------------------------------------------------------
function exportGrid(): Template {
	const t = new Template(
		'customers-grid-export.json',
		SAGE200_IDS.exportGrid,
		'Customers grid export: Sage links as XLSX',
		'Every Layer customer with Synced, Sage company, customer ID and account number, in the upload layout',
	);
	t.overview(
		[
			`Writes every Layer customer with its Sage link to an XLSX file in exactly the customer upload's layout (**${LINK_COLUMNS.join(', ')}**), so it can be edited (fill in Sage IDs, set Synced) and uploaded again with the **Customer upload** workflow.`,
			'',
			'Set where the file goes in **File**.',
			'',
			'**Credentials**: "The Layer account".',
		],
		[620, 290],
		'Customers grid export',
	);
	const manual = t.manualTrigger([0, 100], 'Export now');
	const customers = t.layer('Layer customers', [220, 100], {
		resource: 'customer',
		operation: 'getAll',
		returnAll: true,
	});
	const row = t.set(
		'Upload columns',
		[440, 100],
		[
			['CustomerId', 'string', expr('$json.id')],
			['SageCompanyName', 'string', expr("$json.sage?.sageCompany ?? ''")],
			['SageSiteId', 'string', expr("$json.sage?.sageSiteId ?? ''")],
			['SageAccountNumber', 'string', expr("$json.sage?.sageAccountNumber ?? ''")],
			['SageCustomerId', 'string', expr("$json.sage?.sageCustomerId ?? ''")],
			['Synced', 'string', expr("$json.sage?.synced ? 'Yes' : 'No'")],
		],
	);
	const sheet = t.add('As XLSX', 'n8n-nodes-base.convertToFile', 1.1, [660, 100], {
		operation: 'xlsx',
		options: { fileName: 'sage-customer-links.xlsx', headerRow: true, sheetName: 'Customers' },
	});
	const settings = t.json(
		'File',
		[880, 100],
		{ path: '/home/node/.n8n-files/sage-customer-links.xlsx' },
		{},
	);
	const write = t.add('Write the file', 'n8n-nodes-base.readWriteFile', 1, [1100, 100], {
		operation: 'write',
		fileName: expr(`$('${settings}').first().json.path`),
		dataPropertyName: 'data',
		options: {},
	});
	t.chain(manual, settings, customers, row, sheet, write);
	return t;
}

// ---------------------------------------------------------------------------------------------
// 10. Hourly auto-sync
// ---------------------------------------------------------------------------------------------
function hourly(): Template {
	const t = new Template(
		'sage200-9-hourly-sync.json',
		SAGE200_IDS.hourly,
		'Layer ↔ Sage 200: hourly auto-sync',
		'Every hour (or on Sync Now): invoices with their customers, receipts, credit notes and refunds, receipts back, balances',
	);
	t.overview(
		[
			'Runs the Sage 200 sync workflows in order, each as a sub-workflow (import them all; they keep these IDs when imported with `n8n import:workflow`, otherwise pick them again in each step):',
			'',
			'1. **Invoices**, which first syncs their customers and contacts',
			'2. **Receipts**, allocated to those invoices',
			'3. **Credit notes and refunds**',
			'4. **Receipts recorded in Sage 200** back to The Layer',
			'5. **Balances**, credit limits and on-hold back to The Layer',
			'',
			'Activate this workflow for the hourly run; **Sync Now** runs it at once. Each step sends only what The Layer has not marked as synced.',
		],
		[680, 370],
	);
	hourlySteps(t, [
		['1. Invoices (and their customers)', SAGE200_IDS.invoices, 'Layer → Sage 200: sales invoices'],
		['2. Receipts', SAGE200_IDS.receipts, 'Layer → Sage 200: receipts, allocated'],
		[
			'3. Credit notes and refunds',
			SAGE200_IDS.credits,
			'Layer → Sage 200: credit notes and refunds',
		],
		[
			'4. Receipts from Sage 200',
			SAGE200_IDS.fromSage,
			'Sage 200 → Layer: receipts recorded in Sage 200',
		],
		['5. Balances', SAGE200_IDS.balances, 'Sage 200 → Layer: balances, credit limits, on hold'],
	]);
	return t;
}

export function sage200Templates(): Template[] {
	return [
		customers(),
		invoices(),
		receipts(),
		credits(),
		fromSage(),
		balances(),
		referenceData(),
		upload(),
		exportGrid(),
		hourly(),
	];
}
