import { conflict } from '../errors';
import { equals } from '../listing';
import { PRESENTERS } from '../present';
import { API_PREFIX, created, getRoute, listRoute, mustGet, ok } from '../route';
import type { Route } from '../route';
import type { LayerStore } from '../store';
import type { NominalCode } from '../types';
import { BodyReader, definedOnly } from '../validate';

/** Sub-companies and payment methods (read-only here) and nominal codes. */

const SUB = `${API_PREFIX}/sub-companies`;
const PM = `${API_PREFIX}/payment-methods`;
const NOM = `${API_PREFIX}/nominal-codes`;
const NOMINAL_FIELDS = ['code', 'name', 'active'] as const;
const READ_ONLY = ['id', 'createdAt', 'modifiedAt'];

function checkCodeUnique(store: LayerStore, code: string | undefined, self?: string): void {
	const clash = store.find('nominal-codes', (n) => n.code === code && n.id !== self);
	if (clash) throw conflict(`Nominal code ${code} already exists`, clash.id);
}

export const referenceRoutes: Route[] = [
	listRoute('listSubCompanies', SUB, 'sub-companies', {}, PRESENTERS['sub-companies']),
	getRoute('getSubCompany', `${SUB}/{id}`, 'sub-companies', PRESENTERS['sub-companies']),
	listRoute('listPaymentMethods', PM, 'payment-methods', {}, PRESENTERS['payment-methods']),
	getRoute('getPaymentMethod', `${PM}/{id}`, 'payment-methods', PRESENTERS['payment-methods']),
	listRoute(
		'listNominalCodes',
		NOM,
		'nominal-codes',
		{ code: equals((n: NominalCode) => n.code) },
		PRESENTERS['nominal-codes'],
	),
	getRoute('getNominalCode', `${NOM}/{id}`, 'nominal-codes', PRESENTERS['nominal-codes']),
	{
		method: 'POST',
		path: NOM,
		operationId: 'createNominalCode',
		handle: ({ store, body }) => {
			const reader = BodyReader.of(body, NOMINAL_FIELDS, READ_ONLY);
			const code = reader.text('code', { required: true });
			const name = reader.text('name', { required: true });
			const active = reader.bool('active') ?? true;
			reader.problems.throwIfAny();
			checkCodeUnique(store, code!);
			const record = store.insert('nominal-codes', { code: code!, name: name!, active });
			return created(PRESENTERS['nominal-codes'](store, record));
		},
	},
	{
		method: 'PATCH',
		path: `${NOM}/{id}`,
		operationId: 'updateNominalCode',
		handle: ({ store, params, body }) => {
			const existing = mustGet(store, 'nominal-codes', params.id);
			const reader = BodyReader.of(body, NOMINAL_FIELDS, READ_ONLY);
			const patch = {
				code: reader.text('code'),
				name: reader.text('name'),
				active: reader.bool('active'),
			};
			reader.problems.throwIfAny();
			if (patch.code !== undefined) checkCodeUnique(store, patch.code, existing.id);
			const record = store.update('nominal-codes', existing.id, definedOnly(patch));
			return ok(PRESENTERS['nominal-codes'](store, record));
		},
	},
];
