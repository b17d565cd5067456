import type { MinorUnits } from '../shared/money';
import type { Row } from './fields';

/**
 * Stored shapes. Scalar API fields live in `row` (see fields.ts for the stored forms); what the
 * ledger computes is kept typed beside it. Money is integer pence throughout.
 */

export type Edition = 'standard' | 'professional';

export interface Stamped {
	id: number;
	/** Sage style: UTC without an offset, e.g. `2025-04-01T09:00:00.000`. */
	date_time_created: string;
	date_time_updated: string;
}

export interface SiteCompany {
	company_id: number;
	company_name: string;
}

export interface Site {
	site_id: string;
	site_name: string;
	site_short_name: string;
	tenant_id: number;
	companies: SiteCompany[];
}

export interface Address extends Stamped {
	row: Row;
}

export interface Customer extends Stamped {
	row: Row;
	/** Sum of the customer's posted transactions (document currency). */
	balance: MinorUnits;
	address: Address;
}

/** One e-mail, telephone, mobile, fax or website of a contact. */
export interface ChannelItem extends Stamped {
	row: Row;
}

export const CHANNELS = ['emails', 'telephones', 'mobiles', 'faxes', 'websites'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface Contact extends Stamped {
	customer_id: number;
	row: Row;
	channels: Record<Channel, ChannelItem[]>;
}

export interface Bank extends Stamped {
	row: Row;
	/** Bank account currency. */
	balance: MinorUnits;
}

export interface NominalCode extends Stamped {
	row: Row;
	debits: MinorUnits;
	/** Positive: the total credited. */
	credits: MinorUnits;
}

export interface TaxCode extends Stamped {
	row: Row;
}

export interface CurrencyIso {
	id: number;
	code: string;
	name: string;
}

export interface Currency extends Stamped {
	row: Row;
	iso: CurrencyIso;
}

export const TRANSACTION_TYPES = {
	invoice: 'TradingAccountEntryTypeInvoice',
	creditNote: 'TradingAccountEntryTypeCreditNote',
	receipt: 'TradingAccountEntryTypePurchasePaymentSalesReceipt',
	payment: 'TradingAccountEntryTypePurchaseReceiptSalesPayment',
} as const;

export type TransactionKind = keyof typeof TRANSACTION_TYPES;

export interface TaxLine {
	tax_code_id: number;
	goods: MinorUnits;
	tax: MinorUnits;
	tax_discount: MinorUnits;
}

export interface NominalLine {
	code: string;
	cost_centre: string;
	department: string;
	narrative: string;
	value: MinorUnits;
	transaction_analysis_code: string;
}

export interface BankLine {
	bank_id: number;
	bank_entry_type: 'Receipt' | 'Payment';
	cheque_value: MinorUnits;
}

/** What an allocation did to one transaction, seen from that transaction. */
export interface AllocationEntry {
	id: number;
	/** The session (one POST /sales_allocations). */
	session: number;
	date: string;
	/** Signed, as sent in `value_to_allocate`. */
	value: MinorUnits;
	at: string;
}

export interface PostedTransaction extends Stamped {
	customer_id: number;
	kind: TransactionKind;
	reference: string;
	second_reference: string;
	queried: string;
	transaction_date: string;
	posted_date: string;
	due_date: string;
	full_settlement_date: string | null;
	/** Signed: invoices and payments positive, credit notes and receipts negative (spec §10). */
	goods: MinorUnits;
	tax: MinorUnits;
	discount: MinorUnits;
	tax_discount: MinorUnits;
	discount_percent: number;
	discount_days: number;
	/** Signed like the document; outstanding = goods + tax - allocated. */
	allocated: MinorUnits;
	exchange_rate: number;
	settled_immediately: boolean;
	urn: number;
	user_name: string;
	tax_lines: TaxLine[];
	nominal_lines: NominalLine[];
	bank_lines: BankLine[];
	allocations: AllocationEntry[];
}
