/**
 * The stored shapes of The Layer sandbox. Money is integer pence (sandbox/shared/money.ts); the
 * API projection (present.ts) turns it into JSON numbers with two decimals.
 */
export type Pence = number;

export interface Stamped {
	id: string;
	/** ISO-8601 UTC, e.g. `2025-05-01T10:00:00.000Z`. */
	createdAt: string;
	/** Bumped on every write. */
	modifiedAt: string;
}

export interface SubCompany extends Stamped {
	name: string;
	isDefault: boolean;
}

export interface PaymentMethod extends Stamped {
	name: string;
	/** The Layer's "Acc – Code": the Sage bank account this method pays into. */
	bankAccountCode: string;
	active: boolean;
}

export interface NominalCode extends Stamped {
	code: string;
	name: string;
	active: boolean;
}

export interface CustomerSageLink {
	synced: boolean;
	sageCompany: string | null;
	sageSiteId: string | null;
	sageCustomerId: string | null;
	sageAccountNumber: string | null;
	lastSyncError: string | null;
	lastSyncedAt: string | null;
}

export interface Customer extends Stamped {
	companyName: string;
	email: string | null;
	website: string | null;
	telephone: string | null;
	mobile: string | null;
	fax: string | null;
	vatNumber: string | null;
	subCompanyId: string;
	currency: string;
	creditLimit: Pence;
	/** What Sage last reported (PUT …/balances); The Layer does not compute it. */
	balance: Pence;
	onHold: boolean;
	sage: CustomerSageLink;
}

export interface Contact extends Stamped {
	customerId: string;
	/** At least one of firstName and lastName is set. */
	firstName: string | null;
	lastName: string | null;
	email: string | null;
	telephone: string | null;
	mobile: string | null;
	isPrimary: boolean;
}

/** The sync block on invoices, payments, credit notes and refunds. */
export interface SageSync {
	synced: boolean;
	sageTransactionId: string | null;
	lastSyncError: string | null;
	lastSyncedAt: string | null;
}

export interface Line {
	id: string;
	description: string;
	itemCode: string | null;
	/** As sent (at most 4 decimals). */
	quantity: number;
	/** May be negative (a discount or credit line). */
	unitPrice: Pence;
	/** Percent, at most 2 decimals. */
	discountPercent: number;
	/** Percent, at most 2 decimals (20 = 20 % VAT). */
	taxRate: number;
	nominalCode: string | null;
	netAmount: Pence;
	taxAmount: Pence;
	grossAmount: Pence;
}

export interface Allocation {
	invoiceId: string;
	amount: Pence;
}

export type InvoiceStatus = 'draft' | 'finalised';

export interface Invoice extends Stamped {
	number: string;
	status: InvoiceStatus;
	customerId: string;
	subCompanyId: string;
	issueDate: string;
	dueDate: string;
	currency: string;
	reference: string | null;
	lines: Line[];
	/** Payments and credit notes allocated to this invoice. */
	amountPaid: Pence;
	sage: SageSync;
}

export interface Payment extends Stamped {
	customerId: string;
	paymentMethodId: string | null;
	amount: Pence;
	currency: string;
	date: string;
	reference: string;
	allocations: Allocation[];
	source: 'layer' | 'sage';
	sage: SageSync;
}

export interface CreditNote extends Stamped {
	number: string;
	customerId: string;
	invoiceId: string | null;
	issueDate: string;
	currency: string;
	reason: string | null;
	lines: Line[];
	allocations: Allocation[];
	sage: SageSync;
}

export interface Refund extends Stamped {
	number: string;
	customerId: string;
	paymentMethodId: string;
	amount: Pence;
	currency: string;
	date: string;
	reference: string | null;
	creditNoteId: string | null;
	paymentId: string | null;
	sage: SageSync;
}

export interface SageAllocation {
	invoiceNumber: string;
	amount: Pence;
}

export interface SageTransaction extends Stamped {
	sageSystem: 'sage200' | 'intacct';
	sageCompany: string;
	sageTransactionId: string;
	type: 'receipt' | 'refund';
	customerId: string | null;
	sageCustomerId: string | null;
	sageAccountNumber: string | null;
	amount: Pence;
	currency: string;
	date: string;
	reference: string | null;
	/** What Sage said the receipt was allocated to (may be empty). */
	allocations: SageAllocation[];
	reconciled: boolean;
	reconciledAt: string | null;
	reconciliations: Allocation[];
	/** The Layer payment created by reconciling. */
	paymentId: string | null;
}

/** Every collection the store holds, by the name the API and the control routes use. */
export interface Collections {
	'sub-companies': SubCompany;
	'payment-methods': PaymentMethod;
	'nominal-codes': NominalCode;
	customers: Customer;
	contacts: Contact;
	invoices: Invoice;
	payments: Payment;
	'credit-notes': CreditNote;
	refunds: Refund;
	'sage-transactions': SageTransaction;
}

export type CollectionName = keyof Collections;

export type NewRecord<C extends CollectionName> = Omit<
	Collections[C],
	'id' | 'createdAt' | 'modifiedAt'
>;
