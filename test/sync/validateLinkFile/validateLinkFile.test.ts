import type { IDataObject } from 'n8n-workflow';

import { runSync } from '../helpers';

const row = (CustomerId: string, extra: IDataObject = {}): IDataObject => ({
	CustomerId,
	SageCompanyName: 'Acme Group',
	SageSiteId: 1,
	SageAccountNumber: '',
	SageCustomerId: '',
	Synced: 'Yes',
	...extra,
});

const validate = async (rows: IDataObject[], parameters: IDataObject = {}) =>
	runSync({ operation: 'validateLinkFile', ...parameters }, rows);

describe('Sage Sync › Validate Link File', () => {
	it('turns good rows into link fields for The Layer, ignoring Synced', async () => {
		const run = await validate([
			row('cus_0001', { SageCustomerId: 27006 }),
			row('cus_0002', { SageAccountNumber: 'NORTH01', Synced: 'No' }),
		]);
		expect(run.error).toBeUndefined();
		expect(run.outputs).toEqual([
			[
				{
					rowNumber: 2,
					customerId: 'cus_0001',
					linkFields: {
						sageCompany: 'Acme Group',
						sageSiteId: '1',
						sageCustomerId: '27006',
						synced: true,
					},
				},
				{
					rowNumber: 3,
					customerId: 'cus_0002',
					linkFields: {
						sageCompany: 'Acme Group',
						sageSiteId: '1',
						sageAccountNumber: 'NORTH01',
						synced: true,
					},
				},
			],
			[],
		]);
		expect(run.paired[0]).toEqual([[0], [1]]);
	});

	it('reports every bad row with its number and reason, and writes nothing', async () => {
		const run = await validate(
			[
				row('cus_0001', { SageCustomerId: '1' }),
				row('', { SageCustomerId: '2' }),
				row('cus_0003', { SageCompanyName: '', SageSiteId: null, SageAccountNumber: 'X' }),
				row('cus_0004'),
				row('cus_0099', { SageCustomerId: '5' }),
				row('cus_0006', { SageCustomerId: '1' }),
				row('cus_0007', { SageAccountNumber: 'A' }),
				row('cus_0007', { SageAccountNumber: 'B' }),
				{ CustomerId: '', SageCompanyName: '', Synced: '' },
			],
			{
				knownCustomers: JSON.stringify([
					'cus_0001',
					'cus_0003',
					'cus_0004',
					'cus_0006',
					'cus_0007',
					'cus_0008',
				]),
			},
		);
		expect(run.error).toBeUndefined();
		const [valid, invalid] = run.outputs;
		expect(valid).toEqual([]);
		expect(invalid.map((i) => i.reason)).toEqual([
			'Row 2: SageCustomerId "1" in Acme Group / site 1 is also linked on row 7',
			'Row 3: CustomerId is empty',
			'Row 4: SageCompanyName is empty; SageSiteId is empty',
			'Row 5: needs a SageAccountNumber or a SageCustomerId',
			'Row 6: CustomerId "cus_0099" does not exist in The Layer',
			'Row 7: SageCustomerId "1" in Acme Group / site 1 is also linked on row 2',
			'Row 8: CustomerId "cus_0007" is also on row 9',
			'Row 9: CustomerId "cus_0007" is also on row 8',
		]);
		expect(invalid.every((i) => i.fileRejected === true && i.withheldValidRows === 0)).toBe(true);
		expect(run.paired[1]).toEqual([[0], [1], [2], [3], [4], [5], [6], [7]]);
	});

	it('holds back good rows of a bad file unless told to skip bad rows', async () => {
		const rows = [row('cus_0001', { SageCustomerId: '1' }), row('cus_0002')];
		const held = await validate(rows);
		expect(held.outputs[0]).toEqual([]);
		expect(held.outputs[1][0]).toMatchObject({
			rowNumber: 3,
			fileRejected: true,
			withheldValidRows: 1,
		});
		const skipped = await validate(rows, { skipBadRows: true });
		expect(skipped.outputs[0].map((v) => v.customerId)).toEqual(['cus_0001']);
		expect(skipped.outputs[1][0]).toMatchObject({ rowNumber: 3, fileRejected: false });
	});

	it('reports a missing column once for the file, and reads headers case- and space-insensitively', async () => {
		const run = await validate(
			[{ 'Customer Id': 'cus_0001', 'Sage Company Name': 'Acme', SageCustomerId: '9' }],
			{
				firstRowNumber: 5,
			},
		);
		const [valid, invalid] = run.outputs;
		expect(valid).toEqual([]);
		expect(invalid.map((i) => i.reason)).toEqual([
			'File: column SageSiteId is missing',
			'Row 5: SageSiteId is empty',
		]);
		expect(invalid[0].rowNumber).toBe(4);
	});

	it('checks CustomerIds against Layer customers given as n8n items', async () => {
		const run = await validate([row('cus_0001', { SageCustomerId: '1' })], {
			knownCustomers: JSON.stringify([
				{ json: { id: 'cus_0002', companyName: 'B' }, pairedItem: { item: 0 } },
			]),
		});
		expect(run.outputs[1].map((i) => i.reason)).toEqual([
			'Row 2: CustomerId "cus_0001" does not exist in The Layer',
		]);
	});
});
