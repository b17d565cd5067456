import { doc } from './contract';
import { validate } from './schemaValidator';

describe('the subset validator catches what the contract test relies on', () => {
	const refund = (patch: Record<string, unknown>) => ({
		id: 'ref_0001',
		number: 'RF-1',
		customerId: 'cus_0001',
		paymentMethodId: 'pm_0001',
		amount: 10,
		currency: 'GBP',
		date: '2025-05-01',
		reference: null,
		creditNoteId: null,
		paymentId: null,
		sage: { synced: false, sageTransactionId: null, lastSyncError: null, lastSyncedAt: null },
		createdAt: '2025-05-01T10:00:00.000Z',
		modifiedAt: '2025-05-01T10:00:00.000Z',
		...patch,
	});
	const check = (value: unknown) => validate(doc, { $ref: '#/components/schemas/Refund' }, value);

	it('accepts a valid record', () => {
		expect(check(refund({}))).toEqual([]);
	});

	it.each([
		[{ extra: 1 }, '$: unexpected property extra'],
		[{ number: undefined }, '$: missing required number'],
		[{ customerId: null }, '$.customerId: expected string, got null'],
		[{ amount: 19.990000000000002 }, '$.amount: 19.990000000000002 is not a valid money'],
		[{ amount: 0 }, '$.amount: 0 <= exclusiveMinimum 0'],
		[{ date: '2025-02-30' }, '$.date: "2025-02-30" is not a valid date'],
		[{ createdAt: '2025-05-01 10:00' }, '$.createdAt: "2025-05-01 10:00" is not a valid date-time'],
		[{ currency: 'gbp' }, '$.currency: "gbp" does not match ^[A-Z]{3}$'],
		[{ sage: { synced: 'no' } }, '$.sage.synced: expected boolean, got string'],
	])('rejects %p', (patch, problem) => {
		const value = JSON.parse(JSON.stringify(refund(patch)));
		expect(check(value)).toContain(problem);
	});

	it('rejects enum misses and refuses keywords it does not implement', () => {
		expect(validate(doc, { type: 'string', enum: ['a'] }, 'b')).toEqual([
			'$: "b" is not one of ["a"]',
		]);
		expect(() => validate(doc, { oneOf: [] }, 1)).toThrow('Unsupported schema keyword oneOf');
	});
});
