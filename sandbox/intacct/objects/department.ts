import { errors, fail } from '../errors';
import { RECORDNO, status, text, WHENCREATED, WHENMODIFIED } from './fields';
import type { ObjectDef } from './types';

/** DEPARTMENT (spec §6.8): generic CRUD; TITLE is the department name. */
export const departmentObject: ObjectDef = {
	name: 'DEPARTMENT',
	label: 'Department',
	idField: 'DEPARTMENTID',
	sequence: 'DEPARTMENT',
	stampsCreated: true,
	generic: { create: true, update: true, delete: true },
	fields: [
		RECORDNO,
		text('DEPARTMENTID', { required: true }),
		text('TITLE', { required: true }),
		text('PARENTID'),
		status(),
		WHENCREATED,
		WHENMODIFIED,
	],
	validate(ctx, values) {
		const parent = values.PARENTID;
		if (parent === undefined || parent === '') return;
		const known = ctx.store.findOne('DEPARTMENT', 'DEPARTMENTID', parent);
		if (!known || parent === values.DEPARTMENTID)
			fail(errors.invalidReference('Parent Department', String(parent)));
	},
};
