import { normaliseCompanyName } from '../../../nodes/SageSync/actions/matchCustomers/companyName';

describe('Company name normalisation', () => {
	it.each([
		['Acme Ltd', 'acme'],
		['ACME LIMITED', 'acme'],
		['Acme Ltd.', 'acme'],
		['acme, ltd', 'acme'],
		['The Acme Company Limited', 'acme'],
		['Smith & Sons (UK) Ltd', 'smith and sons uk'],
		['Smith and Sons (UK) Limited', 'smith and sons uk'],
		['Brown & Co', 'brown'],
		["O'Neill Plc", 'oneill'],
		['Café Noir LLP', 'cafe noir'],
		['Widgets Public Limited Company', 'widgets'],
		['Limited', 'limited'],
	])('%s → %s', (name, normalised) => {
		expect(normaliseCompanyName(name)).toBe(normalised);
	});
});
