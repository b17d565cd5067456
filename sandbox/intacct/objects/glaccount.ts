import { errors, fail } from '../errors';
import { enumeration, RECORDNO, status, text, WHENCREATED, WHENMODIFIED } from './fields';
import type { ObjectDef } from './types';

/** GLACCOUNT (spec §6.6): generic CRUD, readByName by ACCOUNTNO. */
export const glAccountObject: ObjectDef = {
	name: 'GLACCOUNT',
	label: 'GL Account',
	idField: 'ACCOUNTNO',
	sequence: 'GLACCOUNT',
	stampsCreated: true,
	generic: { create: true, update: true, delete: true },
	fields: [
		RECORDNO,
		text('ACCOUNTNO', { required: true }),
		text('TITLE', { required: true }),
		enumeration('ACCOUNTTYPE', ['balancesheet', 'incomestatement'], {
			defaultValue: 'balancesheet',
			// readByQuery filters account type as 'N' (balance sheet) or 'I' (income statement).
			queryAliases: { N: 'balancesheet', I: 'incomestatement' },
		}),
		enumeration('NORMALBALANCE', ['debit', 'credit'], { defaultValue: 'debit' }),
		enumeration('CLOSINGTYPE', ['non-closing account', 'closing account'], {
			defaultValue: 'non-closing account',
		}),
		text('CLOSINGACCOUNTNO'),
		text('CATEGORY'),
		status(),
		WHENCREATED,
		WHENMODIFIED,
	],
	// Two errors for a duplicate, as in [DOC-req]'s example (spec §3.3); the generic create adds
	// the second "Could not create GL Account record.".
	duplicateError: (id) => errors.duplicateAccountNo(id),
	validate(_ctx, values) {
		if (values.CLOSINGTYPE === 'closing account' && !values.CLOSINGACCOUNTNO) {
			fail(errors.requiredField('CLOSINGACCOUNTNO', 'GLACCOUNT'));
		}
	},
};
