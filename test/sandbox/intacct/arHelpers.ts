import { legacyDate, one, rowsOf } from './helpers';
import type { IntacctSandbox } from './helpers';

/** Builders and readers shared by the AR payment and adjustment tests. */
export function arHelpers(sandbox: () => IntacctSandbox) {
	/** Seeded invoice RECORDNO by number (INV-0001 = C0001 1200.00, INV-0003 = C0003 480.50). */
	const invoiceKey = (number: string) =>
		String(sandbox().store.findOne('ARINVOICE', 'RECORDID', number)!.recordNo);

	async function invoiceState(number: string) {
		const [row] = rowsOf(
			await one(
				sandbox(),
				`<readByQuery><object>ARINVOICE</object><fields>TOTALPAID,TOTALDUE,STATE,WHENPAID</fields><query>RECORDID = '${number}'</query></readByQuery>`,
			),
		);
		return row;
	}

	async function customerDue(id: string) {
		return rowsOf(
			await one(
				sandbox(),
				`<readByName><object>CUSTOMER</object><keys>${id}</keys><fields>TOTALDUE</fields></readByName>`,
			),
		)[0].TOTALDUE;
	}

	function arpymt(
		details: string,
		header = '<FINANCIALENTITY>BARCLAYS-GBP</FINANCIALENTITY>',
		customer = 'C0001',
	) {
		return (
			`<create><ARPYMT>${header}<PAYMENTMETHOD>EFT</PAYMENTMETHOD><CUSTOMERID>${customer}</CUSTOMERID>` +
			`<RECEIPTDATE>06/02/2025</RECEIPTDATE><PAYMENTDATE>06/01/2025</PAYMENTDATE><DOCNUMBER>WIRE-1</DOCNUMBER>` +
			`<ARPYMTDETAILS>${details}</ARPYMTDETAILS></ARPYMT></create>`
		);
	}

	const detail = (key: string, amount: string, extra = '') =>
		`<ARPYMTDETAIL><RECORDKEY>${key}</RECORDKEY><TRX_PAYMENTAMOUNT>${amount}</TRX_PAYMENTAMOUNT>${extra}</ARPYMTDETAIL>`;

	function adjustment(amount: string, number = 'CN-0007', customer = 'C0001') {
		return (
			`<create_aradjustment><customerid>${customer}</customerid>${legacyDate('datecreated', '2025-05-22')}` +
			`<adjustmentno>${number}</adjustmentno><invoiceno>INV-0001</invoiceno><description>Returned goods</description>` +
			`<aradjustmentitems><lineitem><glaccountno>4000</glaccountno><amount>${amount}</amount><memo>Return</memo></lineitem></aradjustmentitems>` +
			`</create_aradjustment>`
		);
	}

	function apply(paymentKey: string, items: Array<[string, string]>) {
		return (
			`<apply_arpayment><arpaymentkey>${paymentKey}</arpaymentkey>${legacyDate('paymentdate', '2025-06-03')}<memo>apply</memo>` +
			`<arpaymentitems>${items.map(([k, a]) => `<arpaymentitem><invoicekey>${k}</invoicekey><amount>${a}</amount></arpaymentitem>`).join('')}</arpaymentitems>` +
			`</apply_arpayment>`
		);
	}
	return { invoiceKey, invoiceState, customerDue, arpymt, detail, adjustment, apply };
}
