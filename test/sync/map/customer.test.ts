import { CUSTOMER, mapRecord } from './fixtures';

describe('Map › Customer → Intacct customer', () => {
	it('carries company name, email, website, telephone, VAT number and the contact’s mobile', () => {
		expect(mapRecord('customerToIntacct', CUSTOMER)).toEqual({
			customerId: '27006',
			name: 'Brightwater Consulting Ltd',
			additionalFields: {
				email: 'accounts@brightwater.co.uk',
				phone: '+44 20 7946 0811',
				mobile: '+44 7700 900123',
				website: 'https://brightwater.co.uk',
				taxId: 'GB123456789',
				firstName: 'Alice',
				lastName: 'Hart',
				currency: 'GBP',
			},
			sageCompany: '1:1',
			source: { type: 'customer', id: 'cus_0001' },
		});
	});

	it('uses the Layer ID for an unlinked customer, the customer’s mobile without a contact, and no company without sub-company rows', () => {
		const out = mapRecord(
			'customerToIntacct',
			{ ...CUSTOMER, sage: { synced: false, sageCustomerId: null }, contacts: [] },
			{ tables: { subCompany: {} } },
		);
		expect(out).toMatchObject({
			customerId: 'cus_0001',
			additionalFields: { mobile: '+44 7700 900001', email: 'accounts@brightwater.co.uk' },
			sageCompany: '',
		});
		expect(out.additionalFields).not.toHaveProperty('firstName');
	});

	it('lets any field be overridden', () => {
		const out = mapRecord('customerToIntacct', CUSTOMER, {
			overrides: { customerId: 'C-BRIGHT', website: '', name: 'Brightwater' },
		});
		expect(out).toMatchObject({ customerId: 'C-BRIGHT', name: 'Brightwater' });
		expect(out.additionalFields).not.toHaveProperty('website');
	});
});

describe('Map › Customer → Sage 200 customer and contact', () => {
	it('maps the customer and its primary contact, the company e-mail on the contact when it has none', () => {
		expect(mapRecord('customerToSage200', CUSTOMER)).toEqual({
			company: '1:1',
			reference: 'BRIGHT01',
			name: 'Brightwater Consulting Ltd',
			additionalFields: {
				telephone_subscriber_number: '+44 20 7946 0811',
				fax_subscriber_number: '+44 20 7946 0812',
				website: 'https://brightwater.co.uk',
				vat_number: 'GB123456789',
			},
			contactFields: {
				first_name: 'Alice',
				last_name: 'Hart',
				email: 'alice@brightwater.co.uk',
				telephone: '+44 20 7946 0000',
				mobile: '+44 7700 900123',
			},
			hasContact: true,
			source: { type: 'customer', id: 'cus_0001' },
		});
		const noEmail = mapRecord('customerToSage200', {
			...CUSTOMER,
			contacts: [{ firstName: 'Bo', lastName: null, email: null, isPrimary: true }],
		});
		expect(noEmail.contactFields).toEqual({
			first_name: 'Bo',
			email: 'accounts@brightwater.co.uk',
			telephone: '+44 20 7946 0811',
		});
	});

	it('derives an 8-character reference from the Layer ID when unlinked, and refuses a longer one', () => {
		const unlinked = { ...CUSTOMER, sage: { synced: false } };
		expect(mapRecord('customerToSage200', unlinked).reference).toBe('CUS0001');
		expect(() => mapRecord('customerToSage200', { ...unlinked, id: 'cus_000000001' })).toThrow(
			/customer Brightwater Consulting Ltd \(cus_000000001\): account reference "CUS000000001" is not 1 to 8 characters/,
		);
		expect(
			mapRecord(
				'customerToSage200',
				{ ...unlinked, id: 'cus_000000001' },
				{ overrides: { reference: 'BW1' } },
			).reference,
		).toBe('BW1');
	});

	it('reports no contact when the customer has none', () => {
		const out = mapRecord('customerToSage200', { ...CUSTOMER, contacts: [] });
		expect(out.hasContact).toBe(false);
		expect(out.contactFields).toEqual({
			email: 'accounts@brightwater.co.uk',
			telephone: '+44 20 7946 0811',
		});
	});

	it('needs the sub-company in the table: an unmapped one names the customer and the value', () => {
		expect(() => mapRecord('customerToSage200', { ...CUSTOMER, subCompanyId: 'sub_0009' })).toThrow(
			'customer Brightwater Consulting Ltd (cus_0001): sub-company "sub_0009" is not in the Sub-Company mapping table',
		);
		expect(
			mapRecord(
				'customerToSage200',
				{ ...CUSTOMER, subCompanyId: 'sub_0009' },
				{
					tables: { subCompany: { '*': '1:9' } },
				},
			).company,
		).toBe('1:9');
	});

	it('refuses a company name longer than Sage 200 allows', () => {
		expect(() =>
			mapRecord('customerToSage200', { ...CUSTOMER, companyName: 'X'.repeat(61) }),
		).toThrow(/company name is 61 characters; Sage 200 allows 60/);
	});
});
