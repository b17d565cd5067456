import { arHelpers } from './arHelpers';
import { dataOf, errorsOf, one, startSandbox, statusOf, text } from './helpers';
import type { IntacctSandbox, XmlElement } from './helpers';

let sandbox: IntacctSandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => sandbox.close());
beforeEach(() => {
	sandbox.store.reset();
	sandbox.config.paymentSummary = 'daily';
});

const { invoiceKey, invoiceState, customerDue, arpymt, detail } = arHelpers(() => sandbox);

describe('ARPYMT generic create', () => {
	it('applies a part payment, then a final one, updating invoice and customer', async () => {
		const key = invoiceKey('INV-0001');
		const first = await one(sandbox, arpymt(detail(key, '200.00')));
		expect(statusOf(first)).toBe('success');
		const created = dataOf(first).children[0];
		expect(created.name).toBe('arpymt');
		expect(created.children.map((c) => c.name)).toEqual(['RECORDNO']);
		expect(await invoiceState('INV-0001')).toEqual({
			TOTALPAID: '200.00',
			TOTALDUE: '1000.00',
			STATE: 'Partially Paid',
			WHENPAID: '',
		});
		expect(await customerDue('C0001')).toBe('1000.00');

		const second = await one(sandbox, arpymt(detail(key, '1000')));
		expect(statusOf(second)).toBe('success');
		expect(await invoiceState('INV-0001')).toEqual({
			TOTALPAID: '1200.00',
			TOTALDUE: '0.00',
			STATE: 'Paid',
			WHENPAID: '06/01/2025',
		});

		const paymentNo = text(created, 'RECORDNO');
		const read = await one(
			sandbox,
			`<read><object>ARPYMT</object><keys>${paymentNo}</keys><fields>*</fields></read>`,
		);
		const record = dataOf(read).children[0];
		expect(text(record, 'TOTALENTERED')).toBe('200.00');
		expect(text(record, 'STATE')).toBe('Posted');
		expect(text(record, 'RECEIPTDATE')).toBe('06/02/2025');
		expect(text(record, 'FINANCIALENTITY')).toBe('BARCLAYS-GBP');
		const details = (record.children.find((c) => c.name === 'ARPYMTDETAILS') as XmlElement)
			.children;
		expect(details.map((d) => [text(d, 'RECORDKEY'), text(d, 'TRX_PAYMENTAMOUNT')])).toEqual([
			[key, '200.00'],
		]);
	});

	it('refuses an over-payment, also across two details on the same invoice', async () => {
		const key = invoiceKey('INV-0001');
		for (const details of [detail(key, '1200.01'), detail(key, '700') + detail(key, '600')]) {
			const result = await one(sandbox, arpymt(details));
			expect(statusOf(result)).toBe('failure');
			expect(errorsOf(result)[0].description2).toMatch(/exceeds the amount due/);
		}
		expect(await invoiceState('INV-0001')).toMatchObject({ TOTALDUE: '1200.00', STATE: 'Posted' });
		expect(sandbox.store.list('ARPYMT')).toHaveLength(0);
	});

	it('asks for a payment batch key when summaries are user-specified and nothing funds the payment', async () => {
		sandbox.config.paymentSummary = 'user';
		const key = invoiceKey('INV-0001');
		const result = await one(sandbox, arpymt(detail(key, '10'), ''));
		expect(errorsOf(result)[0]).toEqual({
			errorno: 'BL01001973',
			description: '',
			description2: 'Please provide a payment batch key.',
		});
		expect(
			statusOf(await one(sandbox, arpymt(detail(key, '10'), '<PRBATCH>June receipts</PRBATCH>'))),
		).toBe('success');
		expect(
			statusOf(
				await one(
					sandbox,
					arpymt(detail(key, '10'), '<UNDEPOSITEDACCOUNTNO>1020</UNDEPOSITEDACCOUNTNO>'),
				),
			),
		).toBe('success');
		sandbox.config.paymentSummary = 'daily';
		expect(statusOf(await one(sandbox, arpymt(detail(key, '10'), '')))).toBe('success');
	});

	it.each([
		[
			'an unknown bank account',
			arpymt(detail('1', '10'), '<FINANCIALENTITY>HSBC-GBP</FINANCIALENTITY>'),
			/Bank Account 'HSBC-GBP'/,
		],
		[
			'an invoice of another customer',
			arpymt(detail('INV3', '10'), undefined, 'C0002'),
			/does not belong|Invalid Invoice/,
		],
		['an unknown invoice', arpymt(detail('99999', '10')), /Invalid Invoice '99999'/],
		['a zero amount', arpymt(detail('INV1', '0')), /greater than zero/],
		['no details', arpymt(''), /ARPYMTDETAILS/],
		[
			'an unlisted payment method',
			arpymt(detail('INV1', '10')).replace('EFT', 'Bitcoin'),
			/PAYMENTMETHOD/,
		],
		[
			'a bad receipt date',
			arpymt(detail('INV1', '10')).replace('06/02/2025', '2025-06-02'),
			/RECEIPTDATE/,
		],
	])('fails %s', async (_name, body, message) => {
		const resolved = body
			.replace('INV1', invoiceKey('INV-0001'))
			.replace('INV3', invoiceKey('INV-0003'));
		const result = await one(sandbox, resolved);
		expect(statusOf(result)).toBe('failure');
		expect(errorsOf(result)[0].description2).toMatch(message);
	});

	it('keeps a draft payment off the invoice and only lets drafts be deleted', async () => {
		const key = invoiceKey('INV-0001');
		const draft = await one(
			sandbox,
			arpymt(
				detail(key, '50'),
				'<FINANCIALENTITY>BARCLAYS-GBP</FINANCIALENTITY><ACTION>Draft</ACTION>',
			),
		);
		expect(await invoiceState('INV-0001')).toMatchObject({ TOTALDUE: '1200.00' });
		const draftNo = text(dataOf(draft).children[0], 'RECORDNO');
		const posted = await one(sandbox, arpymt(detail(key, '50')));
		const postedNo = text(dataOf(posted).children[0], 'RECORDNO');
		expect(
			statusOf(
				await one(sandbox, `<delete><object>ARPYMT</object><keys>${postedNo}</keys></delete>`),
			),
		).toBe('failure');
		expect(
			statusOf(
				await one(sandbox, `<delete><object>ARPYMT</object><keys>${draftNo}</keys></delete>`),
			),
		).toBe('success');
	});
});
