import { formatMoney, sumMoney } from '../shared/money';
import type { MinorUnits } from '../shared/money';
import { badRequest } from './errors';
import type { CompanyData } from './store';
import { SANDBOX_USER } from './tokens';
import type {
	Bank,
	BankLine,
	Customer,
	NominalLine,
	PostedTransaction,
	TaxLine,
	TransactionKind,
} from './types';
import { toBase } from './values';

/**
 * The sales ledger's money rules. A posting creates one posted transaction (signed: invoices
 * and payments positive, credit notes and receipts negative, spec §10), moves the customer's
 * balance, the bank's balance and the nominal accounts (debtors control, sales, tax, bank).
 * Allocations match credits to debits and never change a balance.
 */

const SIGN: Record<TransactionKind, 1 | -1> = {
	invoice: 1,
	payment: 1,
	creditNote: -1,
	receipt: -1,
};

export interface Posting {
	kind: TransactionKind;
	customer: Customer;
	reference: string;
	second_reference: string;
	transaction_date: string;
	due_date: string;
	exchange_rate: number;
	settled_immediately: boolean;
	discount_percent: number;
	discount_days: number;
	/** Unsigned document values, as the request gives them. */
	goods: MinorUnits;
	tax: MinorUnits;
	discount: MinorUnits;
	tax_discount: MinorUnits;
	tax_lines: TaxLine[];
	nominal_lines: NominalLine[];
	/** Receipts and payments: the bank and the amount in the bank's currency. */
	bank?: { bank: Bank; cheque_value: MinorUnits };
}

/** Debit (positive) or credit (negative) a nominal account, in base currency. */
function postNominal(company: CompanyData, reference: string, amount: MinorUnits): void {
	const code = company.nominalCodes.find(
		(n) =>
			n.row.reference === reference &&
			n.row.cost_centre_code === '' &&
			n.row.department_code === '',
	);
	if (!code || amount === 0) return;
	if (amount > 0) code.debits += amount;
	else code.credits -= amount;
	company.touch(code);
}

export function post(company: CompanyData, posting: Posting): PostedTransaction {
	const sign = SIGN[posting.kind];
	const gross = posting.goods + posting.tax;
	const bankLines: BankLine[] = posting.bank
		? [
				{
					bank_id: posting.bank.bank.id,
					bank_entry_type: posting.kind === 'receipt' ? 'Receipt' : 'Payment',
					cheque_value: posting.bank.cheque_value,
				},
			]
		: [];
	const transaction: PostedTransaction = {
		...company.stamp(),
		customer_id: posting.customer.id,
		kind: posting.kind,
		reference: posting.reference,
		second_reference: posting.second_reference,
		queried: '',
		transaction_date: posting.transaction_date,
		posted_date: company.today(),
		due_date: posting.due_date,
		full_settlement_date: null,
		goods: sign * posting.goods,
		tax: sign * posting.tax,
		discount: sign * posting.discount,
		tax_discount: sign * posting.tax_discount,
		discount_percent: posting.discount_percent,
		discount_days: posting.discount_days,
		allocated: 0,
		exchange_rate: posting.exchange_rate,
		settled_immediately: posting.settled_immediately,
		urn: company.newUrn(),
		user_name: SANDBOX_USER.name,
		tax_lines: posting.tax_lines.map((l) => ({
			...l,
			goods: sign * l.goods,
			tax: sign * l.tax,
			tax_discount: sign * l.tax_discount,
		})),
		nominal_lines: posting.nominal_lines,
		bank_lines: bankLines,
		allocations: [],
	};
	company.transactions.insert(transaction);
	posting.customer.balance += sign * gross;
	company.touch(posting.customer);
	const rate = posting.exchange_rate;
	const { debtors_control_nominal, sales_tax_nominal } = company.info;
	postNominal(company, debtors_control_nominal, toBase(sign * gross, rate));
	if (posting.bank) {
		const { bank, cheque_value } = posting.bank;
		bank.balance -= sign * cheque_value;
		company.touch(bank);
		postNominal(
			company,
			String(bank.row.bank_account_nominal_reference),
			toBase(-sign * gross, rate),
		);
	} else {
		for (const line of posting.nominal_lines)
			postNominal(company, line.code, toBase(-sign * line.value, rate));
		postNominal(company, sales_tax_nominal, toBase(-sign * posting.tax, rate));
	}
	return transaction;
}

export function grossOf(t: PostedTransaction): MinorUnits {
	return t.goods + t.tax;
}

export function outstandingOf(t: PostedTransaction): MinorUnits {
	return grossOf(t) - t.allocated;
}

export interface AllocationLine {
	transaction: PostedTransaction;
	value: MinorUnits;
	/** `allocation_lines[n]`, for messages. */
	path: string;
}

const money = (minor: MinorUnits) => formatMoney(Math.abs(minor));

/**
 * Allocates (spec §9.5): a positive value allocates to a debit (invoice, payment), a negative one
 * from a credit (receipt, credit note); no line may exceed what is outstanding and the lines
 * must net to zero. Checks everything before changing anything.
 */
export function allocate(company: CompanyData, lines: AllocationLine[], date: string): number {
	if (lines.length < 2) {
		throw badRequest(
			`The field 'allocation_lines' needs at least two lines: a credit and what it pays.`,
		);
	}
	for (const { transaction, value, path } of lines) {
		const outstanding = outstandingOf(transaction);
		const debit = grossOf(transaction) > 0;
		if (value === 0) throw badRequest(`The field '${path}.value_to_allocate' must not be zero.`);
		if (debit !== value > 0) {
			const what = debit
				? 'positive for an invoice or payment'
				: 'negative for a receipt or credit note';
			throw badRequest(
				`The field '${path}.value_to_allocate' must be ${what} (posted transaction ${transaction.id}).`,
			);
		}
		if (Math.abs(value) > Math.abs(outstanding)) {
			throw badRequest(
				`The field '${path}.value_to_allocate' (${money(value)}) is more than the ${money(outstanding)} outstanding on posted transaction ${transaction.id}.`,
			);
		}
	}
	const net = sumMoney(lines.map((l) => l.value));
	if (net !== 0) {
		throw badRequest(
			`The allocation lines must net to zero: debits (positive) and credits (negative) differ by ${formatMoney(net)}.`,
		);
	}
	const session = company.newAllocationSession({
		date,
		lines: lines.map((l) => ({ transactionId: l.transaction.id, value: l.value })),
	});
	for (const { transaction, value } of lines) {
		const at = company.now();
		transaction.allocated += value;
		transaction.allocations.push({ id: company.newId(), session, date, value, at });
		if (outstandingOf(transaction) === 0) transaction.full_settlement_date = date;
		company.touch(transaction);
	}
	return session;
}
