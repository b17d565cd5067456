import { api, fieldsOf, line, patch, post, put, startSandbox } from './helpers';
import type { TheLayerSandbox } from './helpers';

let sandbox: TheLayerSandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => sandbox.close());
beforeEach(() => sandbox.store.reset());

describe('validation errors name every field', () => {
	it('customer: required, types, e-mail, read-only, unknown and references', async () => {
		const reply = await post(sandbox, '/customers', {
			email: 'not-an-email',
			telephone: 42,
			onHold: 'yes',
			creditLimit: -1,
			currency: 'pounds',
			subCompanyId: 'sub_9999',
			balance: 10,
			colour: 'blue',
		});
		expect(reply.body.error.code).toBe('validation_failed');
		expect(reply.body.error.message).toBe('balance is read-only (and 8 more)');
		expect(fieldsOf(reply)).toEqual({
			balance: 'is read-only',
			colour: 'is not a known field',
			companyName: 'is required',
			email: 'must be an e-mail address',
			telephone: 'must be a string',
			onHold: 'must be true or false',
			creditLimit: 'must not be negative',
			currency: 'must be a 3-letter ISO currency code such as GBP',
			subCompanyId: 'does not match any sub-company',
		});
	});

	it('invoice: lines by index, numbers, dates and decimals', async () => {
		const reply = await post(sandbox, '/invoices', {
			number: '',
			customerId: 'cus_9999',
			issueDate: '2025-02-30',
			dueDate: '01/05/2025',
			lines: [
				{ description: 'Widget', quantity: 'two', unitPrice: 10.005, taxRate: 120 },
				{ quantity: 0, unitPrice: '5', taxRate: 20, discountPercent: 12.345, nominalCode: '9999' },
				{ ...line(), netAmount: 100, extra: true },
			],
		});
		expect(fieldsOf(reply)).toEqual({
			number: 'must not be empty',
			customerId: 'does not match any customer',
			issueDate: 'must be a date (YYYY-MM-DD)',
			dueDate: 'must be a date (YYYY-MM-DD)',
			'lines[0].quantity': 'must be a number',
			'lines[0].unitPrice': 'must have at most 2 decimal places',
			'lines[0].taxRate': 'must be at least 0 and at most 100',
			'lines[1].description': 'is required',
			'lines[1].quantity': 'must be greater than 0 and at most 1000000000',
			'lines[1].unitPrice': 'must be a number',
			'lines[1].discountPercent': 'must have at most 2 decimal places',
			'lines[1].nominalCode': 'does not match any nominal code',
			'lines[2].netAmount': 'is read-only',
			'lines[2].extra': 'is not a known field',
		});
	});

	it('invoice: lines required and non-empty, due date not before issue date', async () => {
		const base = { number: 'V-1', customerId: 'cus_0001', issueDate: '2025-05-01' };
		expect(fieldsOf(await post(sandbox, '/invoices', base))).toEqual({ lines: 'is required' });
		expect(fieldsOf(await post(sandbox, '/invoices', { ...base, lines: [] }))).toEqual({
			lines: 'must have at least 1 item(s)',
		});
		expect(fieldsOf(await post(sandbox, '/invoices', { ...base, lines: {} }))).toEqual({
			lines: 'must be an array',
		});
		expect(
			fieldsOf(
				await post(sandbox, '/invoices', { ...base, dueDate: '2025-04-30', lines: [line()] }),
			),
		).toEqual({ dueDate: 'puts the due date before the issue date' });
	});

	it.each([
		[0, 'must be greater than 0'],
		[-5, 'must be greater than 0'],
		['12.50', 'must be a number'],
		[null, 'is required'],
		[1e21, 'is too large'],
		[0.001, 'must have at most 2 decimal places'],
		[1_000_000_000_000, 'is too large'],
	])('payment amount %p: %s', async (amount, message) => {
		const reply = await post(sandbox, '/payments', {
			customerId: 'cus_0001',
			paymentMethodId: 'pm_0001',
			amount,
			date: '2025-05-01',
			reference: 'R-1',
		});
		expect(fieldsOf(reply)).toEqual({ amount: message });
	});

	it('non-JSON and non-object bodies', async () => {
		const broken = await api(sandbox, 'POST', '/customers', { body: '{"companyName": ' });
		expect(broken.status).toBe(400);
		expect(broken.body.error).toEqual({
			code: 'validation_failed',
			message: 'Request body is not valid JSON',
			fields: [{ field: 'body', message: 'is not valid JSON' }],
		});
		expect(fieldsOf(await post(sandbox, '/customers', [1, 2]))).toEqual({
			body: 'must be a JSON object',
			companyName: 'is required',
		});
		expect(fieldsOf(await post(sandbox, '/customers'))).toEqual({
			body: 'must be a JSON object',
			companyName: 'is required',
		});
	});

	it('null clears optional fields but not required ones', async () => {
		const ok = await patch(sandbox, '/customers/cus_0001', { website: null, fax: null });
		expect(ok.status).toBe(200);
		expect(ok.body).toMatchObject({ website: null, fax: null });
		expect(fieldsOf(await patch(sandbox, '/customers/cus_0001', { companyName: null }))).toEqual({
			companyName: 'must be a string, not null',
		});
	});

	it('timestamps need a time zone; sage-link keys are required once synced', async () => {
		expect(
			fieldsOf(
				await put(sandbox, '/customers/cus_0001/sage-link', { lastSyncedAt: '2025-05-01 10:00' }),
			),
		).toEqual({ lastSyncedAt: 'must be an ISO-8601 timestamp with a time zone' });
		expect(fieldsOf(await put(sandbox, '/customers/cus_0001/sage-link', { synced: true }))).toEqual(
			{
				sageCompany: 'is required when synced is true',
				sageCustomerId: 'or sageAccountNumber is required when synced is true',
			},
		);
	});

	it('leaves nothing behind when a request fails validation', async () => {
		const before = sandbox.store.all('invoices').length;
		await post(sandbox, '/invoices', {
			number: 'V-2',
			customerId: 'cus_0001',
			issueDate: 'x',
			lines: [line()],
		});
		expect(sandbox.store.all('invoices')).toHaveLength(before);
	});
});
