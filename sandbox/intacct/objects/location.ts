import { errors, fail } from '../errors';
import { RECORDNO, status, text, WHENCREATED, WHENMODIFIED } from './fields';
import type { ObjectDef } from './types';

/** LOCATION (spec §6.8): generic CRUD, readByName by LOCATIONID. */
export const locationObject: ObjectDef = {
	name: 'LOCATION',
	label: 'Location',
	idField: 'LOCATIONID',
	sequence: 'LOCATION',
	stampsCreated: true,
	generic: { create: true, update: true, delete: true },
	fields: [
		RECORDNO,
		text('LOCATIONID', { required: true }),
		text('NAME', { required: true }),
		text('PARENTID'),
		status(),
		WHENCREATED,
		WHENMODIFIED,
	],
	validate(ctx, values) {
		const parent = values.PARENTID;
		if (parent === undefined || parent === '') return;
		// Entities are locations too, so a location may sit under an entity.
		const known =
			ctx.store.findOne('LOCATION', 'LOCATIONID', parent) ??
			ctx.store.findOne('LOCATIONENTITY', 'LOCATIONID', parent);
		if (!known || parent === values.LOCATIONID)
			fail(errors.invalidReference('Parent Location', String(parent)));
	},
};
