import { customer } from './customer';
import type { LayerOperation } from './operation';
import { nominalCode, paymentMethod, subCompany } from './reference';
import { sageTransaction } from './sageTransaction';
import { creditNote, invoice, payment, refund } from './transactions';

export const operations: Record<
	| 'customer'
	| 'invoice'
	| 'payment'
	| 'creditNote'
	| 'refund'
	| 'subCompany'
	| 'paymentMethod'
	| 'nominalCode'
	| 'sageTransaction',
	Record<string, LayerOperation>
> = {
	customer,
	invoice,
	payment,
	creditNote,
	refund,
	subCompany,
	paymentMethod,
	nominalCode,
	sageTransaction,
};
