import {
	api,
	badRequestMessage,
	customerId,
	get,
	okBody,
	post,
	put,
	startSandbox,
} from './helpers';
import type { Json, Sage200Sandbox } from './helpers';

let sandbox: Sage200Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => sandbox.close());
beforeEach(() => sandbox.store.reset());

const nested = () => `/customers/${customerId(sandbox, 'ABB001')}/customer_contacts`;

async function addJohn(): Promise<Json> {
	return okBody(
		await post(sandbox, nested(), {
			first_name: 'John',
			last_name: 'Smith',
			emails: [{ email: 'john@abbeygardens.co.uk', is_default: true }],
			telephones: [{ area_code: '0191', subscriber_number: '2345678', is_default: true }],
			mobiles: [{ country_code: '+44', subscriber_number: '7700900123' }],
			websites: [{ website: 'https://abbeygardens.co.uk' }],
		}),
	);
}

describe('POST /customers/{customerId}/customer_contacts', () => {
	it('creates a contact with its e-mails, telephones, mobiles and websites', async () => {
		const john = await addJohn();
		expect(john).toMatchObject({
			customer_id: customerId(sandbox, 'ABB001'),
			name: 'John Smith',
			first_name: 'John',
			middle_name: '',
			last_name: 'Smith',
			default_email: 'john@abbeygardens.co.uk',
			default_telephone: '0191 2345678',
			is_default: false,
			emails: [
				{ email: 'john@abbeygardens.co.uk', customer_contact_id: john.id, is_default: true },
			],
			telephones: [
				{
					full_number: '0191 2345678',
					area_code: '0191',
					subscriber_number: '2345678',
					is_default: true,
				},
			],
			mobiles: [{ full_number: '+44 7700900123', is_default: true }],
			faxes: [],
			websites: [{ website: 'https://abbeygardens.co.uk', is_default: true }],
		});
	});

	it('refuses a contact without a name, an e-mail without an address, and an unknown customer', async () => {
		expect(badRequestMessage(await post(sandbox, nested(), { emails: [] }))).toBe(
			"The field 'first_name' is required: a contact needs a name.",
		);
		expect(
			badRequestMessage(
				await post(sandbox, nested(), { first_name: 'A', emails: [{ is_default: true }] }),
			),
		).toBe("The field 'emails[0].email' is required.");
		expect(
			badRequestMessage(await post(sandbox, nested(), { first_name: 'A', emails: 'a@b.c' })),
		).toBe("The field 'emails' must be a JSON array.");
		expect(
			(await post(sandbox, '/customers/999999/customer_contacts', { first_name: 'A' })).status,
		).toBe(404);
	});

	it('has no top-level POST /customer_contacts (spec §8)', async () => {
		expect((await post(sandbox, '/customer_contacts', { first_name: 'A' })).status).toBe(405);
	});
});

describe('reading contacts', () => {
	it('lists them flat and per customer, and reads one either way', async () => {
		const john = await addJohn();
		const all = okBody(await get(sandbox, '/customer_contacts'));
		expect(all.length).toBe(5);
		const mine = okBody(await get(sandbox, nested()));
		expect(mine.map((c: Json) => c.name)).toEqual(['Helen Marsh', 'John Smith']);
		expect(okBody(await get(sandbox, `/customer_contacts/${john.id}`)).id).toBe(john.id);
		expect(okBody(await get(sandbox, `${nested()}/${john.id}`)).id).toBe(john.id);
		const other = `/customers/${customerId(sandbox, 'KES002')}/customer_contacts/${john.id}`;
		expect((await get(sandbox, other)).status).toBe(404);
	});
});

describe('PUT and DELETE', () => {
	it('updates names and child items: a new default e-mail demotes the old one; is_to_delete removes', async () => {
		const john = await addJohn();
		const updated = okBody(
			await put(sandbox, `/customer_contacts/${john.id}`, {
				middle_name: 'Q',
				emails: [{ email: 'accounts@abbeygardens.co.uk', is_default: true }],
				telephones: [{ id: john.telephones[0].id, is_to_delete: true }],
			}),
		);
		expect(updated.name).toBe('John Q Smith');
		expect(updated.default_email).toBe('accounts@abbeygardens.co.uk');
		expect(updated.emails.map((e: Json) => [e.email, e.is_default])).toEqual([
			['john@abbeygardens.co.uk', false],
			['accounts@abbeygardens.co.uk', true],
		]);
		expect(updated.telephones).toEqual([]);
		expect(updated.default_telephone).toBe('');
		const bad = await put(sandbox, `${nested()}/${john.id}`, {
			emails: [{ id: 1, email: 'x@y.z' }],
		});
		expect(badRequestMessage(bad)).toBe(
			"The field 'emails[0].id' does not match any of the contact's emails.",
		);
	});

	it('deleting the default contact makes the next one the default', async () => {
		const john = await addJohn();
		const [helen] = okBody(await get(sandbox, nested()));
		expect((await api(sandbox, 'DELETE', `${nested()}/${helen.id}`)).status).toBe(200);
		expect(okBody(await get(sandbox, `/customer_contacts/${john.id}`)).is_default).toBe(true);
		expect((await api(sandbox, 'DELETE', `/customer_contacts/${john.id}`)).status).toBe(200);
		expect(okBody(await get(sandbox, nested()))).toEqual([]);
	});
});
