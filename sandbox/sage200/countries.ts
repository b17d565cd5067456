/** The few `country_codes` records the demo data uses ({ id, code, name, eu_member }). */
export const COUNTRY_CODES = [
	{ id: 1, code: 'GB', name: 'United Kingdom', eu_member: false },
	{ id: 2, code: 'IE', name: 'Ireland', eu_member: true },
	{ id: 3, code: 'FR', name: 'France', eu_member: true },
	{ id: 4, code: 'DE', name: 'Germany', eu_member: true },
	{ id: 5, code: 'US', name: 'United States', eu_member: false },
] as const;

export function countryById(id: unknown) {
	return COUNTRY_CODES.find((c) => c.id === id);
}
