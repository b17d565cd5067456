import type { IDataObject } from 'n8n-workflow';

import {
	DEFAULT_PATHS,
	SageCustomerIndex,
	matchCustomers,
	type StrategyRow,
} from '../../../nodes/SageSync/actions/matchCustomers/matcher';
import { runSync } from '../helpers';

const INTACCT_CUSTOMERS = [
	{ CUSTOMERID: 'C-ACME', NAME: 'ACME LIMITED', DISPLAYCONTACT: { EMAIL1: 'ap@acme.co.uk' } },
	{
		CUSTOMERID: 'C-BRIGHT',
		NAME: 'Brightwater Consulting Ltd',
		DISPLAYCONTACT: { EMAIL1: 'accounts@brightwater.co.uk' },
	},
	{
		CUSTOMERID: 'C-NORTH1',
		NAME: 'Northwind Traders',
		DISPLAYCONTACT: { EMAIL1: 'north1@example.com' },
	},
	{
		CUSTOMERID: 'C-NORTH2',
		NAME: 'Northwind Traders Ltd',
		DISPLAYCONTACT: { EMAIL1: 'north2@example.com' },
	},
	{ CUSTOMERID: 'cus_0007', NAME: 'Created By Sync Ltd' },
	{ CUSTOMERID: 'C-CASH', NAME: 'Cash Sales' },
];

const index = new SageCustomerIndex(INTACCT_CUSTOMERS, DEFAULT_PATHS.intacct);
const ALL: StrategyRow[] = [
	{ strategy: 'link' },
	{ strategy: 'customerId' },
	{ strategy: 'companyName' },
	{ strategy: 'email' },
];

function match(
	customers: IDataObject[],
	rows: StrategyRow[] = ALL,
	scope = { sageCompany: '', sageSiteId: '' },
) {
	return matchCustomers(
		customers.map((record) => ({ record, rows })),
		index,
		scope,
	);
}

describe('Match customers › strategies', () => {
	it('matches a name differing only by case, punctuation or Ltd/Limited', () => {
		for (const companyName of ['Acme Ltd', 'acme limited', 'ACME, LTD.', 'Acme']) {
			const [result] = match([{ id: 'cus_1', companyName }]);
			expect(result).toMatchObject({
				outcome: 'matched',
				strategy: 'companyName',
				sage: { id: 'C-ACME' },
			});
		}
	});

	it('calls two Sage customers with the same name ambiguous, and does not fall through to later strategies', () => {
		const [result] = match([
			{ id: 'cus_2', companyName: 'Northwind Traders', email: 'north1@example.com' },
		]);
		expect(result).toMatchObject({
			outcome: 'ambiguous',
			strategy: 'companyName',
			reason: '2 Sage customers match companyName "Northwind Traders"',
		});
		expect(result.outcome === 'ambiguous' && result.candidates.map((c) => c.id)).toEqual([
			'C-NORTH1',
			'C-NORTH2',
		]);
	});

	it('calls two Layer customers taking the same Sage customer by name ambiguous', () => {
		const results = match([
			{ id: 'cus_3', companyName: 'Acme Ltd' },
			{ id: 'cus_4', companyName: 'ACME LIMITED' },
			{ id: 'cus_5', companyName: 'Brightwater Consulting Ltd' },
		]);
		expect(results.map((r) => r.outcome)).toEqual(['ambiguous', 'ambiguous', 'matched']);
		expect(results[0]).toMatchObject({
			reason: 'Sage customer C-ACME also matches Layer customer cus_4',
		});
	});

	it('lets an existing link stand when another customer only matches the same Sage customer by name', () => {
		const results = match([
			{ id: 'cus_3', companyName: 'Acme Ltd' },
			{
				id: 'cus_9',
				companyName: 'Acme Holdings',
				sage: { sageCompany: 'DEMO', sageCustomerId: 'C-ACME' },
			},
		]);
		expect(results[1]).toMatchObject({ outcome: 'matched', strategy: 'link' });
		expect(results[0]).toMatchObject({ outcome: 'ambiguous', strategy: 'companyName' });
	});

	it('uses the link only in the configured Sage company and site; a stale link needs a person', () => {
		const linked = {
			id: 'cus_6',
			companyName: 'Whatever',
			sage: { sageCompany: 'DEMO', sageSiteId: '1', sageAccountNumber: 'c-bright' },
		};
		expect(match([linked], ALL, { sageCompany: 'demo', sageSiteId: '1' })[0]).toMatchObject({
			outcome: 'matched',
			strategy: 'link',
			sage: { id: 'C-BRIGHT' },
		});
		expect(match([linked], ALL, { sageCompany: 'OTHER', sageSiteId: '' })[0]).toMatchObject({
			outcome: 'notFound',
		});
		expect(
			match([{ ...linked, sage: { sageCompany: 'DEMO', sageCustomerId: 'C-GONE' } }])[0],
		).toMatchObject({
			outcome: 'ambiguous',
			strategy: 'link',
			reason: 'linked to Sage customer C-GONE, which is not in the Sage customer list',
		});
	});

	it('reads the customer upload’s columns as a link', () => {
		const row = {
			CustomerId: 'cus_0008',
			SageCompanyName: 'DEMO',
			SageSiteId: '1',
			SageCustomerId: 'C-ACME',
		};
		expect(match([row])[0]).toMatchObject({
			outcome: 'matched',
			strategy: 'link',
			sage: { id: 'C-ACME' },
		});
	});

	it('matches by customer ID, e-mail and account number, in the order given', () => {
		expect(match([{ id: 'cus_0007', companyName: 'Renamed' }])[0]).toMatchObject({
			strategy: 'customerId',
		});
		expect(match([{ id: 'x', companyName: 'Unknown', email: 'AP@ACME.CO.UK' }])[0]).toMatchObject({
			strategy: 'email',
			sage: { id: 'C-ACME' },
		});
		expect(
			match(
				[{ id: 'x', companyName: 'Acme', accountNumber: 'C-BRIGHT' }],
				[{ strategy: 'accountNumber' }, { strategy: 'companyName' }],
			)[0],
		).toMatchObject({ strategy: 'accountNumber', sage: { id: 'C-BRIGHT' } });
		expect(
			match(
				[{ id: 'x', companyName: 'x' }],
				[{ strategy: 'companyName', layerValue: 'Acme plc' }],
			)[0],
		).toMatchObject({
			strategy: 'companyName',
			sage: { id: 'C-ACME' },
		});
	});

	it('sends what nothing matched to the catch-all customer, or to Not Found without one', () => {
		const unknown = { id: 'cus_x', companyName: 'Nobody Ltd' };
		expect(match([unknown])[0]).toEqual({
			outcome: 'notFound',
			tried: ['link', 'customerId', 'companyName', 'email'],
		});
		expect(
			match([unknown], [...ALL, { strategy: 'catchAll', catchAllCustomer: 'C-CASH' }])[0],
		).toMatchObject({
			outcome: 'matched',
			strategy: 'catchAll',
			sage: { id: 'C-CASH', name: 'Cash Sales' },
		});
	});
});

describe('Sage Sync › Match Customers (in the n8n engine)', () => {
	it('routes to Matched, Not Found and Ambiguous, with link fields for The Layer', async () => {
		const run = await runSync(
			{
				operation: 'matchCustomers',
				sageSystem: 'sage200',
				sageCustomers: JSON.stringify([
					{ id: 27006, reference: 'ACME01', name: 'Acme Limited' },
					{ id: 27007, reference: 'NORTH1', name: 'Northwind' },
					{ id: 27008, reference: 'NORTH2', name: 'NORTHWIND LTD' },
				]),
				sageCompany: 'Acme Group',
				sageSiteId: '1',
				strategies: { strategy: [{ strategy: 'link' }, { strategy: 'companyName' }] },
			},
			[
				{ id: 'cus_1', companyName: 'Acme Ltd' },
				{ id: 'cus_2', companyName: 'Nobody' },
				{ id: 'cus_3', companyName: 'Northwind' },
			],
		);
		expect(run.error).toBeUndefined();
		const [matched, notFound, ambiguous] = run.outputs;
		expect(matched).toEqual([
			expect.objectContaining({
				id: 'cus_1',
				match: expect.objectContaining({
					strategy: 'companyName',
					sageCustomerId: '27006',
					sageAccountNumber: 'ACME01',
				}),
				linkFields: {
					sageCompany: 'Acme Group',
					sageSiteId: '1',
					sageCustomerId: '27006',
					sageAccountNumber: 'ACME01',
					synced: true,
				},
			}),
		]);
		expect(notFound.map((c) => c.id)).toEqual(['cus_2']);
		expect(ambiguous.map((c) => [c.id, (c.match as IDataObject).candidates])).toEqual([
			[
				'cus_3',
				[
					{ sageCustomerId: '27007', sageAccountNumber: 'NORTH1', sageName: 'Northwind' },
					{ sageCustomerId: '27008', sageAccountNumber: 'NORTH2', sageName: 'NORTHWIND LTD' },
				],
			],
		]);
		expect(run.paired).toEqual([[[0]], [[1]], [[2]]]);
	});
});
