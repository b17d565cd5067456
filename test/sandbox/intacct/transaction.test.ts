import { call, customerXml, errorsOf, fn, results, startSandbox, statusOf, text } from './helpers';
import type { IntacctSandbox } from './helpers';

let sandbox: IntacctSandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => sandbox.close());
beforeEach(() => {
	sandbox.store.reset();
	sandbox.meter.reset();
});

const createCustomer = (controlId: string, id: string) =>
	fn(controlId, `<create>${customerXml(id, `Customer ${id}`)}</create>`);
const customerIds = () => sandbox.store.list('CUSTOMER').map((r) => r.values.CUSTOMERID);

describe('transaction="true"', () => {
	it('rolls back earlier functions and aborts the others when one fails', async () => {
		const reply = await call(
			sandbox,
			[createCustomer('a', 'T100'), createCustomer('b', 'C0001'), createCustomer('c', 'T101')],
			{ transaction: true },
		);
		const [a, b, c] = results(reply);
		expect([statusOf(a), statusOf(b), statusOf(c)]).toEqual(['aborted', 'failure', 'aborted']);
		for (const aborted of [a, c]) {
			expect(errorsOf(aborted)).toEqual([
				{
					errorno: 'XL03000009',
					description: '',
					description2:
						'The entire transaction in this operation has been rolled back due to an error.',
				},
			]);
			expect(text(aborted, 'function')).toBe('create');
		}
		expect(errorsOf(b).map((e) => e.errorno)).toEqual(['BL01001973', 'BL01001973']);
		expect(customerIds()).toEqual(['C0001', 'C0002', 'C0003']);
		expect(sandbox.meter.snapshot().billedTotal).toBe(0);
	});

	it('keeps everything when every function succeeds', async () => {
		const reply = await call(sandbox, [createCustomer('a', 'T100'), createCustomer('b', 'T101')], {
			transaction: true,
		});
		expect(results(reply).map(statusOf)).toEqual(['success', 'success']);
		expect(customerIds()).toContain('T101');
	});

	it('without a transaction, functions succeed or fail independently', async () => {
		const reply = await call(sandbox, [
			createCustomer('a', 'T100'),
			createCustomer('b', 'C0001'),
			createCustomer('c', 'T101'),
		]);
		expect(results(reply).map(statusOf)).toEqual(['success', 'failure', 'success']);
		expect(customerIds()).toEqual(['C0001', 'C0002', 'C0003', 'T100', 'T101']);
	});

	it('a failing multi-object create leaves none of its objects behind', async () => {
		const reply = await call(sandbox, [
			fn(
				'multi',
				`<create>${customerXml('T200', 'Two hundred')}${customerXml('C0002', 'Clash')}</create>`,
			),
		]);
		expect(statusOf(results(reply)[0])).toBe('failure');
		expect(text(results(reply)[0], 'data')).toBe('');
		expect(customerIds()).not.toContain('T200');
	});
});

describe('uniqueid=true', () => {
	it('refuses a function controlid that already completed for the company', async () => {
		const first = await call(sandbox, [createCustomer('cust-T300-v1', 'T300')], { uniqueId: true });
		expect(statusOf(results(first)[0])).toBe('success');
		const again = await call(sandbox, [createCustomer('cust-T300-v1', 'T301')], { uniqueId: true });
		const [result] = results(again);
		expect(statusOf(result)).toBe('failure');
		expect(errorsOf(result)).toEqual([
			{
				errorno: 'SBX-DUPCONTROLID',
				description: 'Duplicate control ID',
				description2:
					"A function with control ID 'cust-T300-v1' has already been processed for this company.",
			},
		]);
		expect(customerIds()).not.toContain('T301');
	});

	it('does not let a failed function block a retry with the same controlid', async () => {
		const failed = await call(sandbox, [createCustomer('cust-retry', 'C0001')], { uniqueId: true });
		expect(statusOf(results(failed)[0])).toBe('failure');
		const retry = await call(sandbox, [createCustomer('cust-retry', 'T400')], { uniqueId: true });
		expect(statusOf(results(retry)[0])).toBe('success');
	});

	it('does not count rolled-back functions as completed', async () => {
		await call(sandbox, [createCustomer('ok-1', 'T500'), createCustomer('bad-1', 'C0001')], {
			uniqueId: true,
			transaction: true,
		});
		const retry = await call(sandbox, [createCustomer('ok-1', 'T500')], { uniqueId: true });
		expect(statusOf(results(retry)[0])).toBe('success');
	});

	it('allows repeats with uniqueid=false', async () => {
		await call(sandbox, [createCustomer('same', 'T600')]);
		const again = await call(sandbox, [createCustomer('same', 'T601')]);
		expect(statusOf(results(again)[0])).toBe('success');
	});

	it('treats a missing uniqueid element as true (the documented default)', async () => {
		await call(sandbox, [createCustomer('implicit', 'T700')], { uniqueId: null });
		const again = await call(sandbox, [createCustomer('implicit', 'T701')], { uniqueId: null });
		expect(errorsOf(results(again)[0])[0].errorno).toBe('SBX-DUPCONTROLID');
	});
});
