import { SageIntacct } from '../../../nodes/SageIntacct/SageIntacct.node';
import type { IntacctSandbox } from '../../../sandbox/intacct/server';
import { runListSearch, runLoadOptions } from '../../helpers/engine';
import { credentialTypes, intacctCredentials, records, runIntacct, startSandbox } from '../helpers';

describe('Sage Intacct › reference data (GL accounts, bank accounts, locations, departments, entities)', () => {
	let sandbox: IntacctSandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(async () => sandbox.close());

	it('creates, updates, gets and deletes a GL account', async () => {
		const created = await runIntacct(sandbox, {
			resource: 'glAccount',
			operation: 'create',
			ACCOUNTNO: '4090',
			TITLE: 'Sales - Training',
			additionalFields: { ACCOUNTTYPE: 'incomestatement', NORMALBALANCE: 'credit' },
		});
		expect(created.items[0]).toMatchObject({ ACCOUNTNO: '4090', outcome: 'applied' });
		const updated = await runIntacct(sandbox, {
			resource: 'glAccount',
			operation: 'update',
			ACCOUNTNO: '4090',
			updateFields: { TITLE: 'Sales - Courses' },
		});
		expect(updated.error).toBeUndefined();
		const got = await runIntacct(sandbox, { resource: 'glAccount', operation: 'get', id: '4090' });
		expect(got.items[0]).toMatchObject({
			TITLE: 'Sales - Courses',
			ACCOUNTTYPE: 'incomestatement',
		});
		const duplicate = await runIntacct(sandbox, {
			resource: 'glAccount',
			operation: 'create',
			ACCOUNTNO: '4000',
			TITLE: 'Clash',
		});
		expect(duplicate.error?.message).toMatch(/BL01001973/);
		const deleted = await runIntacct(sandbox, {
			resource: 'glAccount',
			operation: 'delete',
			recordNo: String(got.items[0].RECORDNO),
		});
		expect(deleted.items[0]).toMatchObject({ deleted: true });
		expect((await records(sandbox, 'GLACCOUNT')).some((a) => a.ACCOUNTNO === '4090')).toBe(false);
	});

	it.each([
		['glAccount', 'ACCOUNTNO', '4000'],
		['bankAccount', 'BANKACCOUNTID', 'BARCLAYS-GBP'],
		['location', 'LOCATIONID', 'UK-LON'],
		['department', 'DEPARTMENTID', 'SALES'],
		['entity', 'LOCATIONID', 'UK'],
	])('lists and gets %s', async (resource, idField, id) => {
		const many = await runIntacct(sandbox, { resource, operation: 'getAll', returnAll: true });
		expect(many.error).toBeUndefined();
		expect(many.items.map((r) => r[idField])).toContain(id);
		const one = await runIntacct(sandbox, { resource, operation: 'get', id });
		expect(one.items[0][idField]).toBe(id);
	});

	it('creates and updates locations and departments', async () => {
		await runIntacct(sandbox, {
			resource: 'location',
			operation: 'create',
			LOCATIONID: 'UK-BRS',
			NAME: 'Bristol',
		});
		await runIntacct(sandbox, {
			resource: 'department',
			operation: 'create',
			DEPARTMENTID: 'OPS',
			TITLE: 'Operations',
		});
		await runIntacct(sandbox, {
			resource: 'department',
			operation: 'update',
			DEPARTMENTID: 'OPS',
			updateFields: { TITLE: 'Operations & Delivery' },
		});
		expect((await records(sandbox, 'LOCATION')).find((l) => l.LOCATIONID === 'UK-BRS')?.NAME).toBe(
			'Bristol',
		);
		expect(
			(await records(sandbox, 'DEPARTMENT')).find((d) => d.DEPARTMENTID === 'OPS')?.TITLE,
		).toBe('Operations & Delivery');
	});

	it('feeds the dropdowns and the customer search from Intacct', async () => {
		const common = {
			credentialTypes,
			credentials: { sageIntacctApi: intacctCredentials(sandbox) },
		};
		const gl = await runLoadOptions(new SageIntacct(), 'getGlAccounts', common);
		expect(gl.map((o) => o.value)).toEqual(expect.arrayContaining(['4000', '1200']));
		const banks = await runLoadOptions(new SageIntacct(), 'getBankAccounts', common);
		expect(banks.map((o) => o.value)).toContain('BARCLAYS-GBP');
		for (const method of ['getLocations', 'getDepartments', 'getEntities']) {
			expect((await runLoadOptions(new SageIntacct(), method, common)).length).toBeGreaterThan(0);
		}
		const found = await runListSearch(new SageIntacct(), 'searchCustomers', {
			...common,
			filter: 'Thames',
		});
		expect(found.results.map((r) => r.value)).toEqual(['C0003']);
	});

	it('reads and writes any object through Custom Object', async () => {
		const created = await runIntacct(sandbox, {
			resource: 'customObject',
			operation: 'create',
			object: 'department',
			fieldsJson: JSON.stringify({ DEPARTMENTID: 'RND', TITLE: 'R&D <Labs>' }),
		});
		expect(created.error).toBeUndefined();
		const queried = await runIntacct(sandbox, {
			resource: 'customObject',
			operation: 'query',
			object: 'DEPARTMENT',
			returnAll: true,
			query: "DEPARTMENTID = 'RND'",
		});
		expect(queried.items[0]).toMatchObject({ TITLE: 'R&D <Labs>' });
		const recordNo = String(queried.items[0].RECORDNO);
		const read = await runIntacct(sandbox, {
			resource: 'customObject',
			operation: 'read',
			object: 'DEPARTMENT',
			recordNos: recordNo,
		});
		expect(read.items[0].DEPARTMENTID).toBe('RND');
		await runIntacct(sandbox, {
			resource: 'customObject',
			operation: 'update',
			object: 'DEPARTMENT',
			fieldsJson: JSON.stringify({ DEPARTMENTID: 'RND', TITLE: 'Research' }),
		});
		expect(
			(await records(sandbox, 'DEPARTMENT')).find((d) => d.DEPARTMENTID === 'RND')?.TITLE,
		).toBe('Research');
		const deleted = await runIntacct(sandbox, {
			resource: 'customObject',
			operation: 'delete',
			object: 'DEPARTMENT',
			recordNo,
		});
		expect(deleted.items[0]).toMatchObject({ deleted: true });
		const unknown = await runIntacct(sandbox, {
			resource: 'customObject',
			operation: 'query',
			object: 'NOSUCH',
			returnAll: true,
		});
		expect(unknown.error?.message).toMatch(/Object definition NOSUCH not found/);
		const badJson = await runIntacct(sandbox, {
			resource: 'customObject',
			operation: 'create',
			object: 'DEPARTMENT',
			fieldsJson: '{oops',
		});
		expect(badJson.error?.message).toBe('Item 0: Field "fieldsJson" is not valid JSON');
	});
});
