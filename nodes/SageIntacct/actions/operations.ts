import { customer } from './customer';
import { customObjectOperations } from './customObject';
import type { IntacctOperation } from './common/operation';
import type { IntacctResource } from './node.type';
import { referenceOperations } from './referenceResources';
import { transactionOperations } from './transactionResources';

export const operations: Record<IntacctResource, Record<string, IntacctOperation>> = {
	customer,
	arInvoice: transactionOperations.arInvoice,
	arPayment: transactionOperations.arPayment,
	arAdjustment: transactionOperations.arAdjustment,
	glAccount: referenceOperations.glAccount,
	bankAccount: referenceOperations.bankAccount,
	location: referenceOperations.location,
	department: referenceOperations.department,
	entity: referenceOperations.entity,
	customObject: customObjectOperations,
};
