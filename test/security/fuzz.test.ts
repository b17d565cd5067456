/**
 * Bad-input fuzz: for every write operation, 500 generated malformed items (missing fields, wrong
 * types, huge strings, control characters, XML metacharacters, invalid dates and currencies,
 * negative / NaN / overflowing amounts) go through the node in one run against the sandbox.
 *
 * - With Continue On Fail, every item comes out: either a success or an error that names its item
 *   ("Item N") and says what to fix; no unhandled exception ends the run; and the sandbox holds
 *   exactly one new record per success (nothing half-written).
 * - Without it, the run stops with a NodeOperationError naming an item, before anything is sent.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { IntacctSandbox } from '../../sandbox/intacct/server';
import { seededRandom } from '../../sandbox/shared/random';
import type { Sage200Sandbox } from '../../sandbox/sage200/server';
import type { TheLayerSandbox } from '../../sandbox/thelayer/server';
import {
	records as intacctRecords,
	runIntacct,
	startSandbox as startIntacct,
} from '../intacct/helpers';
import {
	records as sage200Records,
	runSage200,
	sage200Credentials,
	startSandbox as startSage200,
} from '../sage200/helpers';
import { records as layerRecords, runLayer, startSandbox as startLayer } from '../thelayer/helpers';

const ITEMS = 500;
/** Retries stay on (a dropped connection is part of the test) but fast. */
const FAST = { maxRetries: 2, retryBaseDelayMs: 1 };

const HUGE = 'x'.repeat(100_000);
const BAD: Record<'text' | 'date' | 'amount' | 'currency' | 'json', unknown[]> = {
	text: [
		undefined,
		null,
		'',
		'   ',
		42,
		true,
		{ a: 1 },
		['a'],
		HUGE,
		'ctl\u0000\u0007\u001b\u007f',
		'<![CDATA[x]]></name><x>&amp;',
		'"\'<>&',
		'\ud800',
		'ok',
	],
	date: [
		undefined,
		'',
		'2025-13-45',
		'2025-02-30',
		'yesterday',
		'31/12/2025',
		20250101,
		null,
		'0000-00-00',
		'2025-01-01T25:61:00Z',
		HUGE.slice(0, 300),
		'2025-01-15',
	],
	amount: [
		undefined,
		'',
		-1,
		0,
		'NaN',
		'abc',
		'1e309',
		12.345,
		'12,50',
		Number.MAX_SAFE_INTEGER,
		-0.01,
		null,
		{ v: 1 },
		'100.00',
		99.99,
	],
	currency: [undefined, '', 'GBPX', 'gb', '€', 'G1P', 42, null, '<GBP>', 'GBP'],
	json: [
		undefined,
		'',
		'{',
		'[]',
		'[{}]',
		'[{"amount":"NaN"}]',
		'null',
		42,
		'[{"glAccountNo":"<x>","amount":-5}]',
		HUGE.slice(0, 2000),
		{ not: 'a list' },
	],
};

type Shape = Record<string, keyof typeof BAD>;

/** 500 items, each with at least one malformed field; the rest take valid values. */
function malformedItems(shape: Shape, valid: IDataObject, seed: number): IDataObject[] {
	const rnd = seededRandom(seed);
	const fields = Object.keys(shape);
	return Array.from({ length: ITEMS }, (_, n) => {
		const item: IDataObject = { ...valid };
		const broken = fields[n % fields.length];
		for (const field of fields) {
			if (field !== broken && rnd() > 0.3) continue;
			const palette = BAD[shape[field]];
			const value = palette[Math.floor(rnd() * palette.length)];
			if (value === undefined) delete item[field];
			else item[field] = value as IDataObject[string];
		}
		item.n = n;
		return item;
	});
}

const e = (field: string) => `={{ $json.${field} }}`;

interface Case {
	name: string;
	shape: Shape;
	valid: IDataObject;
	parameters: INodeParameters;
}

const INTACCT: Case[] = [
	{
		name: 'customer.create',
		shape: { id: 'text', name: 'text', email: 'text', currency: 'currency' },
		valid: { id: 'FZ', name: 'Fuzz Ltd', email: 'a@b.test', currency: 'GBP' },
		parameters: {
			resource: 'customer',
			operation: 'create',
			customerId: e('id'),
			name: e('name'),
			additionalFields: { email: e('email'), currency: e('currency') },
		},
	},
	{
		name: 'arInvoice.create',
		shape: { number: 'text', date: 'date', due: 'date', lines: 'json', currency: 'currency' },
		valid: {
			number: 'FZ-INV',
			date: '2025-01-01',
			due: '2025-01-31',
			lines: '[{"glAccountNo":"4000","amount":10}]',
			currency: 'GBP',
		},
		parameters: {
			resource: 'arInvoice',
			operation: 'create',
			customerId: { __rl: true, mode: 'id', value: 'C0001' },
			invoiceNo: e('number'),
			invoiceDate: e('date'),
			dueDate: e('due'),
			linesInput: 'json',
			linesJson: e('lines'),
			additionalFields: { currency: e('currency') },
		},
	},
	{
		// The items' own values reach the node untouched (no expression turns them into text first).
		name: 'arInvoice.create, Data Mode Auto-Map',
		shape: {
			customerId: 'text',
			invoiceNo: 'text',
			invoiceDate: 'date',
			dueDate: 'date',
			linesJson: 'json',
		},
		valid: {
			customerId: 'C0001',
			invoiceNo: 'FZ-AM',
			invoiceDate: '2025-01-01',
			dueDate: '2025-01-31',
			linesJson: '[{"glAccountNo":"4000","amount":10}]',
		},
		parameters: { resource: 'arInvoice', operation: 'create', dataMode: 'autoMapInputData' },
	},
	{
		name: 'arPayment.create',
		shape: { date: 'date', amount: 'amount', reference: 'text' },
		valid: { date: '2025-02-01', amount: 10, reference: 'FZ-PAY' },
		parameters: {
			resource: 'arPayment',
			operation: 'create',
			customerId: { __rl: true, mode: 'id', value: 'C0001' },
			bankAccountId: 'BARCLAYS-GBP',
			paymentMethod: 'EFT',
			receiptDate: e('date'),
			reference: e('reference'),
			invoiceKey: 'number',
			applyInput: 'json',
			applyToJson: '={{ JSON.stringify([{ invoice: "INV-0001", amount: $json.amount }]) }}',
		},
	},
];

const LAYER: Case[] = [
	{
		name: 'customer.create',
		shape: { name: 'text', email: 'text', vat: 'text' },
		valid: { name: 'Fuzz Ltd', email: 'a@b.test', vat: 'GB1' },
		parameters: {
			resource: 'customer',
			operation: 'create',
			companyName: e('name'),
			additionalFields: { email: e('email'), vatNumber: e('vat') },
		},
	},
	{
		name: 'invoice.create',
		shape: { number: 'text', date: 'date', due: 'date', lines: 'json', currency: 'currency' },
		valid: {
			number: 'FZ-INV',
			date: '2025-01-01',
			due: '2025-01-31',
			lines: '[{"description":"x","quantity":1,"unitPrice":10,"taxRate":20,"nominalCode":"4000"}]',
			currency: 'GBP',
		},
		parameters: {
			resource: 'invoice',
			operation: 'create',
			customerId: { __rl: true, mode: 'id', value: 'cus_0001' },
			number: e('number'),
			issueDate: e('date'),
			dueDate: e('due'),
			linesInput: 'json',
			linesJson: e('lines'),
			additionalFields: { currency: e('currency') },
		},
	},
	{
		name: 'payment.create',
		shape: { amount: 'amount', date: 'date', reference: 'text', currency: 'currency' },
		valid: { amount: 10, date: '2025-02-01', reference: 'FZ-PAY', currency: 'GBP' },
		parameters: {
			resource: 'payment',
			operation: 'create',
			customerId: { __rl: true, mode: 'id', value: 'cus_0001' },
			paymentMethodId: 'pm_0001',
			amount: e('amount'),
			date: e('date'),
			reference: e('reference'),
			currency: e('currency'),
			allocationsJson: '[]',
		},
	},
];

const SAGE200: Case[] = [
	{
		name: 'customer.create',
		shape: { reference: 'text', name: 'text' },
		valid: { reference: 'FZ', name: 'Fuzz Ltd' },
		parameters: {
			resource: 'customer',
			operation: 'create',
			reference: e('reference'),
			name: e('name'),
		},
	},
	{
		name: 'salesReceipt.create',
		shape: { amount: 'amount', date: 'date', reference: 'text' },
		valid: { amount: 10, date: '2025-02-01', reference: 'FZ-R' },
		parameters: {
			resource: 'salesReceipt',
			operation: 'create',
			customerId: { __rl: true, mode: 'id', value: '27001' },
			bankId: '1',
			amount: e('amount'),
			transactionDate: e('date'),
			reference: e('reference'),
		},
	},
];

/** Makes values unique per item where the service would refuse a repeat. */
function uniquify(items: IDataObject[], fields: string[]): IDataObject[] {
	return items.map((item) => {
		const out = { ...item };
		for (const f of fields)
			if (typeof out[f] === 'string' && out[f] === '') continue;
			else if (out[f] === 'FZ' || String(out[f]).startsWith('FZ-'))
				out[f] = `${String(out[f]).slice(0, 3)}${String(item.n)}`;
		return out;
	});
}

interface Outcome {
	items: IDataObject[];
	error?: Error;
}

const IDS = ['RECORDNO', 'CUSTOMERID', 'id'];
const idsOf = (record: IDataObject) =>
	IDS.map((k) => record[k])
		.filter((v) => v !== undefined && v !== null)
		.map(String);

/**
 * Nothing half-written: every record the run added belongs to an item that came out as a success
 * (an error item left nothing behind).
 */
function checkNothingPartial(before: IDataObject[], after: IDataObject[], out: Outcome): void {
	const old = new Set(before.flatMap(idsOf));
	const added = after.filter((r) => !idsOf(r).some((id) => old.has(id)));
	const successIds = new Set(out.items.filter((i) => i.error === undefined).flatMap(idsOf));
	const orphans = added.filter((r) => !idsOf(r).some((id) => successIds.has(id)));
	expect(orphans.map(idsOf)).toEqual([]);
	expect(added.length).toBeLessThanOrEqual(successIds.size);
}

function checkOutcome(out: Outcome, input: IDataObject[]): { ok: number } {
	expect(out.error).toBeUndefined();
	expect(out.items).toHaveLength(input.length);
	let ok = 0;
	out.items.forEach((item) => {
		if (item.error === undefined) {
			ok++;
			return;
		}
		const message = String(item.error);
		// Names its item, and is not a crash of our own code.
		expect(message).toMatch(/^Item \d+: /);
		expect(message).not.toMatch(/TypeError|ReferenceError|undefined is not|Cannot read prop/);
	});
	return { ok };
}

function checkStopped(out: Outcome): void {
	expect(out.error).toBeDefined();
	expect((out.error as { name?: string } | undefined)?.name).toMatch(
		/NodeOperationError|NodeApiError/,
	);
	expect(out.error?.message).toMatch(/Item \d+/);
}

describe('bad-input fuzz: 500 malformed items per write operation', () => {
	let intacct: IntacctSandbox;
	let layer: TheLayerSandbox;
	let sage: Sage200Sandbox;

	beforeAll(async () => {
		[intacct, layer, sage] = await Promise.all([startIntacct(), startLayer(), startSage200()]);
	});
	afterAll(async () => {
		await Promise.all([intacct?.close(), layer?.close(), sage?.close()]);
	});

	test.each(INTACCT.map((c) => [c.name, c] as const))(
		'Sage Intacct %s',
		async (_n, c) => {
			const object = { customer: 'CUSTOMER', arInvoice: 'ARINVOICE', arPayment: 'ARPYMT' }[
				String(c.parameters.resource)
			] as string;
			const input = uniquify(malformedItems(c.shape, c.valid, 11), [
				'id',
				'number',
				'reference',
				'invoiceNo',
			]);
			const parameters = { ...c.parameters, requestOptions: FAST };
			const before = await intacctRecords(intacct, object);
			const stopped = await runIntacct(intacct, parameters, input);
			checkStopped(stopped);
			expect((await intacctRecords(intacct, object)).length).toBe(before.length);
			const out = await runIntacct(intacct, parameters, input, { continueOnFail: true });
			checkOutcome(out, input);
			checkNothingPartial(before, await intacctRecords(intacct, object), out);
		},
		120_000,
	);

	test.each(LAYER.map((c) => [c.name, c] as const))(
		'The Layer %s',
		async (_n, c) => {
			const collection = { customer: 'customers', invoice: 'invoices', payment: 'payments' }[
				String(c.parameters.resource)
			] as string;
			const input = uniquify(malformedItems(c.shape, c.valid, 12), ['number', 'reference']);
			const parameters = { ...c.parameters, requestOptions: FAST };
			const before = await layerRecords(layer, collection);
			const stopped = await runLayer(layer, parameters, input);
			checkStopped(stopped);
			expect((await layerRecords(layer, collection)).length).toBe(before.length);
			const out = await runLayer(layer, parameters, input, { continueOnFail: true });
			checkOutcome(out, input);
			checkNothingPartial(before, await layerRecords(layer, collection), out);
		},
		120_000,
	);

	test.each(SAGE200.map((c) => [c.name, c] as const))(
		'Sage 200 %s',
		async (_n, c) => {
			const credentials = await sage200Credentials(sage);
			const company = `4f8a2b1c-9d3e-4c2a-8b7f-0a1b2c3d4e5f:101`;
			const parameters = { ...c.parameters, company, requestOptions: FAST };
			const collection =
				c.parameters.resource === 'customer' ? 'customers' : 'sales_posted_transactions';
			const input = uniquify(malformedItems(c.shape, c.valid, 13), ['reference']);
			const before = await sage200Records(sage, collection);
			const stopped = await runSage200(credentials, parameters, input);
			checkStopped(stopped);
			expect((await sage200Records(sage, collection)).length).toBe(before.length);
			const out = await runSage200(credentials, parameters, input, { continueOnFail: true });
			checkOutcome(out, input);
			checkNothingPartial(before, await sage200Records(sage, collection), out);
		},
		120_000,
	);
});
