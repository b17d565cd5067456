import { createArAdjustment, deleteArAdjustment } from './adjustment';
import { deleteCustomer } from './customer';
import { create, deleteFunction, update } from './generic';
import { createInvoice, deleteInvoice } from './invoice';
import { applyArPayment, createArPayment, deleteArPayment } from './payment';
import { query } from './query';
import { lookup, read, readByName } from './read';
import { readByQuery, readMore } from './readByQuery';
import { getAPISession } from './session';
import type { FunctionHandler } from './types';

/** Every function the sandbox answers, by its element name inside `<function>`. */
export const FUNCTIONS: Readonly<Record<string, FunctionHandler>> = {
	// generic (3.0)
	create,
	update,
	delete: deleteFunction,
	read,
	readByName,
	readByQuery,
	readMore,
	query,
	lookup,
	getAPISession,
	// object-specific (legacy 2.1)
	create_invoice: createInvoice,
	delete_invoice: deleteInvoice,
	create_aradjustment: createArAdjustment,
	delete_aradjustment: deleteArAdjustment,
	create_arpayment: createArPayment,
	apply_arpayment: applyArPayment,
	delete_arpayment: deleteArPayment,
	delete_customer: deleteCustomer,
};
