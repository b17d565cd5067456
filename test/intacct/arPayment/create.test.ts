import type { IntacctSandbox } from '../../../sandbox/intacct/server';
import { invoiceParams } from '../fixtures';
import { records, rl, runIntacct, startSandbox } from '../helpers';

const paymentParams = {
	resource: 'arPayment',
	operation: 'create',
	customerId: '={{ { "__rl": true, "mode": "id", "value": $json.customer } }}',
	bankAccountId: 'BARCLAYS-GBP',
	paymentMethod: 'EFT',
	receiptDate: '={{ $json.date }}',
	reference: '={{ $json.reference }}',
	invoiceKey: 'number',
	applyInput: 'json',
	applyToJson: '={{ $json.applyTo }}',
};

describe('Sage Intacct › AR Payment and AR Adjustment', () => {
	let sandbox: IntacctSandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
		const lines = (amount: number) => [{ glAccountNo: '4000', amount }];
		const made = await runIntacct(sandbox, invoiceParams, [
			{
				customer: 'C0002',
				number: 'P-1',
				date: '2025-05-01',
				due: '2025-05-31',
				lines: lines(100),
			},
			{
				customer: 'C0002',
				number: 'P-2',
				date: '2025-05-01',
				due: '2025-05-31',
				lines: lines(250.5),
			},
			{ customer: 'C0002', number: 'P-3', date: '2025-05-01', due: '2025-05-31', lines: lines(40) },
		]);
		expect(made.error).toBeUndefined();
	});
	afterAll(async () => sandbox.close());

	const invoiceDue = async (number: string) =>
		(await records(sandbox, 'ARINVOICE')).find((i) => i.RECORDID === number)?.TOTALDUE;

	it('creates a receipt applied across invoices, one partially, once', async () => {
		const payment = {
			customer: 'C0002',
			date: '2025-05-20',
			reference: 'LAYER-PAY-1',
			applyTo: [
				{ invoice: 'P-1', amount: 100 },
				{ invoice: 'P-2', amount: '50.25' },
			],
		};
		const run = await runIntacct(sandbox, paymentParams, [payment]);
		expect(run.error).toBeUndefined();
		expect(run.items[0]).toMatchObject({
			DOCNUMBER: 'LAYER-PAY-1',
			TOTALENTERED: '150.25',
			outcome: 'applied',
		});
		expect(await invoiceDue('P-1')).toBe('0.00');
		expect(await invoiceDue('P-2')).toBe('200.25');
		const again = await runIntacct(sandbox, paymentParams, [payment]);
		expect(again.items[0]).toMatchObject({ outcome: 'alreadyApplied' });
		expect(
			(await records(sandbox, 'ARPYMT')).filter((p) => p.DOCNUMBER === 'LAYER-PAY-1'),
		).toHaveLength(1);
		expect(await invoiceDue('P-2')).toBe('200.25');
	});

	it('refuses an over-payment and an unknown invoice clearly', async () => {
		const over = await runIntacct(sandbox, paymentParams, [
			{
				customer: 'C0002',
				date: '2025-05-21',
				reference: 'OVER-1',
				applyTo: [{ invoice: 'P-3', amount: 40.01 }],
			},
		]);
		expect(over.error?.message).toMatch(/Item 0: Could not write payment OVER-1: BL01001973/);
		const unknown = await runIntacct(sandbox, paymentParams, [
			{
				customer: 'C0002',
				date: '2025-05-21',
				reference: 'UNK-1',
				applyTo: [{ invoice: 'NOPE-9', amount: 1 }],
			},
		]);
		expect(unknown.error?.message).toBe(
			'Item 0: Field "applyTo[0].invoice" invoice NOPE-9 was not found in Intacct',
		);
		const negative = await runIntacct(sandbox, paymentParams, [
			{
				customer: 'C0002',
				date: '2025-05-21',
				reference: 'NEG-1',
				applyTo: [{ invoice: 'P-3', amount: -5 }],
			},
		]);
		expect(negative.error?.message).toBe(
			'Item 0: Field "applyTo[0].amount" must not be negative (-5.00)',
		);
	});

	it('names the payment batch key problem when summaries are user-specified', async () => {
		sandbox.config.paymentSummary = 'user';
		try {
			const run = await runIntacct(sandbox, { ...paymentParams, bankAccountId: '' }, [
				{
					customer: 'C0002',
					date: '2025-05-22',
					reference: 'BATCH-1',
					applyTo: [{ invoice: 'P-3', amount: 1 }],
				},
			]);
			expect(run.error?.message).toMatch(/Please provide a payment batch key/);
		} finally {
			sandbox.config.paymentSummary = 'daily';
		}
	});

	it('creates a credit note and applies it to an invoice, once', async () => {
		const credit = await runIntacct(sandbox, {
			resource: 'arAdjustment',
			operation: 'create',
			customerId: rl('C0002'),
			adjustmentType: 'credit',
			adjustmentNo: 'CN-7',
			date: '2025-05-22',
			linesInput: 'fields',
			lines: { line: [{ glAccountNo: '4000', amount: 15, memo: 'Returned goods' }] },
			additionalFields: { invoiceNo: 'P-3' },
		});
		expect(credit.error).toBeUndefined();
		expect(credit.items[0]).toMatchObject({ RECORDID: 'CN-7', TOTALENTERED: '-15.00' });
		const applyParams = {
			resource: 'arPayment',
			operation: 'apply',
			paymentKey: String(credit.items[0].RECORDNO),
			applyDate: '2025-05-23',
			invoiceKey: 'number',
			applyInput: 'fields',
			applyTo: { invoice: [{ invoice: 'P-3', amount: 15 }] },
		};
		const applied = await runIntacct(sandbox, applyParams);
		expect(applied.error).toBeUndefined();
		expect(await invoiceDue('P-3')).toBe('25.00');
		const again = await runIntacct(sandbox, applyParams);
		expect(again.items[0].outcome).toBe('alreadyApplied');
		expect(await invoiceDue('P-3')).toBe('25.00');
		const list = await runIntacct(sandbox, {
			resource: 'arAdjustment',
			operation: 'getAll',
			returnAll: true,
			filters: { customerId: 'C0002' },
		});
		expect(list.items.map((a) => a.RECORDID)).toContain('CN-7');
	});

	it('gets a payment with its details and lists payments', async () => {
		const list = await runIntacct(sandbox, {
			resource: 'arPayment',
			operation: 'getAll',
			returnAll: true,
			filters: { customerId: 'C0002' },
		});
		const payment = list.items.find((p) => p.DOCNUMBER === 'LAYER-PAY-1');
		expect(payment).toBeDefined();
		const got = await runIntacct(sandbox, {
			resource: 'arPayment',
			operation: 'get',
			recordNo: String(payment?.RECORDNO),
		});
		expect(got.items[0]).toMatchObject({
			DOCNUMBER: 'LAYER-PAY-1',
			FINANCIALENTITY: 'BARCLAYS-GBP',
		});
	});

	it('gets and deletes an adjustment; deleting a posted payment is refused by Intacct', async () => {
		const made = await runIntacct(sandbox, {
			resource: 'arAdjustment',
			operation: 'create',
			customerId: rl('C0001'),
			adjustmentType: 'debit',
			adjustmentNo: 'DM-1',
			date: '2025-05-24',
			linesInput: 'json',
			linesJson: JSON.stringify([{ glAccountNo: '4000', amount: 5 }]),
		});
		expect(made.items[0]).toMatchObject({ RECORDID: 'DM-1', TOTALENTERED: '5.00' });
		const got = await runIntacct(sandbox, { resource: 'arAdjustment', operation: 'get', recordNo: String(made.items[0].RECORDNO) });
		expect(got.items[0]).toMatchObject({ RECORDID: 'DM-1' });
		const deleted = await runIntacct(sandbox, { resource: 'arAdjustment', operation: 'delete', recordNo: String(made.items[0].RECORDNO) });
		expect(deleted.items[0]).toMatchObject({ deleted: true });
		const payment = (await records(sandbox, 'ARPYMT')).find((p) => p.DOCNUMBER === 'LAYER-PAY-1');
		const refused = await runIntacct(sandbox, { resource: 'arPayment', operation: 'delete', recordNo: String(payment?.RECORDNO) });
		expect(refused.error?.message).toMatch(/Item 0: Could not write payment \d+: BL01001973/);
	});
});
