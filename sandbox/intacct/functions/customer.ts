import { customerObject } from '../objects/customer';
import { deleteRecord } from './generic';
import type { FunctionHandler } from './types';

/** Legacy `<delete_customer customerid="C1"/>`, which both SDKs use to delete customers. */
export const deleteCustomer: FunctionHandler = (ctx, element) => {
	deleteRecord(ctx, customerObject, 'CUSTOMERID', element.attrs.customerid ?? '');
	return { billed: { CUSTOMER: 1 } };
};
