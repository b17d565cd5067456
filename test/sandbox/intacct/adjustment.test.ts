import { arHelpers } from './arHelpers';
import {
	call,
	errorsOf,
	fn,
	legacyDate,
	one,
	results,
	rowsOf,
	startSandbox,
	statusOf,
	text,
} from './helpers';
import type { IntacctSandbox } from './helpers';

let sandbox: IntacctSandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => sandbox.close());
beforeEach(() => {
	sandbox.store.reset();
	sandbox.config.paymentSummary = 'daily';
});

const { invoiceKey, invoiceState, customerDue, arpymt, detail, adjustment, apply } = arHelpers(
	() => sandbox,
);

/** Credit/debit memos (create_aradjustment) and the legacy payment functions. */
describe('credit memos and debit memos', () => {
	it('creates a credit memo that only reduces the balance once applied', async () => {
		const created = await one(sandbox, adjustment('-150.00'));
		expect(statusOf(created)).toBe('success');
		const memoKey = text(created, 'key')!;
		const [memo] = rowsOf(
			await one(
				sandbox,
				`<read><object>ARADJUSTMENT</object><keys>${memoKey}</keys><fields>RECORDID,ADJUSTMENTTYPE,TOTALENTERED,TOTALDUE,STATE,INVOICENO</fields></read>`,
			),
		);
		expect(memo).toEqual({
			RECORDID: 'CN-0007',
			ADJUSTMENTTYPE: 'Credit Memo',
			TOTALENTERED: '-150.00',
			TOTALDUE: '-150.00',
			STATE: 'Posted',
			INVOICENO: 'INV-0001',
		});
		expect(await customerDue('C0001')).toBe('1200.00');

		const applied = await one(sandbox, apply(memoKey, [[invoiceKey('INV-0001'), '100.00']]));
		expect(statusOf(applied)).toBe('success');
		expect(await invoiceState('INV-0001')).toMatchObject({
			TOTALDUE: '1100.00',
			STATE: 'Partially Paid',
		});
		expect(await customerDue('C0001')).toBe('1100.00');
		const [after] = rowsOf(
			await one(
				sandbox,
				`<read><object>ARADJUSTMENT</object><keys>${memoKey}</keys><fields>TOTALDUE,STATE</fields></read>`,
			),
		);
		expect(after).toEqual({ TOTALDUE: '-50.00', STATE: 'Partially Paid' });

		const tooMuch = await one(sandbox, apply(memoKey, [[invoiceKey('INV-0001'), '50.01']]));
		expect(statusOf(tooMuch)).toBe('failure');
		expect(errorsOf(tooMuch)[0].description2).toMatch(/available credit/);
	});

	it('applies a credit memo through ARPYMT ADJUSTMENTKEY', async () => {
		const memoKey = text(await one(sandbox, adjustment('-200')), 'key')!;
		const key = invoiceKey('INV-0001');
		const extra = `<ADJUSTMENTKEY>${memoKey}</ADJUSTMENTKEY><TRX_ADJUSTMENTAMOUNT>200</TRX_ADJUSTMENTAMOUNT>`;
		const result = await one(sandbox, arpymt(detail(key, '1000', extra)));
		expect(statusOf(result)).toBe('success');
		expect(await invoiceState('INV-0001')).toMatchObject({ TOTALDUE: '0.00', STATE: 'Paid' });
		const [memo] = rowsOf(
			await one(
				sandbox,
				`<read><object>ARADJUSTMENT</object><keys>${memoKey}</keys><fields>TOTALDUE,STATE</fields></read>`,
			),
		);
		expect(memo).toEqual({ TOTALDUE: '0.00', STATE: 'Paid' });
	});

	it('creates a debit memo that adds to the balance and can be paid with POSADJKEY', async () => {
		const debitKey = text(await one(sandbox, adjustment('75.00', 'DM-1')), 'key')!;
		expect(await customerDue('C0001')).toBe('1275.00');
		const result = await one(
			sandbox,
			arpymt(
				`<ARPYMTDETAIL><POSADJKEY>${debitKey}</POSADJKEY><TRX_PAYMENTAMOUNT>75</TRX_PAYMENTAMOUNT></ARPYMTDETAIL>`,
			),
		);
		expect(statusOf(result)).toBe('success');
		expect(await customerDue('C0001')).toBe('1200.00');
	});

	it('refuses a duplicate adjustment number', async () => {
		await one(sandbox, adjustment('-10', 'CN-9'));
		const again = await one(sandbox, adjustment('-10', 'CN-9'));
		expect(errorsOf(again)[0].description2).toBe(
			"A transaction with the number 'CN-9' already exists.",
		);
	});
});

describe('legacy create_arpayment and apply_arpayment', () => {
	it('leaves the unapplied part on the payment for a later apply', async () => {
		const inv1 = invoiceKey('INV-0001');
		const body =
			`<create_arpayment><customerid>C0001</customerid><paymentamount>1500.00</paymentamount>` +
			`<bankaccountid>STRIPE-GBP</bankaccountid><refid>ch_123</refid>${legacyDate('datereceived', '2025-06-05')}` +
			`<paymentmethod>Credit Card</paymentmethod><arpaymentitem><invoicekey>${inv1}</invoicekey><amount>1000</amount></arpaymentitem>` +
			`</create_arpayment>`;
		const created = await one(sandbox, body);
		expect(statusOf(created)).toBe('success');
		const paymentKey = text(created, 'key')!;
		const [payment] = rowsOf(
			await one(
				sandbox,
				`<read><object>ARPYMT</object><keys>${paymentKey}</keys><fields>TOTALENTERED,TOTALPAID,TOTALDUE,DOCNUMBER,FINANCIALENTITY</fields></read>`,
			),
		);
		expect(payment).toEqual({
			TOTALENTERED: '1500.00',
			TOTALPAID: '1000.00',
			TOTALDUE: '500.00',
			DOCNUMBER: 'ch_123',
			FINANCIALENTITY: 'STRIPE-GBP',
		});

		const overApply = await one(
			sandbox,
			apply(paymentKey, [
				[inv1, '200.00'],
				[inv1, '0.01'],
			]),
		);
		expect(statusOf(overApply)).toBe('failure');
		const applied = await one(sandbox, apply(paymentKey, [[inv1, '200.00']]));
		expect(statusOf(applied)).toBe('success');
		expect(await invoiceState('INV-0001')).toMatchObject({ TOTALDUE: '0.00', STATE: 'Paid' });
		const [after] = rowsOf(
			await one(
				sandbox,
				`<read><object>ARPYMT</object><keys>${paymentKey}</keys><fields>TOTALPAID,TOTALDUE</fields></read>`,
			),
		);
		expect(after).toEqual({ TOTALPAID: '1200.00', TOTALDUE: '300.00' });
	});

	it('refuses an apply to another customer’s invoice and an unknown payment key', async () => {
		const created = await one(
			sandbox,
			`<create_arpayment><customerid>C0001</customerid><paymentamount>100</paymentamount><bankaccountid>BARCLAYS-GBP</bankaccountid></create_arpayment>`,
		);
		const paymentKey = text(created, 'key')!;
		expect(statusOf(await one(sandbox, apply(paymentKey, [[invoiceKey('INV-0002'), '10']])))).toBe(
			'failure',
		);
		expect(statusOf(await one(sandbox, apply('99999', [[invoiceKey('INV-0001'), '10']])))).toBe(
			'failure',
		);
	});

	it('keeps the legacy element order for create_arpayment (items have no wrapper)', async () => {
		const reply = await call(sandbox, [
			fn(
				'p',
				`<create_arpayment><paymentamount>10</paymentamount><customerid>C0001</customerid></create_arpayment>`,
			),
		]);
		expect(errorsOf(results(reply)[0])[0].errorno).toBe('XL03000003');
	});
});
