import { RECORDNO, status, text, WHENCREATED, WHENMODIFIED } from './fields';
import type { ObjectDef } from './types';

/** LOCATIONENTITY (spec §6.8): the entities of a multi-entity company; read-only. */
export const locationEntityObject: ObjectDef = {
	name: 'LOCATIONENTITY',
	label: 'Entity',
	idField: 'LOCATIONID',
	sequence: 'LOCATIONENTITY',
	stampsCreated: true,
	generic: { create: false, update: false, delete: false },
	fields: [
		RECORDNO,
		text('LOCATIONID', { required: true }),
		text('NAME', { required: true }),
		text('CURRENCY'),
		status(),
		WHENCREATED,
		WHENMODIFIED,
	],
};
