import type { IntacctSandbox } from '../../../sandbox/intacct/server';
import { invoiceParams } from '../fixtures';
import { records, rl, runIntacct, startSandbox } from '../helpers';

describe('Sage Intacct › AR Invoice › Create', () => {
	let sandbox: IntacctSandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(async () => sandbox.close());

	const invoice = {
		customer: 'C0001',
		number: 'L-1001',
		date: '2025-03-01',
		due: '2025-03-31',
		description: 'Services & support <March> "Zoë"',
		lines: [
			{ glAccountNo: '4000', amount: 100.1, memo: 'Consulting' },
			{
				glAccountNo: '4010',
				amount: '20.20',
				memo: 'Licence',
				departmentId: 'SALES',
				locationId: 'UK-LON',
			},
		],
	};

	it('creates an invoice with lines and exact totals', async () => {
		const run = await runIntacct(sandbox, invoiceParams, [invoice]);
		expect(run.error).toBeUndefined();
		expect(run.items[0]).toMatchObject({
			RECORDID: 'L-1001',
			CUSTOMERID: 'C0001',
			TOTALENTERED: '120.30',
			outcome: 'applied',
		});
		const got = await runIntacct(sandbox, {
			resource: 'arInvoice',
			operation: 'get',
			recordNo: String(run.items[0].RECORDNO),
		});
		expect(got.items[0]).toMatchObject({
			RECORDID: 'L-1001',
			TOTALENTERED: '120.30',
			DESCRIPTION: 'Services & support <March> "Zoë"',
			WHENDUE: '03/31/2025',
		});
		const lines = (got.items[0].ARINVOICEITEMS as { ARINVOICEITEM: Array<Record<string, string>> })
			.ARINVOICEITEM;
		expect(lines.map((l) => [l.ACCOUNTNO, l.AMOUNT, l.DEPARTMENTID ?? ''])).toEqual([
			['4000', '100.10', ''],
			['4010', '20.20', 'SALES'],
		]);
	});

	it('returns the same invoice on a re-run instead of creating it twice', async () => {
		const run = await runIntacct(sandbox, invoiceParams, [invoice]);
		expect(run.items[0]).toMatchObject({
			RECORDID: 'L-1001',
			outcome: 'alreadyApplied',
			TOTALENTERED: '120.30',
		});
		expect(
			(await records(sandbox, 'ARINVOICE')).filter((i) => i.RECORDID === 'L-1001'),
		).toHaveLength(1);
	});

	it('reports a numbering collision with a different invoice clearly', async () => {
		const run = await runIntacct(sandbox, invoiceParams, [{ ...invoice, number: 'INV-0001' }]);
		expect(run.error?.message).toMatch(
			/Item 0: Could not write invoice INV-0001: .*A transaction with the number 'INV-0001' already exists/,
		);
	});

	it.each([
		[{ date: '2025-02-30' }, 'Item 0: Field "invoiceDate" "2025-02-30" is not a valid date'],
		[{ due: '' }, 'Item 0: Field "dueDate" is required when no Term Name is given'],
		[{ lines: [] }, 'Item 0: Field "lines" is empty'],
		[
			{ lines: [{ glAccountNo: '4000', amount: 'ten' }] },
			'Item 0: Field "lines[0].amount" "ten" is not a number',
		],
		[
			{ lines: [{ glAccountNo: '4000', amount: 1.234 }] },
			'Item 0: Field "lines[0].amount" has more than two decimal places (1.234)',
		],
		[{ lines: [{ amount: 5 }] }, 'Item 0: Field "lines[0].glAccountNo" is required'],
		[{ lines: 'nope' }, 'Item 0: Field "linesJson" is not valid JSON'],
		[{ lines: { glAccountNo: '4000' } }, 'Item 0: Field "linesJson" must be a JSON array of lines'],
		[{ customer: '' }, 'Item 0: Field "customer" is required'],
	])('rejects bad input %# with the item and field', async (patch, message) => {
		const before = (await records(sandbox, 'ARINVOICE')).length;
		const run = await runIntacct(sandbox, invoiceParams, [
			{ ...invoice, number: 'BAD-1', ...patch },
		]);
		expect(run.error?.message).toBe(message);
		expect((await records(sandbox, 'ARINVOICE')).length).toBe(before);
	});

	it('enforces the multi-entity location rule through Intacct, and default dimensions fix it', async () => {
		sandbox.config.multiEntity = true;
		try {
			const missing = await runIntacct(sandbox, invoiceParams, [
				{ ...invoice, number: 'ME-1', lines: [{ glAccountNo: '4000', amount: 5 }] },
			]);
			expect(missing.error?.message).toMatch(/Use of empty Location is invalid/);
			const fixed = await runIntacct(
				sandbox,
				{ ...invoiceParams, additionalFields: { locationId: 'UK-MAN' } },
				[{ ...invoice, number: 'ME-2', lines: [{ glAccountNo: '4000', amount: 5 }] }],
			);
			expect(fixed.error).toBeUndefined();
		} finally {
			sandbox.config.multiEntity = false;
		}
	});

	it('gets many invoices for a customer and deletes one', async () => {
		const many = await runIntacct(sandbox, {
			resource: 'arInvoice',
			operation: 'getAll',
			returnAll: true,
			filters: { customerId: 'C0001' },
		});
		expect(many.items.map((i) => i.RECORDID)).toEqual(
			expect.arrayContaining(['INV-0001', 'L-1001']),
		);
		const created = await runIntacct(sandbox, invoiceParams, [{ ...invoice, number: 'DEL-INV' }]);
		const deleted = await runIntacct(sandbox, {
			resource: 'arInvoice',
			operation: 'delete',
			recordNo: String(created.items[0].RECORDNO),
		});
		expect(deleted.items[0]).toMatchObject({ deleted: true });
		expect((await records(sandbox, 'ARINVOICE')).some((i) => i.RECORDID === 'DEL-INV')).toBe(false);
		const bad = await runIntacct(sandbox, {
			resource: 'arInvoice',
			operation: 'get',
			recordNo: 'abc',
		});
		expect(bad.error?.message).toBe('Item 0: Field "recordNo" "abc" is not a record number');
	});

	it('accepts lines defined in the node UI', async () => {
		const run = await runIntacct(sandbox, {
			resource: 'arInvoice',
			operation: 'create',
			customerId: rl('C0002'),
			invoiceNo: 'UI-1',
			invoiceDate: '2025-04-01',
			dueDate: '2025-04-30',
			linesInput: 'fields',
			lines: { line: [{ glAccountNo: '4020', amount: 49.99, memo: 'Subscription' }] },
		});
		expect(run.items[0]).toMatchObject({ RECORDID: 'UI-1', TOTALENTERED: '49.99' });
	});
	describe('Data Mode › Auto-Map Input Data', () => {
		const autoMap = { resource: 'arInvoice', operation: 'create', dataMode: 'autoMapInputData' };
		/** The invoice as its item carries it: the node's field names, as Sage Sync › Map writes them. */
		const item = (number: string, patch: Record<string, unknown> = {}) => ({
			customerId: invoice.customer,
			invoiceNo: number,
			invoiceDate: invoice.date,
			dueDate: invoice.due,
			linesJson: invoice.lines,
			additionalFields: { description: invoice.description, currency: 'GBP' },
			...patch,
		});

		it('writes the same invoice as the same fields defined below', async () => {
			const run = await runIntacct(sandbox, autoMap, [
				item('AM-1'),
				item('AM-2', { linesJson: undefined, lines: [{ glAccountNo: '4020', amount: 5 }] }),
			]);
			expect(run.error).toBeUndefined();
			expect(run.items).toEqual([
				expect.objectContaining({
					RECORDID: 'AM-1',
					CUSTOMERID: 'C0001',
					TOTALENTERED: '120.30',
					CURRENCY: 'GBP',
					outcome: 'applied',
				}),
				expect.objectContaining({ RECORDID: 'AM-2', TOTALENTERED: '5.00', outcome: 'applied' }),
			]);
			const stored = (await records(sandbox, 'ARINVOICE')).find((i) => i.RECORDID === 'AM-1');
			expect(stored).toMatchObject({
				DESCRIPTION: 'Services & support <March> "Zoë"',
				WHENDUE: '03/31/2025',
			});
			// Run again: the same invoices, found, not created twice.
			const again = await runIntacct(sandbox, autoMap, [item('AM-1')]);
			expect(again.items[0]).toMatchObject({ RECORDID: 'AM-1', outcome: 'alreadyApplied' });
		});

		it('ignores fields left on the node and keeps the node options', async () => {
			const run = await runIntacct(
				sandbox,
				{ ...invoiceParams, ...autoMap, requestOptions: { batchSize: 1 } },
				[item('AM-3'), item('AM-4')],
			);
			expect(run.items.map((i) => i.RECORDID)).toEqual(['AM-3', 'AM-4']);
		});

		it.each([
			[{ customerId: undefined }, 'Item 1: Field "customer" is required'],
			[{ invoiceDate: 'yesterday' }, 'Item 1: Field "invoiceDate" "yesterday" is not a valid date'],
			[
				{ linesJson: [{ glAccountNo: '4000', amount: Number.NaN }] },
				/Item 1: Field "lines\[0\].amount"/,
			],
			[
				{ additionalFields: { currency: 'pounds' } },
				'Item 1: Field "currency" "pounds" is not an ISO currency code',
			],
		])(
			'rejects a bad item %# naming the item and field, and writes nothing',
			async (patch, message) => {
				const before = (await records(sandbox, 'ARINVOICE')).length;
				const run = await runIntacct(sandbox, autoMap, [item('AM-OK'), item('AM-BAD', patch)]);
				expect(run.error?.message).toMatch(message);
				expect((await records(sandbox, 'ARINVOICE')).length).toBe(before);
			},
		);
	});
});
