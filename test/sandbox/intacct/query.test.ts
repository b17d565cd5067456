import {
	customerXml,
	call,
	dataOf,
	errorsOf,
	fn,
	one,
	results,
	rowsOf,
	startSandbox,
	statusOf,
} from './helpers';
import type { IntacctSandbox } from './helpers';

let sandbox: IntacctSandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
	const customers = Array.from({ length: 25 }, (_, i) =>
		customerXml(
			`Q${String(i).padStart(3, '0')}`,
			i % 2 === 0 ? `even ${i}` : `ODD ${i}`,
			`<CREDITLIMIT>${i * 100}</CREDITLIMIT>`,
		),
	);
	await call(sandbox, [fn('seed', `<create>${customers.join('')}</create>`)]);
});
afterAll(async () => sandbox.close());

function query(parts: {
	object?: string;
	select?: string[];
	filter?: string;
	orderby?: string;
	options?: string;
	pagesize?: number;
	offset?: number;
}) {
	const select = (parts.select ?? ['CUSTOMERID']).map((f) => `<field>${f}</field>`).join('');
	return (
		`<query><object>${parts.object ?? 'CUSTOMER'}</object><select>${select}</select>` +
		(parts.filter ? `<filter>${parts.filter}</filter>` : '') +
		(parts.orderby ? `<orderby>${parts.orderby}</orderby>` : '') +
		(parts.options ? `<options>${parts.options}</options>` : '') +
		(parts.pagesize !== undefined ? `<pagesize>${parts.pagesize}</pagesize>` : '') +
		(parts.offset !== undefined ? `<offset>${parts.offset}</offset>` : '') +
		`</query>`
	);
}

const qFilter = '<like><field>CUSTOMERID</field><value>Q%</value></like>';

describe('query', () => {
	it('pages with offset and reports totalcount/offset/count/numremaining', async () => {
		const first = await one(sandbox, query({ filter: qFilter, pagesize: 10 }));
		expect(dataOf(first).attrs).toEqual({
			listtype: 'CUSTOMER',
			totalcount: '25',
			offset: '0',
			count: '10',
			numremaining: '15',
		});
		const third = await one(sandbox, query({ filter: qFilter, pagesize: 10, offset: 20 }));
		expect(dataOf(third).attrs).toMatchObject({ offset: '20', count: '5', numremaining: '0' });
		expect(rowsOf(third).map((r) => r.CUSTOMERID)).toEqual([
			'Q020',
			'Q021',
			'Q022',
			'Q023',
			'Q024',
		]);
		expect(dataOf(third).children[0].name).toBe('CUSTOMER');
		const beyond = await one(sandbox, query({ filter: qFilter, offset: 100 }));
		expect(dataOf(beyond).attrs).toMatchObject({ count: '0', numremaining: '0' });
	});

	it('names records as the object was sent and keeps dotted field names', async () => {
		const result = await one(
			sandbox,
			query({
				object: 'customer',
				select: ['CUSTOMERID', 'DISPLAYCONTACT.PRINTAS'],
				filter: '<equalto><field>CUSTOMERID</field><value>Q001</value></equalto>',
			}),
		);
		expect(dataOf(result).attrs.listtype).toBe('customer');
		expect(dataOf(result).children[0].name).toBe('customer');
		expect(rowsOf(result)).toEqual([{ CUSTOMERID: 'Q001', 'DISPLAYCONTACT.PRINTAS': 'ODD 1' }]);
	});

	it('supports the filter operators and orderby', async () => {
		const filter =
			'<and><like><field>CUSTOMERID</field><value>Q%</value></like>' +
			'<between><field>CREDITLIMIT</field><value>500</value><value>1200.00</value></between>' +
			'<notin><field>CUSTOMERID</field><value>Q006</value><value>Q007</value></notin>' +
			'<or><greaterthanorequalto><field>CREDITLIMIT</field><value>1100</value></greaterthanorequalto>' +
			'<lessthan><field>CREDITLIMIT</field><value>600</value></lessthan></or></and>';
		const result = await one(
			sandbox,
			query({
				select: ['CUSTOMERID', 'CREDITLIMIT'],
				filter,
				orderby: '<order><field>CREDITLIMIT</field><descending/></order>',
			}),
		);
		expect(rowsOf(result)).toEqual([
			{ CUSTOMERID: 'Q012', CREDITLIMIT: '1200.00' },
			{ CUSTOMERID: 'Q011', CREDITLIMIT: '1100.00' },
			{ CUSTOMERID: 'Q005', CREDITLIMIT: '500.00' },
		]);
	});

	it('honours caseinsensitive', async () => {
		const filter =
			'<and><like><field>NAME</field><value>odd 1%</value></like><in><field>CUSTOMERID</field><value>Q001</value><value>Q011</value></in></and>';
		const sensitive = await one(sandbox, query({ filter }));
		expect(rowsOf(sensitive)).toHaveLength(0);
		const insensitive = await one(
			sandbox,
			query({ filter, options: '<caseinsensitive>true</caseinsensitive>' }),
		);
		expect(rowsOf(insensitive).map((r) => r.CUSTOMERID)).toEqual(['Q001', 'Q011']);
	});

	it('supports isnull/isnotnull and notequalto', async () => {
		const filter =
			'<and><isnotnull><field>DISPLAYCONTACT.EMAIL1</field></isnotnull><notequalto><field>CUSTOMERID</field><value>C0001</value></notequalto></and>';
		expect(rowsOf(await one(sandbox, query({ filter }))).map((r) => r.CUSTOMERID)).toEqual([
			'C0002',
			'C0003',
		]);
	});

	it('refuses unknown fields, select *, and pagesize above 2000', async () => {
		for (const inner of [
			query({ select: ['NOPE'] }),
			query({ select: ['*'] }),
			query({ pagesize: 2001 }),
		]) {
			const result = await one(sandbox, inner);
			expect(statusOf(result)).toBe('failure');
			expect(errorsOf(result)[0].errorno).toBe('DL02000001');
		}
		const ok = await one(sandbox, query({ pagesize: 2000 }));
		expect(statusOf(ok)).toBe('success');
	});

	it('bills one transaction per query call', async () => {
		sandbox.meter.reset();
		const reply = await call(sandbox, [
			fn('a', query({})),
			fn('b', query({ object: 'GLACCOUNT', select: ['ACCOUNTNO'] })),
		]);
		expect(results(reply).map(statusOf)).toEqual(['success', 'success']);
		expect(sandbox.meter.snapshot().billed).toEqual({ CUSTOMER: 1, GLACCOUNT: 1 });
	});
});
