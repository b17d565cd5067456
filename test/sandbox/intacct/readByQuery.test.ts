import {
	call,
	child,
	customerXml,
	dataOf,
	errorsOf,
	fn,
	one,
	readByQuery,
	results,
	rowsOf,
	startSandbox,
	statusOf,
	x,
} from './helpers';
import type { IntacctSandbox, XmlElement } from './helpers';

let sandbox: IntacctSandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
	sandbox.clock.freeze('2025-01-01T08:00:00Z');
	sandbox.store.reset();
	const extra = [
		customerXml('G001', "Erik's Deli", '<STATUS>inactive</STATUS>'),
		customerXml('G002', 'Smith & Sons <"Zoë">'),
		customerXml('G003', 'Back\\slash Ltd'),
	];
	sandbox.clock.freeze('2025-03-05T14:30:00Z');
	const reply = await call(sandbox, [fn('seed', `<create>${extra.join('')}</create>`)]);
	expect(statusOf(results(reply)[0])).toBe('success');
});
afterAll(async () => sandbox.close());

async function ids(
	object: string,
	query: string,
	field = object === 'CUSTOMER' ? 'CUSTOMERID' : 'RECORDNO',
) {
	const result = await one(sandbox, readByQuery(object, query, field, 1000));
	if (statusOf(result) !== 'success') throw new Error(JSON.stringify(errorsOf(result)));
	return rowsOf(result).map((r) => r[field]);
}

describe('readByQuery output', () => {
	it('returns lower-case records with UPPERCASE fields and the paging attributes', async () => {
		const result = await one(
			sandbox,
			readByQuery('CUSTOMER', "CUSTOMERID = 'C0001'", 'CUSTOMERID,NAME,STATUS'),
		);
		const data = dataOf(result);
		expect(data.attrs).toEqual({
			listtype: 'customer',
			count: '1',
			totalcount: '1',
			numremaining: '0',
			resultId: '',
		});
		expect(data.children[0].name).toBe('customer');
		expect(rowsOf(result)).toEqual([
			{ CUSTOMERID: 'C0001', NAME: 'Harrowgate Digital Ltd', STATUS: 'active' },
		]);
	});

	it('returns DISPLAYCONTACT nested and accepts dotted field names', async () => {
		const all = await one(sandbox, readByQuery('CUSTOMER', "CUSTOMERID = 'C0002'"));
		const record = dataOf(all).children[0];
		const contact = child(record, 'DISPLAYCONTACT') as XmlElement;
		expect(child(contact, 'EMAIL1')?.text).toBe('finance@pennine-analytics.co.uk');
		expect(child(child(contact, 'MAILADDRESS'), 'CITY')?.text).toBe('Manchester');
		expect(child(record, 'WHENCREATED')?.text).toBe('01/01/2025 08:00:00');
		const some = await one(
			sandbox,
			readByQuery('CUSTOMER', "CUSTOMERID = 'C0002'", 'CUSTOMERID,DISPLAYCONTACT.EMAIL1'),
		);
		expect(rowsOf(some)).toEqual([
			{ CUSTOMERID: 'C0002', 'DISPLAYCONTACT.EMAIL1': 'finance@pennine-analytics.co.uk' },
		]);
	});

	it('orders by RECORDNO ascending', async () => {
		expect(await ids('CUSTOMER', '')).toEqual(['C0001', 'C0002', 'C0003', 'G001', 'G002', 'G003']);
	});
});

describe('query grammar', () => {
	it.each([
		["NAME = 'Erik\\'s Deli'", ['G001']],
		["NAME = 'Back\\\\slash Ltd'", ['G003']],
		[`NAME = 'Smith & Sons <"Zoë">'`, ['G002']],
		["CUSTOMERID IN ('C0001','C0003', 'ZZZ')", ['C0001', 'C0003']],
		["CUSTOMERID NOT IN ('C0001','C0003')", ['C0002', 'G001', 'G002', 'G003']],
		["NAME LIKE 'P%'", ['C0002']],
		["NAME like '%Lt_'", ['C0001', 'C0002', 'C0003', 'G003']],
		["NAME NOT LIKE '%Ltd'", ['G001', 'G002']],
		["STATUS = 'F'", ['G001']],
		["STATUS = 'T' AND CUSTOMERID <> 'C0002' AND CUSTOMERID != 'G002'", ['C0001', 'C0003', 'G003']],
		["NOT (CUSTOMERID = 'C0001' OR CUSTOMERID = 'C0002') AND CUSTOMERID < 'G'", ['C0003']],
		["(CUSTOMERID = 'C0001' OR CUSTOMERID = 'C0002') AND STATUS = 'T'", ['C0001', 'C0002']],
		["CUSTOMERID = 'C0001' OR CUSTOMERID = 'C0002' AND STATUS = 'F'", ['C0001']],
		["NOT CUSTOMERID >= 'C0002'", ['C0001']],
		["WHENCREATED > '03/01/2025'", ['G001', 'G002', 'G003']],
		["WHENCREATED < '03/05/2025 14:30:00'", ['C0001', 'C0002', 'C0003']],
		["WHENMODIFIED >= '03/05/2025 14:30:00'", ['G001', 'G002', 'G003']],
		['DISPLAYCONTACT.EMAIL1 IS NULL', ['G001', 'G002', 'G003']],
		["DISPLAYCONTACT.EMAIL1 IS NOT NULL and DISPLAYCONTACT.EMAIL1 LIKE '%pennine%'", ['C0002']],
		['TOTALDUE > 1000', ['C0001', 'C0002']],
		['TOTALDUE = 480.5', ['C0003']],
		['', ['C0001', 'C0002', 'C0003', 'G001', 'G002', 'G003']],
	])('CUSTOMER %s', async (query, expected) => {
		expect(await ids('CUSTOMER', query)).toEqual(expected);
	});

	it('compares money, dates and enum aliases on other objects', async () => {
		expect(
			await ids('ARINVOICE', "WHENDUE < '03/01/2025' AND TOTALDUE >= 1200.00", 'RECORDID'),
		).toEqual(['INV-0001']);
		expect(
			await ids('ARINVOICE', "MODULEKEY = '4.AR' AND STATE = 'Posted'", 'RECORDID'),
		).toHaveLength(3);
		expect(await ids('GLACCOUNT', "ACCOUNTTYPE = 'I'", 'ACCOUNTNO')).toEqual([
			'4000',
			'4010',
			'4020',
		]);
		expect(
			await ids('GLACCOUNT', "ACCOUNTTYPE = 'N' AND ACCOUNTNO IN (1010, 1200)", 'ACCOUNTNO'),
		).toEqual(['1010', '1200']);
		expect(await ids('LOCATION', "PARENTID = 'UK'", 'LOCATIONID')).toEqual(['UK-LON', 'UK-MAN']);
	});

	it.each([
		["NAME = 'unterminated", 'Syntax error'],
		["NAME = 'a' AND", 'Syntax error'],
		["(NAME = 'a'", 'Syntax error'],
		["WHENCREATED > '2025-03-01'", 'Invalid value'],
		["TOTALDUE > 'lots'", 'Invalid value'],
	])('fails %s with DL02000001', async (query, message) => {
		const result = await one(sandbox, readByQuery('CUSTOMER', query));
		expect(statusOf(result)).toBe('failure');
		const [error] = errorsOf(result);
		expect(error.errorno).toBe('DL02000001');
		expect(error.description2).toContain(message);
	});
});

describe('errors', () => {
	it('fails an unknown field in fields or in the query with DL02000001', async () => {
		for (const inner of [
			readByQuery('CUSTOMER', '', 'CUSTOMERID,NOPE'),
			readByQuery('CUSTOMER', "NOPE = 'x'"),
		]) {
			const result = await one(sandbox, inner);
			expect(statusOf(result)).toBe('failure');
			expect(errorsOf(result)[0]).toMatchObject({
				errorno: 'DL02000001',
				description2: "Invalid field 'NOPE' for object CUSTOMER.",
			});
		}
	});

	it('fails an unknown object with Query Failed', async () => {
		const result = await one(sandbox, readByQuery('VENDOR2', ''));
		expect(errorsOf(result)).toEqual([
			{
				errorno: 'Query Failed',
				description: '',
				description2: 'Object definition VENDOR2 not found',
			},
		]);
	});

	it('refuses a pagesize above 1000', async () => {
		const result = await one(sandbox, readByQuery('CUSTOMER', '', '*', 1001));
		expect(statusOf(result)).toBe('failure');
	});

	it('fails readMore with an unknown resultId', async () => {
		const result = await one(sandbox, '<readMore><resultId>nope</resultId></readMore>');
		expect(statusOf(result)).toBe('failure');
		expect(errorsOf(result)[0].errorno).toBe('DL02000001');
	});
});

describe('paging through readMore', () => {
	it('pages 2,500 records 1,000 at a time', async () => {
		const customers = Array.from({ length: 2500 }, (_, i) =>
			customerXml(`P${String(i).padStart(5, '0')}`, `Paged ${i}`),
		).join('');
		const created = await call(sandbox, [fn('bulk', `<create>${customers}</create>`)]);
		expect(dataOf(results(created)[0]).attrs.count).toBe('2500');
		sandbox.meter.reset();

		const first = await one(
			sandbox,
			readByQuery('CUSTOMER', "CUSTOMERID LIKE 'P%'", 'CUSTOMERID', 1000),
		);
		const seen = rowsOf(first).map((r) => r.CUSTOMERID);
		let data = dataOf(first);
		expect(data.attrs).toMatchObject({ count: '1000', totalcount: '2500', numremaining: '1500' });
		const pages = [data.attrs];
		while (data.attrs.numremaining !== '0') {
			const more = await one(
				sandbox,
				`<readMore><resultId>${x(data.attrs.resultId)}</resultId></readMore>`,
			);
			expect(statusOf(more)).toBe('success');
			expect(child(more, 'function')?.text).toBe('readMore');
			data = dataOf(more);
			pages.push(data.attrs);
			seen.push(...rowsOf(more).map((r) => r.CUSTOMERID));
		}
		expect(pages.map((p) => [p.count, p.numremaining])).toEqual([
			['1000', '1500'],
			['1000', '500'],
			['500', '0'],
		]);
		expect(pages[2].resultId).toBe('');
		expect(new Set(seen).size).toBe(2500);
		expect(seen[0]).toBe('P00000');
		expect(seen[2499]).toBe('P02499');
		expect(sandbox.meter.snapshot().billed).toEqual({ CUSTOMER: 3 });

		const exhausted = await one(
			sandbox,
			`<readMore><resultId>${x(pages[1].resultId)}</resultId></readMore>`,
		);
		expect(statusOf(exhausted)).toBe('failure');
	});
});
