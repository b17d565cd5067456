import {
	call,
	child,
	customerXml,
	dataOf,
	errorsOf,
	fn,
	one,
	postRaw,
	readByQuery,
	results,
	rowsOf,
	startSandbox,
	statusOf,
	text,
	x,
} from './helpers';
import type { IntacctSandbox } from './helpers';

let sandbox: IntacctSandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => sandbox.close());
beforeEach(() => sandbox.store.reset());

const create = (objects: string) => one(sandbox, `<create>${objects}</create>`);
const update = (objects: string) => one(sandbox, `<update>${objects}</update>`);
const readByName = (object: string, keys: string, fields = '*') =>
	one(
		sandbox,
		`<readByName><object>${object}</object><keys>${x(keys)}</keys><fields>${fields}</fields></readByName>`,
	);

describe('CUSTOMER create', () => {
	it('returns RECORDNO and CUSTOMERID in listtype="objects"', async () => {
		const result = await create(customerXml('C100', 'Acme Ltd'));
		expect(statusOf(result)).toBe('success');
		expect(dataOf(result).attrs).toEqual({ listtype: 'objects', count: '1' });
		const created = dataOf(result).children[0];
		expect(created.name).toBe('customer');
		expect(text(created, 'CUSTOMERID')).toBe('C100');
		expect(Number(text(created, 'RECORDNO'))).toBeGreaterThan(3);
	});

	it('round-trips XML metacharacters and unicode byte for byte', async () => {
		const tricky = `Smith & Sons <"Zoë"> 'quoted' — ✓ 🚀 ]]> &amp; literal`;
		const padded = `  two  spaces\tand tab  `;
		const body =
			'<?xml version="1.0" encoding="UTF-8"?><request><control>' +
			`<senderid>${sandbox.credentials.senderId}</senderid><password>${sandbox.credentials.senderPassword}</password>` +
			'<controlid>rt</controlid><uniqueid>false</uniqueid><dtdversion>3.0</dtdversion></control>' +
			'<operation><authentication><login>' +
			`<userid>${sandbox.credentials.userId}</userid><companyid>${sandbox.credentials.companyId}</companyid>` +
			`<password>${sandbox.credentials.userPassword}</password></login></authentication><content>` +
			// The name uses entity references, the comment a CDATA section and numeric references.
			`<function controlid="c"><create><CUSTOMER><CUSTOMERID>RT1</CUSTOMERID><NAME>${x(tricky)}</NAME>` +
			`<DISPLAYCONTACT><PRINTAS>${x(padded)}</PRINTAS></DISPLAYCONTACT>` +
			`<COMMENTS>&#90;&#x6f;&#235; <![CDATA[<raw> & "cdata"]]></COMMENTS></CUSTOMER></create></function>` +
			'</content></operation></request>';
		const created = await postRaw(sandbox, body);
		expect(statusOf(results(created)[0])).toBe('success');
		const recordNo = text(dataOf(results(created)[0]).children[0], 'RECORDNO')!;
		const read = await one(
			sandbox,
			`<read><object>CUSTOMER</object><keys>${recordNo}</keys><fields>*</fields></read>`,
		);
		const record = dataOf(read).children[0];
		expect(text(record, 'NAME')).toBe(tricky);
		expect(text(record, 'DISPLAYCONTACT/PRINTAS')).toBe(padded);
		expect(text(record, 'COMMENTS')).toBe('Zoë <raw> & "cdata"');
		const reply = await call(sandbox, [
			fn('q', readByQuery('CUSTOMER', `NAME = '${tricky.replace(/'/g, "\\'")}'`, 'NAME')),
		]);
		expect(reply.text).toContain(
			'<NAME>Smith &amp; Sons &lt;&quot;Zoë&quot;&gt; &apos;quoted&apos; — ✓ 🚀 ]]&gt; &amp;amp; literal</NAME>',
		);
		expect(rowsOf(results(reply)[0])).toEqual([{ NAME: tricky }]);
	});

	it('defaults STATUS, ONHOLD and the contact name', async () => {
		await create(customerXml('C101', 'Beta LLC'));
		const record = dataOf(await readByName('CUSTOMER', 'C101')).children[0];
		expect(text(record, 'STATUS')).toBe('active');
		expect(text(record, 'ONHOLD')).toBe('false');
		expect(text(record, 'DISPLAYCONTACT/CONTACTNAME')).toBe('Beta LLC(CC101)');
		expect(text(record, 'TOTALDUE')).toBe('0.00');
	});

	it('fails a duplicate CUSTOMERID with two BL01001973 errors and an empty objects list', async () => {
		const result = await create(customerXml('C0001', 'Again'));
		expect(statusOf(result)).toBe('failure');
		expect(dataOf(result).attrs).toEqual({ listtype: 'objects', count: '0' });
		expect(errorsOf(result)).toEqual([
			{
				errorno: 'BL01001973',
				description: '',
				description2: 'Another Customer with the given value(s) C0001 already exists',
			},
			{ errorno: 'BL01001973', description: '', description2: 'Could not create Customer record.' },
		]);
	});

	it('requires NAME, DISPLAYCONTACT/PRINTAS and CUSTOMERID, and rejects unknown fields and bad values', async () => {
		const cases = [
			'<CUSTOMER><CUSTOMERID>X1</CUSTOMERID><DISPLAYCONTACT><PRINTAS>X</PRINTAS></DISPLAYCONTACT></CUSTOMER>',
			'<CUSTOMER><CUSTOMERID>X1</CUSTOMERID><NAME>X</NAME></CUSTOMER>',
			'<CUSTOMER><NAME>X</NAME><DISPLAYCONTACT><PRINTAS>X</PRINTAS></DISPLAYCONTACT></CUSTOMER>',
			customerXml('X1', 'X', '<FAVOURITECOLOUR>blue</FAVOURITECOLOUR>'),
			customerXml('X1', 'X', '<STATUS>maybe</STATUS>'),
			customerXml('X1', 'X', '<CREDITLIMIT>lots</CREDITLIMIT>'),
		];
		for (const object of cases) {
			const result = await create(object);
			expect(statusOf(result)).toBe('failure');
			expect(errorsOf(result)).toHaveLength(2);
		}
	});

	it('creates several objects in one function and bills each', async () => {
		sandbox.meter.reset();
		const result = await create(
			`${customerXml('M1', 'One')}<DEPARTMENT><DEPARTMENTID>OPS</DEPARTMENTID><TITLE>Operations</TITLE></DEPARTMENT>`,
		);
		expect(dataOf(result).children.map((c) => c.name)).toEqual(['customer', 'department']);
		expect(sandbox.meter.snapshot().billed).toEqual({ CUSTOMER: 1, DEPARTMENT: 1 });
	});
});

describe('CUSTOMER update and delete', () => {
	it('changes only the fields sent, by CUSTOMERID or RECORDNO, and bumps WHENMODIFIED', async () => {
		sandbox.clock.freeze('2025-04-01T10:00:00Z');
		await create(
			customerXml(
				'U1',
				'Before',
				'<DISPLAYCONTACT><EMAIL1>a@b.test</EMAIL1></DISPLAYCONTACT><COMMENTS>keep</COMMENTS>',
			),
		);
		sandbox.clock.advance(60_000);
		const byId = await update(
			'<CUSTOMER><CUSTOMERID>U1</CUSTOMERID><NAME>After</NAME><DISPLAYCONTACT><EMAIL1>new@b.test</EMAIL1></DISPLAYCONTACT></CUSTOMER>',
		);
		expect(statusOf(byId)).toBe('success');
		const record = dataOf(await readByName('CUSTOMER', 'U1')).children[0];
		expect(text(record, 'NAME')).toBe('After');
		expect(text(record, 'COMMENTS')).toBe('keep');
		expect(text(record, 'DISPLAYCONTACT/EMAIL1')).toBe('new@b.test');
		expect(text(record, 'DISPLAYCONTACT/PRINTAS')).toBe('Before');
		expect(text(record, 'WHENCREATED')).toBe('04/01/2025 10:00:00');
		expect(text(record, 'WHENMODIFIED')).toBe('04/01/2025 10:01:00');
		const recordNo = text(record, 'RECORDNO');
		const byRecordNo = await update(
			`<CUSTOMER><RECORDNO>${recordNo}</RECORDNO><STATUS>inactive</STATUS><COMMENTS></COMMENTS></CUSTOMER>`,
		);
		expect(text(dataOf(byRecordNo).children[0], 'CUSTOMERID')).toBe('U1');
		const after = dataOf(await readByName('CUSTOMER', 'U1', 'STATUS,COMMENTS')).children[0];
		expect(text(after, 'STATUS')).toBe('inactive');
		expect(text(after, 'COMMENTS')).toBe('');
		sandbox.clock.release();
	});

	it('fails an update of a missing customer', async () => {
		const result = await update('<CUSTOMER><CUSTOMERID>NOPE</CUSTOMERID><NAME>x</NAME></CUSTOMER>');
		expect(statusOf(result)).toBe('failure');
		expect(errorsOf(result)[0]).toEqual({
			errorno: 'BL01001973',
			description: '',
			description2: 'Cannot update non-existing CUSTOMER with CUSTOMERID=NOPE.',
		});
	});

	it('deletes by RECORDNO (generic) and by customerid (legacy), refusing customers with invoices', async () => {
		await create(`${customerXml('D1', 'Del one')}${customerXml('D2', 'Del two')}`);
		const d1 = sandbox.store.findOne('CUSTOMER', 'CUSTOMERID', 'D1')!.recordNo;
		const generic = await one(
			sandbox,
			`<delete><object>CUSTOMER</object><keys>${d1}</keys></delete>`,
		);
		expect(statusOf(generic)).toBe('success');
		expect(child(generic, 'data')).toBeUndefined();
		const legacy = await one(sandbox, '<delete_customer customerid="D2"/>');
		expect(statusOf(legacy)).toBe('success');
		expect(sandbox.store.findOne('CUSTOMER', 'CUSTOMERID', 'D2')).toBeUndefined();
		const withInvoice = await one(sandbox, '<delete_customer customerid="C0001"/>');
		expect(statusOf(withInvoice)).toBe('failure');
		const missing = await one(
			sandbox,
			'<delete><object>CUSTOMER</object><keys>99999</keys></delete>',
		);
		expect(statusOf(missing)).toBe('failure');
	});
});

describe('read and readByName', () => {
	it('returns listtype and count; missing keys are simply absent', async () => {
		const result = await readByName('CUSTOMER', 'C0001,NOPE,C0003', 'CUSTOMERID');
		expect(dataOf(result).attrs).toEqual({ listtype: 'customer', count: '2' });
		expect(rowsOf(result)).toEqual([{ CUSTOMERID: 'C0001' }, { CUSTOMERID: 'C0003' }]);
		const none = await one(
			sandbox,
			'<read><object>CUSTOMER</object><keys>99999</keys><fields>*</fields></read>',
		);
		expect(dataOf(none).attrs).toEqual({ listtype: 'customer', count: '0' });
	});

	it('reads other objects by their ID field', async () => {
		expect(rowsOf(await readByName('GLACCOUNT', '4000', 'ACCOUNTNO,TITLE,ACCOUNTTYPE'))).toEqual([
			{ ACCOUNTNO: '4000', TITLE: 'Sales - Services', ACCOUNTTYPE: 'incomestatement' },
		]);
		expect(
			rowsOf(
				await readByName('CHECKINGACCOUNT', 'BARCLAYS-GBP', 'BANKACCOUNTID,GLACCOUNTNO,CURRENCY'),
			),
		).toEqual([{ BANKACCOUNTID: 'BARCLAYS-GBP', GLACCOUNTNO: '1010', CURRENCY: 'GBP' }]);
		expect(rowsOf(await readByName('LOCATIONENTITY', 'IE', 'LOCATIONID,NAME,CURRENCY'))).toEqual([
			{ LOCATIONID: 'IE', NAME: 'The Layer Ireland Ltd', CURRENCY: 'EUR' },
		]);
	});
});

describe('other objects', () => {
	it('fails a duplicate GL account with the documented two errors', async () => {
		const result = await create(
			'<GLACCOUNT><ACCOUNTNO>4000</ACCOUNTNO><TITLE>Dup</TITLE></GLACCOUNT>',
		);
		expect(errorsOf(result)).toEqual([
			{
				errorno: 'BL01001973',
				description: 'Duplicate account number',
				description2: "The account number '4000' already exists",
			},
			{
				errorno: 'BL01001973',
				description: '',
				description2: 'Could not create GL Account record.',
			},
		]);
	});

	it('creates locations and departments with existing parents only', async () => {
		expect(
			statusOf(
				await create(
					'<LOCATION><LOCATIONID>UK-BRS</LOCATIONID><NAME>Bristol</NAME><PARENTID>UK</PARENTID></LOCATION>',
				),
			),
		).toBe('success');
		expect(
			statusOf(
				await create(
					'<LOCATION><LOCATIONID>X</LOCATIONID><NAME>X</NAME><PARENTID>NOPE</PARENTID></LOCATION>',
				),
			),
		).toBe('failure');
		expect(
			statusOf(
				await create(
					'<DEPARTMENT><DEPARTMENTID>SALES-N</DEPARTMENTID><TITLE>North</TITLE><PARENTID>SALES</PARENTID></DEPARTMENT>',
				),
			),
		).toBe('success');
	});

	it('refuses generic writes to read-only objects and ARINVOICE', async () => {
		for (const object of [
			'<CHECKINGACCOUNT><BANKACCOUNTID>NEW</BANKACCOUNTID></CHECKINGACCOUNT>',
			'<LOCATIONENTITY><LOCATIONID>FR</LOCATIONID><NAME>France</NAME></LOCATIONENTITY>',
			'<ARINVOICE><CUSTOMERID>C0001</CUSTOMERID></ARINVOICE>',
		]) {
			const result = await create(object);
			expect(statusOf(result)).toBe('failure');
			expect(errorsOf(result)[0].description2).toMatch(/not supported/);
		}
	});

	it('answers an unknown object in create with Object definition not found', async () => {
		const result = await create('<WIDGET><ID>1</ID></WIDGET>');
		expect(errorsOf(result)[0]).toMatchObject({
			errorno: 'Query Failed',
			description2: 'Object definition WIDGET not found',
		});
	});
});
