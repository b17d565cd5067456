import { allocation } from './allocation';
import { customerContact } from './contact';
import { customer } from './customer';
import type { Sage200Operation } from './operation';
import { salesCreditNote, salesInvoice, salesReceipt, salesRefund } from './postings';
import { bank, nominalCode, postedTransaction, site, taxCode } from './reference';

export const operations: Record<string, Record<string, Sage200Operation>> = {
	customer,
	customerContact,
	salesInvoice,
	salesCreditNote,
	salesReceipt,
	salesRefund,
	allocation,
	postedTransaction,
	bank,
	nominalCode,
	taxCode,
	site,
};
