import { RECORDNO, status, text, WHENCREATED, WHENMODIFIED } from './fields';
import type { ObjectDef } from './types';

/**
 * CHECKINGACCOUNT (spec §6.7): read-only through the generic functions (the docs list no generic
 * create/update). BANKACCOUNTID is what ARPYMT FINANCIALENTITY and legacy bankaccountid refer to.
 * Field names other than RECORDNO/DESCRIPTION are UNCONFIRMED.
 */
export const checkingAccountObject: ObjectDef = {
	name: 'CHECKINGACCOUNT',
	label: 'Checking Account',
	idField: 'BANKACCOUNTID',
	sequence: 'CHECKINGACCOUNT',
	stampsCreated: true,
	generic: { create: false, update: false, delete: false },
	fields: [
		RECORDNO,
		text('BANKACCOUNTID', { required: true }),
		text('BANKNAME'),
		text('CURRENCY'),
		text('GLACCOUNTNO'),
		status(),
		text('DESCRIPTION'),
		text('LOCATIONID'),
		WHENCREATED,
		WHENMODIFIED,
	],
};
