/**
 * The Layer ↔ Sage Intacct templates (issue 6). Each is one workflow file in workflows/; the
 * hourly one runs the others in order as sub-workflows. Demo values (mapping tables, the Intacct
 * company) point at the sandboxes; sticky notes say what to change.
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

export const INTACCT_IDS = {
	customers: 'tlsIntacctCust01',
	invoices: 'tlsIntacctInv001',
	payments: 'tlsIntacctPay001',
	credits: 'tlsIntacctCnRf01',
	receipts: 'tlsIntacctRcpt01',
	importCustomers: 'tlsIntacctImpC01',
	importInvoices: 'tlsIntacctImpI01',
	reference: 'tlsIntacctRef001',
	hourly: 'tlsIntacctHourly',
} as const;

/** The Intacct company the Sage links name (the sandbox's company ID). */
const INTACCT_COMPANY = 'THELAYER-DEMO';

/** Demo mapping tables: The Layer sandbox's IDs → the Intacct sandbox's accounts. */
const MAPPINGS = {
	subCompany: [
		{ from: 'sub_0001', to: 'UK-LON' },
		{ from: 'sub_0002', to: 'IE-DUB' },
	],
	paymentMethod: [
		{ from: 'pm_0001', to: 'BARCLAYS-GBP', glAccount: '1010' },
		{ from: 'pm_0002', to: 'STRIPE-GBP', glAccount: '1020' },
		{ from: 'pm_0003', to: 'AIB-EUR', glAccount: '1030' },
	],
	nominalCode: [
		{ from: '4000', to: '4000' },
		{ from: '4010', to: '4010' },
		{ from: '4020', to: '4020' },
	],
	taxRate: [{ from: '*', to: '2200' }],
};

const MAPPING_NOTE =
	'**Mapping tables** live in the Sage Sync "Map" node: sub-company → Intacct location, payment method → bank account (and its GL account for refunds), nominal code → GL account, VAT rate → VAT GL account. The values here fit the sandboxes; replace them with yours.';

const CREDENTIALS_NOTE =
	'**Credentials**: "The Layer account" (Token1/Token2) and "Sage Intacct account" (sender + user).';
/** What every Layer → Sage sync note ends with. */
const SYNC_NOTES = [MAPPING_NOTE, CREDENTIALS_NOTE, ERROR_NOTE, PUBLISH_NOTE];

const mapNode = (
	t: Template,
	name: string,
	position: [number, number],
	preset: string,
	lookups: { customers?: string; invoices?: string } = {},
	extra: Record<string, unknown> = {},
) => syncMap(t, name, position, preset, MAPPINGS, lookups, extra);

const setSync = (
	t: Template,
	name: string,
	position: [number, number],
	resource: string,
	idExpr: string,
	success: boolean,
) => markSync(t, name, position, resource, idExpr, success ? '$json.RECORDNO' : undefined);

// ---------------------------------------------------------------------------------------------
// 1. Customers Layer → Intacct
// ---------------------------------------------------------------------------------------------
function customers(): Template {
	const t = new Template(
		'intacct-1-customers.json',
		INTACCT_IDS.customers,
		'Layer → Intacct: customers',
		'Matches Layer customers to Intacct (link → ID → name), creates or updates them, writes the link back',
	);
	t.overview(
		[
			'Sends Layer customers to Sage Intacct and writes the Sage link back, so each is created once.',
			'',
			'- **Sync Now** sends every customer not linked yet.',
			'- The **invoice sync** calls this workflow with the customers of the invoices it is about to send ("on their first finalised invoice").',
			'- **Match** tries the existing link, then the Layer ID as CUSTOMERID, then the company name. Matched and new customers are written with the Layer details; ambiguous ones are left for a person with the candidates in Last Sync Error.',
			'',
			CREDENTIALS_NOTE,
			ERROR_NOTE,
			PUBLISH_NOTE,
		],
		[620, 330],
	);
	const toSync = customersToSync(t);

	const intacct = t.intacct(
		'Intacct customers',
		[920, 260],
		{
			resource: 'customer',
			operation: 'getAll',
			returnAll: true,
			fields: 'RECORDNO,CUSTOMERID,NAME,DISPLAYCONTACT.EMAIL1',
		},
		{ executeOnce: true, alwaysOutputData: true },
	);
	const both = t.add('With the Intacct list', 'n8n-nodes-base.merge', 3.2, [1140, 100], {
		mode: 'chooseBranch',
		chooseBranchMode: 'waitForAll',
		output: 'specifiedInput',
		useDataOfInput: 1,
	});
	t.connect(toSync, both, 0, 0).connect(toSync, intacct).connect(intacct, both, 0, 1);

	const match = t.sync('Match to Intacct', [1360, 100], {
		operation: 'matchCustomers',
		sageSystem: 'intacct',
		sageCustomers: expr(`${allOf(intacct)}.filter(c => c.CUSTOMERID)`),
		sageCompany: INTACCT_COMPANY,
		strategies: {
			strategy: [{ strategy: 'link' }, { strategy: 'customerId' }, { strategy: 'companyName' }],
		},
	});
	t.connect(both, match);
	const map = mapNode(t, 'Map to Intacct customer', [1620, 0], 'customerToIntacct');
	t.connect(match, map, 0).connect(match, map, 1);
	const upsert = t.intacct(
		'Create or update in Intacct',
		[1860, 0],
		{
			resource: 'customer',
			operation: 'upsert',
			matchBy: 'customerId',
			customerId: expr('$json.customerId'),
			name: expr('$json.name'),
			additionalFields: Object.fromEntries(
				['email', 'phone', 'mobile', 'website', 'taxId', 'firstName', 'lastName', 'currency'].map(
					(f) => [f, expr(`$json.additionalFields.${f} ?? ''`)],
				),
			),
		},
		{ onError: 'continueErrorOutput' },
	);
	const link = t.layer('Write the Sage link', [2100, -20], {
		resource: 'customer',
		operation: 'setSageLink',
		customerId: { __rl: true, mode: 'id', value: expr(itemOf(map, 'source.id')) },
		linkFields: {
			sageCompany: INTACCT_COMPANY,
			sageSiteId: expr(`${itemOf(map, 'sageCompany')} || ''`),
			sageCustomerId: expr('$json.CUSTOMERID'),
			synced: true,
			lastSyncError: '',
		},
	});
	const failed = t.layer('Record the sync error', [2100, 260], {
		resource: 'customer',
		operation: 'setSageLink',
		customerId: { __rl: true, mode: 'id', value: expr(itemOf(toSync, 'id')) },
		linkFields: { synced: false, lastSyncError: expr('$json.error') },
	});
	const ambiguous = t.layer('Leave ambiguous ones for a person', [1620, 320], {
		resource: 'customer',
		operation: 'setSageLink',
		customerId: { __rl: true, mode: 'id', value: expr('$json.id') },
		linkFields: {
			synced: false,
			lastSyncError: expr(
				"'Several Intacct customers match (' + $json.match.reason + '): ' + $json.match.candidates.map(c => c.sageCustomerId).join(', ') + '. Link the right one (customer upload) and sync again.'",
			),
		},
	});
	t.connect(match, ambiguous, 2);
	t.connect(map, upsert, 0).connect(map, failed, 1);
	t.connect(upsert, link, 0).connect(upsert, failed, 1);
	return t;
}

// ---------------------------------------------------------------------------------------------
// 2. Invoices Layer → Intacct
// ---------------------------------------------------------------------------------------------
function invoices(): Template {
	const t = new Template(
		'intacct-2-invoices.json',
		INTACCT_IDS.invoices,
		'Layer → Intacct: invoices',
		'Finalised invoices not yet in Sage become Intacct AR invoices; their customers are synced first',
	);
	t.overview(
		[
			'Finalised invoices The Layer has not marked as synced become AR invoices in Sage Intacct; each is then marked synced with its Intacct RECORDNO, so the next run skips it (the cursor lives in The Layer).',
			'',
			'1. Their customers are synced first (the **customers** workflow, which must be imported with it).',
			"2. **Map** turns lines into GL lines (nominal code → GL account), VAT onto the VAT account, the sub-company into the Intacct location. Add a Department ID under the node's Field Overrides to tag a department.",
			'3. An invoice number Intacct already holds for another invoice is reported on the Layer invoice, never overwritten. Re-running is safe: Intacct writes carry deterministic control IDs.',
			'',
			...SYNC_NOTES,
		],
		[700, 390],
	);
	const [manual, called] = triggers(t, 0);
	const pending = t.layer(
		'Finalised invoices not in Sage',
		[240, 180],
		{
			resource: 'invoice',
			operation: 'getAll',
			returnAll: true,
			filters: { status: 'finalised', synced: false },
		},
		{ executeOnce: true },
	);
	for (const trigger of [manual, called]) t.connect(trigger, pending);
	const perCustomer = t.removeDuplicates('One per customer', [460, 180], 'customerId');
	const syncCustomers = t.callWorkflow(
		'Sync their customers first',
		[680, 180],
		INTACCT_IDS.customers,
		'Layer → Intacct: customers',
	);
	const linked = linkedCustomers(t, [900, 180]);
	const toSync = t.layer(
		'Invoices to sync',
		[1120, 180],
		{
			resource: 'invoice',
			operation: 'getAll',
			returnAll: true,
			filters: { status: 'finalised', synced: false },
		},
		{ executeOnce: true },
	);
	t.chain(pending, perCustomer, syncCustomers, linked, toSync);
	const map = mapNode(t, 'Map to Intacct invoice', [1340, 180], 'invoiceToIntacct', {
		customers: linked,
	});
	const create = t.intacct(
		'Create AR invoice',
		[1580, 80],
		// The Map node writes the invoice under the node's own field names: Auto-Map reads them as they
		// are, with no expression evaluated per item (the fastest way through thousands of invoices).
		{ resource: 'arInvoice', operation: 'create', dataMode: 'autoMapInputData' },
		{
			onError: 'continueErrorOutput',
			notes:
				'Data Mode: Auto-Map Input Data. Takes customerId, invoiceNo, invoiceDate, dueDate, linesJson and additionalFields as "Map to Intacct invoice" writes them.',
			notesInFlow: true,
		},
	);
	const done = setSync(
		t,
		'Mark synced in The Layer',
		[1820, 60],
		'invoice',
		itemOf(toSync, 'id'),
		true,
	);
	const failed = setSync(
		t,
		'Record the sync error',
		[1820, 300],
		'invoice',
		itemOf(toSync, 'id'),
		false,
	);
	t.chain(toSync, map).connect(map, create, 0).connect(map, failed, 1);
	t.connect(create, done, 0).connect(create, failed, 1);
	return t;
}

// ---------------------------------------------------------------------------------------------
// 3. Payments Layer → Intacct
// ---------------------------------------------------------------------------------------------
function payments(): Template {
	const t = new Template(
		'intacct-3-payments.json',
		INTACCT_IDS.payments,
		'Layer → Intacct: payments',
		'Layer payments become Intacct AR payments into the mapped bank account, applied to their invoices',
	);
	t.overview(
		[
			'Payments taken in The Layer become AR payments in Sage Intacct, into the bank account mapped from the payment method and applied to the invoices the payment was allocated to (partial and multi-invoice allocations included).',
			'',
			'Payments that came *from* Sage (reconciled Sage transactions) are already there and are skipped. A payment that is not fully allocated is reported rather than half-sent.',
			'',
			...SYNC_NOTES,
		],
		[660, 350],
	);
	const [manual, called] = triggers(t, 0);
	const linked = linkedCustomers(t, [240, 180]);
	for (const trigger of [manual, called]) t.connect(trigger, linked);
	const invoicesList = layerInvoices(t, [460, 180]);
	const pending = t.layer(
		'Payments not in Sage',
		[680, 180],
		{ resource: 'payment', operation: 'getAll', returnAll: true, filters: { synced: false } },
		{ executeOnce: true },
	);
	const fromLayer = t.filter('Taken in The Layer', [900, 180], "={{ $json.source !== 'sage' }}");
	const map = mapNode(t, 'Map to Intacct payment', [1120, 180], 'paymentToIntacct', {
		customers: linked,
		invoices: invoicesList,
	});
	const create = t.intacct(
		'Create AR payment',
		[1360, 80],
		{
			resource: 'arPayment',
			operation: 'create',
			customerId: { __rl: true, mode: 'id', value: expr('$json.customerId') },
			bankAccountId: expr('$json.bankAccountId'),
			paymentMethod: 'EFT',
			receiptDate: expr('$json.receiptDate'),
			reference: expr('$json.reference'),
			invoiceKey: 'number',
			applyInput: 'json',
			applyToJson: expr('$json.applyToJson'),
			additionalFields: {
				currency: expr('$json.additionalFields.currency'),
				description: expr("'The Layer payment ' + $json.source.id"),
			},
		},
		{ onError: 'continueErrorOutput' },
	);
	const done = setSync(
		t,
		'Mark synced in The Layer',
		[1600, 60],
		'payment',
		itemOf(fromLayer, 'id'),
		true,
	);
	const failed = setSync(
		t,
		'Record the sync error',
		[1600, 300],
		'payment',
		itemOf(fromLayer, 'id'),
		false,
	);
	t.chain(linked, invoicesList, pending, fromLayer, map);
	t.connect(map, create, 0).connect(map, failed, 1);
	t.connect(create, done, 0).connect(create, failed, 1);
	return t;
}

// ---------------------------------------------------------------------------------------------
// 4. Credit notes and refunds Layer → Intacct
// ---------------------------------------------------------------------------------------------
function credits(): Template {
	const t = new Template(
		'intacct-4-credit-notes-refunds.json',
		INTACCT_IDS.credits,
		'Layer → Intacct: credit notes and refunds',
		'Credit notes become credit memos applied to their invoices; refunds become debit memos on the bank GL account',
	);
	t.overview(
		[
			"- **Credit notes** become AR adjustments of type credit memo with the credit note's lines, then are applied to the invoices they were allocated to in The Layer.",
			"- **Refunds** become debit memos whose line credits the bank's GL account (the GL Account column of the payment-method table): money paid back raises what the customer owes.",
			'',
			'Both are marked synced in The Layer with the Intacct RECORDNO.',
			'',
			...SYNC_NOTES,
		],
		[660, 350],
	);
	const [manual, called] = triggers(t, 0);
	const linked = linkedCustomers(t, [240, 180]);
	for (const trigger of [manual, called]) t.connect(trigger, linked);
	const invoicesList = layerInvoices(t, [460, 180]);
	t.chain(linked, invoicesList);

	// Credit notes
	const notes = t.layer(
		'Credit notes not in Sage',
		[700, 60],
		{ resource: 'creditNote', operation: 'getAll', returnAll: true, filters: { synced: false } },
		{ executeOnce: true },
	);
	const mapNote = mapNode(t, 'Map to credit memo', [920, 60], 'creditNoteToIntacct', {
		customers: linked,
		invoices: invoicesList,
	});
	const memo = t.intacct(
		'Create credit memo',
		[1160, -40],
		{
			resource: 'arAdjustment',
			operation: 'create',
			customerId: { __rl: true, mode: 'id', value: expr('$json.customerId') },
			adjustmentType: 'credit',
			adjustmentNo: expr('$json.adjustmentNo'),
			date: expr('$json.date'),
			linesInput: 'json',
			linesJson: expr('$json.linesJson'),
			additionalFields: {
				currency: expr('$json.additionalFields.currency'),
				description: expr("$json.additionalFields.description ?? ''"),
				invoiceNo: expr("$json.additionalFields.invoiceNo ?? ''"),
				locationId: expr("$json.additionalFields.locationId ?? ''"),
			},
		},
		{ onError: 'continueErrorOutput' },
	);
	const allocated = t.filter(
		'Allocated to invoices?',
		[1400, -60],
		`={{ ${itemOf(mapNote, 'applyToJson')}.length > 0 }}`,
	);
	const apply = t.intacct(
		'Apply to its invoices',
		[1620, -60],
		{
			resource: 'arPayment',
			operation: 'apply',
			paymentKey: expr('$json.RECORDNO'),
			applyDate: expr(itemOf(mapNote, 'date')),
			invoiceKey: 'number',
			applyInput: 'json',
			applyToJson: expr(itemOf(mapNote, 'applyToJson')),
			memo: expr(`'Credit note ' + ${itemOf(mapNote, 'adjustmentNo')}`),
		},
		{ onError: 'continueErrorOutput' },
	);
	const noteDone = t.layer('Mark credit note synced', [1860, -60], {
		resource: 'creditNote',
		operation: 'setSageSync',
		id: expr(itemOf(notes, 'id')),
		synced: true,
		sageTransactionId: expr(itemOf(memo, 'RECORDNO')),
		lastSyncError: '',
	});
	const noteFailed = setSync(
		t,
		'Record credit note error',
		[1860, 160],
		'creditNote',
		itemOf(notes, 'id'),
		false,
	);
	t.chain(invoicesList, notes, mapNote);
	t.connect(mapNote, memo, 0).connect(mapNote, noteFailed, 1);
	t.connect(memo, allocated, 0).connect(memo, noteFailed, 1);
	t.connect(allocated, apply).connect(apply, noteDone, 0).connect(apply, noteFailed, 1);

	// Refunds
	const refunds = t.layer(
		'Refunds not in Sage',
		[700, 420],
		{ resource: 'refund', operation: 'getAll', returnAll: true, filters: { synced: false } },
		{ executeOnce: true },
	);
	const mapRefund = mapNode(t, 'Map to debit memo', [920, 420], 'refundToIntacct', {
		customers: linked,
		invoices: invoicesList,
	});
	const debit = t.intacct(
		'Create debit memo',
		[1160, 420],
		{
			resource: 'arAdjustment',
			operation: 'create',
			customerId: { __rl: true, mode: 'id', value: expr('$json.customerId') },
			adjustmentType: 'debit',
			adjustmentNo: expr('$json.adjustmentNo'),
			date: expr('$json.date'),
			linesInput: 'json',
			linesJson: expr('$json.linesJson'),
			additionalFields: {
				currency: expr('$json.additionalFields.currency'),
				description: expr("$json.additionalFields.description ?? ''"),
			},
		},
		{ onError: 'continueErrorOutput' },
	);
	const refundDone = setSync(
		t,
		'Mark refund synced',
		[1400, 400],
		'refund',
		itemOf(refunds, 'id'),
		true,
	);
	const refundFailed = setSync(
		t,
		'Record refund error',
		[1400, 600],
		'refund',
		itemOf(refunds, 'id'),
		false,
	);
	t.chain(invoicesList, refunds, mapRefund);
	t.connect(mapRefund, debit, 0).connect(mapRefund, refundFailed, 1);
	t.connect(debit, refundDone, 0).connect(debit, refundFailed, 1);
	return t;
}

// ---------------------------------------------------------------------------------------------
// 5. Payments recorded in Intacct → The Layer
// ---------------------------------------------------------------------------------------------
function receipts(): Template {
	const t = new Template(
		'intacct-5-receipts-to-layer.json',
		INTACCT_IDS.receipts,
		'Intacct → Layer: payments recorded in Intacct',
		'AR payments keyed in Intacct become Layer Sage transactions, reconciled where their application names the invoice',
	);
	t.overview(
		[
			'AR payments entered in Sage Intacct (not the ones this package sent) become **Sage transactions** in The Layer.',
			'',
			'- Those applied to invoices The Layer knows are **reconciled** at once: The Layer records the payment against the invoices.',
			'- The rest stay unreconciled in The Layer\'s Sage transactions list, **queued for a person** (the Layer trigger "Unreconciled Sage transaction" can alert someone).',
			'',
			'Each payment is recorded once: its RECORDNO is the Sage transaction ID, and payments already known to The Layer are filtered out before anything is written.',
			'',
			CREDENTIALS_NOTE,
			PUBLISH_NOTE,
		],
		[660, 370],
	);
	const [manual, called] = triggers(t, 0);
	const knownPayments = t.layer(
		'Layer payments already in Intacct',
		[240, 180],
		{ resource: 'payment', operation: 'getAll', returnAll: true, filters: { synced: true } },
		{ executeOnce: true, alwaysOutputData: true },
	);
	for (const trigger of [manual, called]) t.connect(trigger, knownPayments);
	const knownTransactions = t.layer(
		'Sage transactions already recorded',
		[460, 180],
		{ resource: 'sageTransaction', operation: 'getAll', returnAll: true },
		{ executeOnce: true, alwaysOutputData: true },
	);
	const linked = linkedCustomers(t, [680, 180]);
	const invoicesList = layerInvoices(t, [900, 180]);
	const intacctInvoices = t.intacct(
		'Intacct invoices',
		[1120, 180],
		{
			resource: 'arInvoice',
			operation: 'getAll',
			returnAll: true,
			fields: 'RECORDNO,RECORDID,CUSTOMERID',
		},
		{ executeOnce: true, alwaysOutputData: true },
	);
	const known = t.set(
		'Known Intacct payment IDs',
		[1340, 180],
		[
			[
				'known',
				'object',
				expr(
					`Object.fromEntries([...${allOf(knownPayments)}.map(p => p.sage?.sageTransactionId), ...${allOf(knownTransactions)}.filter(s => s.sageSystem === 'intacct').map(s => s.sageTransactionId)].filter(Boolean).map(id => [String(id), true]))`,
				),
			],
		],
		{ executeOnce: true },
	);
	const intacctPayments = t.intacct(
		'Intacct payments',
		[1560, 180],
		{ resource: 'arPayment', operation: 'getAll', returnAll: true },
		{ executeOnce: true },
	);
	const fresh = t.filter(
		'Not known to The Layer',
		[1780, 180],
		`={{ $('${known}').first().json.known[String($json.RECORDNO)] !== true }}`,
	);
	const detailed = t.intacct('Read each with its applications', [1890, 180], {
		resource: 'arPayment',
		operation: 'get',
		recordNo: expr('$json.RECORDNO'),
	});
	const map = mapNode(
		t,
		'Map to Sage transaction',
		[2000, 180],
		'intacctReceiptToLayer',
		{ customers: linked, invoices: intacctInvoices },
		{ sageCompany: INTACCT_COMPANY },
	);
	const { create, reconcile, apply } = recordAndReconcile(t, [2240, 80], 'intacct', invoicesList, {
		onError: 'continueRegularOutput',
	});
	const queued = t.noOp('Queued for a person', [2720, 200]);
	t.chain(knownPayments, knownTransactions, linked, invoicesList, intacctInvoices, known);
	t.chain(known, intacctPayments, fresh, detailed, map);
	t.connect(map, create, 0);
	const mapFailed = t.noOp('Could not map (see error)', [2240, 320]);
	t.connect(map, mapFailed, 1);
	t.chain(create, reconcile).connect(reconcile, apply, 0);
	t.connect(reconcile, queued, 1).connect(reconcile, queued, 2);
	return t;
}

// ---------------------------------------------------------------------------------------------
// 6. Import customers Intacct → The Layer
// ---------------------------------------------------------------------------------------------
function importCustomers(): Template {
	const t = new Template(
		'intacct-6-import-customers.json',
		INTACCT_IDS.importCustomers,
		'Intacct → Layer: import customers',
		'The whole Intacct A/R customer list into The Layer, each created once and linked',
	);
	t.overview(
		[
			'For a first go-live: every Sage Intacct customer becomes a Layer customer **linked** to it (Sage Customer ID = CUSTOMERID), so the syncs never create it again in Sage.',
			'',
			'Customers The Layer already has (by link, or the same company name) are linked, not duplicated; name clashes are left for a person.',
			'',
			'Choose the sub-company new customers belong to in **Create in The Layer**.',
			'',
			CREDENTIALS_NOTE,
		],
		[620, 310],
	);
	const manual = t.manualTrigger([0, 0], 'Import now');
	const intacct = t.intacct(
		'Intacct customers',
		[240, 0],
		{
			resource: 'customer',
			operation: 'getAll',
			returnAll: true,
			filters: { status: 'active' },
		},
		{ alwaysOutputData: false },
	);
	const layerCustomers = t.layer(
		'Layer customers',
		[240, 220],
		{ resource: 'customer', operation: 'getAll', returnAll: true },
		{ executeOnce: true, alwaysOutputData: true },
	);
	const both = t.add('With the Layer list', 'n8n-nodes-base.merge', 3.2, [480, 0], {
		mode: 'chooseBranch',
		chooseBranchMode: 'waitForAll',
		output: 'specifiedInput',
		useDataOfInput: 1,
	});
	t.connect(manual, intacct).connect(manual, layerCustomers);
	t.connect(intacct, both, 0, 0).connect(layerCustomers, both, 0, 1);
	const shape = t.set(
		'As Layer customers',
		[700, 0],
		[
			['id', 'string', expr('$json.CUSTOMERID')],
			['companyName', 'string', expr('$json.NAME')],
			['email', 'string', expr("$json['DISPLAYCONTACT.EMAIL1'] ?? ''")],
			['telephone', 'string', expr("$json['DISPLAYCONTACT.PHONE1'] ?? ''")],
			['mobile', 'string', expr("$json['DISPLAYCONTACT.CELLPHONE'] ?? ''")],
			['website', 'string', expr("$json['DISPLAYCONTACT.URL1'] ?? ''")],
			['vatNumber', 'string', expr("$json.TAXID ?? ''")],
		],
	);
	const match = t.sync('Already in The Layer?', [920, 0], {
		operation: 'matchCustomers',
		sageSystem: 'intacct',
		sageCustomers: expr(
			`${allOf(layerCustomers)}.filter(c => c.id).map(c => ({ CUSTOMERID: c.sage?.sageCustomerId || ('layer:' + c.id), NAME: c.companyName, layerId: c.id }))`,
		),
		sageCompany: INTACCT_COMPANY,
		strategies: { strategy: [{ strategy: 'customerId' }, { strategy: 'companyName' }] },
	});
	const create = t.layer(
		'Create in The Layer',
		[1160, 60],
		{
			resource: 'customer',
			operation: 'create',
			companyName: expr('$json.companyName'),
			additionalFields: {
				email: expr('$json.email'),
				telephone: expr('$json.telephone'),
				mobile: expr('$json.mobile'),
				website: expr('$json.website'),
				vatNumber: expr('$json.vatNumber'),
			},
		},
		{ onError: 'continueErrorOutput' },
	);
	const linkNew = t.layer('Link new customer', [1400, 60], {
		resource: 'customer',
		operation: 'setSageLink',
		customerId: { __rl: true, mode: 'id', value: expr('$json.id') },
		linkFields: {
			sageCompany: INTACCT_COMPANY,
			sageCustomerId: expr(itemOf(shape, 'id')),
			synced: true,
			lastSyncError: '',
		},
	});
	const linkExisting = t.layer('Link existing customer', [1160, -160], {
		resource: 'customer',
		operation: 'setSageLink',
		customerId: { __rl: true, mode: 'id', value: expr('$json.match.sageRecord.layerId') },
		linkFields: {
			sageCompany: INTACCT_COMPANY,
			sageCustomerId: expr('$json.id'),
			synced: true,
			lastSyncError: '',
		},
	});
	const clash = t.noOp('Name clash: left for a person', [1160, 260]);
	const failed = t.noOp('Could not create (see error)', [1400, 260]);
	t.chain(both, shape, match);
	t.connect(match, linkExisting, 0).connect(match, create, 1).connect(match, clash, 2);
	t.connect(create, linkNew, 0).connect(create, failed, 1);
	return t;
}

// ---------------------------------------------------------------------------------------------
// 7. Import outstanding invoices Intacct → The Layer
// ---------------------------------------------------------------------------------------------
function importInvoices(): Template {
	const t = new Template(
		'intacct-7-import-invoices.json',
		INTACCT_IDS.importInvoices,
		'Intacct → Layer: import outstanding invoices',
		'Open Intacct AR invoices become finalised Layer invoices for the outstanding amount, already marked synced',
	);
	t.overview(
		[
			'For a first go-live: every Intacct AR invoice with money still due becomes a finalised Layer invoice for the **outstanding amount** (one line on the Nominal Code set in **Create in The Layer**, no VAT: the VAT was accounted in Intacct), marked synced with its RECORDNO so it never goes back.',
			'',
			'Run **Import customers** first: invoices of customers The Layer does not have are listed, not created. An invoice number The Layer already has is skipped.',
			'',
			CREDENTIALS_NOTE,
		],
		[640, 310],
	);
	const manual = t.manualTrigger([0, 0], 'Import now');
	const linked = linkedCustomers(t, [240, 0]);
	const open = t.intacct(
		'Open Intacct invoices',
		[460, 0],
		{
			resource: 'arInvoice',
			operation: 'getAll',
			returnAll: true,
			filters: { query: "TOTALDUE > 0 AND STATE <> 'Draft'" },
			fields: 'RECORDNO,RECORDID,CUSTOMERID,WHENCREATED,WHENDUE,TOTALDUE,CURRENCY,DOCNUMBER',
		},
		{ executeOnce: true },
	);
	const withCustomer = t.set(
		'With the Layer customer',
		[680, 0],
		[
			[
				'layerCustomerId',
				'string',
				expr(
					`(${allOf(linked)}.find(c => c.sage?.sageCustomerId === $json.CUSTOMERID) || {}).id ?? ''`,
				),
			],
		],
		{},
		true,
	);
	const known = t.filter('Customer in The Layer?', [900, 0], '={{ $json.layerCustomerId !== "" }}');
	const create = t.layer(
		'Create in The Layer',
		[1120, 0],
		{
			resource: 'invoice',
			operation: 'create',
			customerId: { __rl: true, mode: 'id', value: expr('$json.layerCustomerId') },
			number: expr('$json.RECORDID'),
			issueDate: expr("DateTime.fromFormat($json.WHENCREATED, 'MM/dd/yyyy').toISODate()"),
			dueDate: expr(
				"$json.WHENDUE ? DateTime.fromFormat($json.WHENDUE, 'MM/dd/yyyy').toISODate() : DateTime.fromFormat($json.WHENCREATED, 'MM/dd/yyyy').toISODate()",
			),
			linesInput: 'json',
			linesJson: expr(
				"[{ description: 'Outstanding on Intacct invoice ' + $json.RECORDID, quantity: 1, unitPrice: $json.TOTALDUE, taxRate: 0, nominalCode: '4000' }]",
			),
			additionalFields: {
				currency: expr("$json.CURRENCY || 'GBP'"),
				reference: expr("$json.DOCNUMBER ?? ''"),
				status: 'finalised',
			},
		},
		{ onError: 'continueErrorOutput' },
	);
	const done = t.layer('Mark synced', [1600, -60], {
		resource: 'invoice',
		operation: 'setSageSync',
		id: expr('$json.id'),
		synced: true,
		sageTransactionId: expr(itemOf(open, 'RECORDNO')),
		lastSyncError: '',
	});
	const same = t.ifTrue(
		'Ours, or a number already used?',
		[1360, -20],
		`={{ $json.customerId === ${itemOf(withCustomer, 'layerCustomerId')} && ($json.outcome === 'created' || !$json.sage?.sageTransactionId || $json.sage.sageTransactionId === String(${itemOf(open, 'RECORDNO')})) }}`,
	);
	const clash = t.noOp('Number already used in The Layer', [1600, 120]);
	const failed = t.noOp('Could not create (see error)', [1360, 220]);
	t.chain(manual, linked, open, withCustomer, known, create);
	t.connect(create, same, 0).connect(create, failed, 1);
	t.connect(same, done, 0).connect(same, clash, 1);
	return t;
}

// ---------------------------------------------------------------------------------------------
// 8. Reference data
// ---------------------------------------------------------------------------------------------
function referenceData(): Template {
	const t = new Template(
		'intacct-8-reference-data.json',
		INTACCT_IDS.reference,
		'Intacct ↔ Layer: reference data',
		'Income GL accounts → Layer nominal codes; bank accounts listed beside Layer payment methods for the mapping table',
	);
	t.overview(
		[
			'- **Nominal codes**: every active income GL account in Intacct becomes a Layer nominal code with the same number (created once; existing codes are left alone). Then the Nominal Code mapping table can map each code to itself.',
			"- **Bank accounts**: lists each Layer payment method next to the Intacct bank account it names (bank account code), as rows for the Payment Method mapping table (with the bank's GL account, which refunds need).",
			'',
			CREDENTIALS_NOTE,
		],
		[660, 310],
	);
	const manual = t.manualTrigger([0, 100], 'Sync Now');
	const accounts = t.intacct('Intacct GL accounts', [240, 0], {
		resource: 'glAccount',
		operation: 'getAll',
		returnAll: true,
		filters: { activeOnly: true },
	});
	const income = t.filter(
		'Income accounts',
		[460, 0],
		"={{ $json.ACCOUNTTYPE === 'incomestatement' && $json.NORMALBALANCE === 'credit' }}",
	);
	const codes = t.layer('Create nominal code', [680, 0], {
		resource: 'nominalCode',
		operation: 'create',
		code: expr('$json.ACCOUNTNO'),
		name: expr('$json.TITLE'),
		active: true,
	});
	t.chain(manual, accounts, income, codes);
	const banks = t.intacct(
		'Intacct bank accounts',
		[240, 240],
		{ resource: 'bankAccount', operation: 'getAll', returnAll: true },
		{ executeOnce: true, alwaysOutputData: true },
	);
	const methods = t.layer(
		'Layer payment methods',
		[460, 240],
		{ resource: 'paymentMethod', operation: 'getAll', returnAll: true },
		{ executeOnce: true },
	);
	const rows = t.set(
		'Payment Method table rows',
		[680, 240],
		[
			['from', 'string', expr('$json.id')],
			['paymentMethod', 'string', expr('$json.name')],
			[
				'to',
				'string',
				expr(
					`(${allOf(banks)}.find(b => b.BANKACCOUNTID === $json.bankAccountCode) || {}).BANKACCOUNTID ?? ''`,
				),
			],
			[
				'glAccount',
				'string',
				expr(
					`(${allOf(banks)}.find(b => b.BANKACCOUNTID === $json.bankAccountCode) || {}).GLACCOUNTNO ?? ''`,
				),
			],
			[
				'currency',
				'string',
				expr(
					`(${allOf(banks)}.find(b => b.BANKACCOUNTID === $json.bankAccountCode) || {}).CURRENCY ?? ''`,
				),
			],
		],
	);
	t.connect(manual, banks).chain(banks, methods, rows);
	return t;
}

// ---------------------------------------------------------------------------------------------
// 9. Hourly auto-sync
// ---------------------------------------------------------------------------------------------
function hourly(): Template {
	const t = new Template(
		'intacct-9-hourly-sync.json',
		INTACCT_IDS.hourly,
		'Layer ↔ Intacct: hourly auto-sync',
		'Every hour (or on Sync Now): invoices with their customers, payments, credit notes and refunds, then Intacct receipts back',
	);
	t.overview(
		[
			'Runs the sync workflows in order, each as a sub-workflow (import them all; they keep these IDs when imported with `n8n import:workflow`, otherwise pick them again in each step):',
			'',
			'1. **Invoices**, which first syncs the customers they belong to',
			'2. **Payments**, applied to those invoices',
			'3. **Credit notes and refunds**',
			'4. **Payments recorded in Intacct** back to The Layer',
			'',
			'Activate this workflow for the hourly run; **Sync Now** runs it at once. Each step only sends what The Layer has not marked as synced, so a run that was interrupted simply carries on next time.',
		],
		[680, 350],
	);
	hourlySteps(t, [
		['1. Invoices (and their customers)', INTACCT_IDS.invoices, 'Layer → Intacct: invoices'],
		['2. Payments', INTACCT_IDS.payments, 'Layer → Intacct: payments'],
		[
			'3. Credit notes and refunds',
			INTACCT_IDS.credits,
			'Layer → Intacct: credit notes and refunds',
		],
		[
			'4. Receipts from Intacct',
			INTACCT_IDS.receipts,
			'Intacct → Layer: payments recorded in Intacct',
		],
	]);
	return t;
}

export function intacctTemplates(): Template[] {
	return [
		customers(),
		invoices(),
		payments(),
		credits(),
		receipts(),
		importCustomers(),
		importInvoices(),
		referenceData(),
		hourly(),
	];
}
