import { postSalesDocument } from '../../../sandbox/sage200/resources/postings';
import { api, badRequestMessage, customerId, get, okBody, put, startSandbox } from './helpers';
import type { Json, Sage200Sandbox } from './helpers';

let sandbox: Sage200Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => sandbox.close());
beforeEach(() => {
	sandbox.store.reset();
	sandbox.clock.release();
});

const refs = (rows: Json[]) => rows.map((r) => r.reference as string);
const customers = async (query: Record<string, string | number>) =>
	okBody(await get(sandbox, '/customers', query)) as Json[];
const error = async (path: string, query: Record<string, string | number>) =>
	badRequestMessage(await get(sandbox, path, query));

describe('$filter', () => {
	it.each([
		["reference eq 'KES002'", ['KES002']],
		["reference eq 'kes002'", ['KES002']],
		["reference ne 'KES002'", ['ABB001', 'MER003', 'PAR004']],
		['credit_limit gt 5000', ['MER003', 'PAR004']],
		['credit_limit ge 5000', ['ABB001', 'MER003', 'PAR004']],
		['credit_limit lt 5000', ['KES002']],
		['credit_limit le 5000 and balance gt 0', ['ABB001', 'KES002']],
		["(reference eq 'ABB001' or reference eq 'MER003') and credit_limit gt 6000", ['MER003']],
		["contains(name,'dental')", ['MER003']],
		["startswith(name, 'Ab') or endswith(name, 'SARL')", ['ABB001', 'PAR004']],
		["not contains(name,'Ltd')", ['MER003', 'PAR004']],
		['currency_id eq 2', ['PAR004']],
		['on_hold eq false and balance eq 600', ['ABB001']],
		['account_opened eq null', ['ABB001', 'KES002', 'MER003', 'PAR004']],
		["name eq 'Kestrel Print & Design Ltd'", ['KES002']],
	])('%s', async (filter, expected) => {
		expect(refs(await customers({ $filter: filter }))).toEqual(expected);
	});

	it("doubles quotes inside strings: 'O''Brien'", async () => {
		await api(sandbox, 'POST', '/customers', {
			body: { reference: 'OBR01', name: "O'Brien & Co" },
		});
		expect(refs(await customers({ $filter: "name eq 'O''Brien & Co'" }))).toEqual(['OBR01']);
	});

	it('compares dates and datetimes, which must end in Z', async () => {
		const transactions = async (filter: string) =>
			okBody(await get(sandbox, '/sales_posted_transactions', { $filter: filter })) as Json[];
		expect(refs(await transactions('transaction_date ge 2025-03-14'))).toEqual([
			'BACS-0001',
			'SI-0002',
		]);
		expect(refs(await transactions('transaction_date lt 2025-03-14T00:00:00Z'))).toEqual([
			'SI-0001',
		]);
		expect(refs(await transactions('date_time_updated gt 2025-04-01T09:00:40.500Z'))).toEqual([
			'BACS-0001',
			'SI-0002',
		]);
		expect(
			refs(await transactions("trader_transaction_type eq 'TradingAccountEntryTypeInvoice'")),
		).toEqual(['SI-0001', 'SI-0002']);
		expect(
			await error('/sales_posted_transactions', {
				$filter: 'date_time_updated gt 2025-04-01T09:00:00',
			}),
		).toBe(
			"The query specified in the URI is not valid. The datetime literal '2025-04-01T09:00:00' has no time zone; datetimes in $filter must end in Z.",
		);
	});

	it('finds what changed since a moment (polling on date_time_updated)', async () => {
		sandbox.clock.freeze('2025-06-01T12:00:00Z');
		await put(sandbox, `/customers/${customerId(sandbox, 'MER003')}`, { on_hold: true });
		const changed = await customers({
			$filter: 'date_time_updated gt 2025-06-01T11:59:59Z',
			$orderby: 'id asc',
		});
		expect(refs(changed)).toEqual(['MER003']);
		expect(changed[0].date_time_updated).toBe('2025-06-01T12:00:00.000');
	});

	it.each([
		['colour eq 1', "Could not find a property named 'colour' on type 'customer'."],
		[
			"credit_limit eq '5000'",
			"A binary operator with incompatible types was detected. Found operand types 'Edm.Decimal' and 'Edm.String' for operator kind 'Equal'.",
		],
		["reference eq 'ABB001' and", "Syntax error at the end in 'reference eq 'ABB001' and'."],
		["reference eq 'ABB001", "There is an unterminated string literal in 'reference eq 'ABB001'."],
		['main_address eq 1', "Could not find a property named 'main_address' on type 'customer'."],
	])('refuses %s', async (filter, message) => {
		expect(await error('/customers', { $filter: filter })).toBe(
			`The query specified in the URI is not valid. ${message}`,
		);
	});
});

describe('$orderby, $select, $expand, $count', () => {
	it('orders by one or more fields, ascending or descending', async () => {
		expect(refs(await customers({ $orderby: 'credit_limit desc' }))).toEqual([
			'MER003',
			'PAR004',
			'ABB001',
			'KES002',
		]);
		expect(refs(await customers({ $orderby: 'currency_id desc, reference asc' }))).toEqual([
			'PAR004',
			'ABB001',
			'KES002',
			'MER003',
		]);
		expect(await error('/customers', { $orderby: 'colour' })).toContain(
			"Could not find a property named 'colour'",
		);
	});

	it('$select keeps only the named fields, and reaches into expanded children with dots', async () => {
		expect((await customers({ $select: 'id,reference', $top: 1 }))[0]).toEqual({
			id: customerId(sandbox, 'ABB001'),
			reference: 'ABB001',
		});
		const [row] = okBody(
			await get(sandbox, '/sales_posted_transactions', {
				$expand: 'customer',
				$select: 'id,reference,customer.reference,customer.name',
				$top: 1,
			}),
		);
		expect(row).toEqual({
			id: expect.any(Number),
			reference: 'SI-0001',
			customer: { reference: 'ABB001', name: 'Abbey Garden Centres Ltd' },
		});
		expect(await error('/customers', { $select: 'id,colour' })).toContain(
			"Could not find a property named 'colour'",
		);
		expect(await error('/customers', { $expand: 'friends' })).toContain(
			"Could not find a property named 'friends' on type 'customer' to expand.",
		);
	});

	it('$count=true answers the number of matching records', async () => {
		expect(
			okBody(await get(sandbox, '/customers', { $count: 'true', $filter: 'currency_id eq 1' })),
		).toBe(3);
	});

	it('single-record reads take only $select and $expand', async () => {
		const id = customerId(sandbox, 'ABB001');
		expect(okBody(await get(sandbox, `/customers/${id}`, { $select: 'name' }))).toEqual({
			name: 'Abbey Garden Centres Ltd',
		});
		expect(await error(`/customers/${id}`, { $filter: "name eq 'x'" })).toBe(
			"The query specified in the URI is not valid. The query option '$filter' cannot be used when reading a single record.",
		);
	});

	it('refuses unknown $ options and ignores other query parameters', async () => {
		expect(await error('/customers', { $search: 'x' })).toBe(
			"The query specified in the URI is not valid. The query parameter '$search' is not supported.",
		);
		expect(await customers({ foo: 'bar' })).toHaveLength(4);
	});
});

describe('$top and $skip', () => {
	it('$skip needs $orderby', async () => {
		expect(await error('/customers', { $skip: 1 })).toBe(
			'The query specified in the URI is not valid. The $skip query option can only be used together with $orderby.',
		);
		expect(refs(await customers({ $skip: 1, $top: 2, $orderby: 'id' }))).toEqual([
			'KES002',
			'MER003',
		]);
	});

	it('$top is at most 5000 and a non-negative integer', async () => {
		expect(await error('/customers', { $top: 5001 })).toBe(
			"The query specified in the URI is not valid. The limit of '5000' for Top query has been exceeded. The value from the incoming request is '5001'.",
		);
		expect(await error('/customers', { $top: 'ten' })).toBe(
			"The query specified in the URI is not valid. Invalid value 'ten' for $top query option found. The $top query option requires a non-negative integer value.",
		);
		expect(await error('/customers', { $skip: -1, $orderby: 'id' })).toContain(
			"Invalid value '-1' for $skip",
		);
	});

	it('pages past 10,000 records with $top=5000, $skip and $orderby; 500 rows without $top', async () => {
		const company = sandbox.store.company(101)!;
		const customer = customerId(sandbox, 'MER003');
		for (let n = 1; n <= 10_200; n++) {
			postSalesDocument(company, 'invoice', {
				customer_id: customer,
				reference: `BULK-${n}`,
				document_goods_value: 1,
				document_tax_value: 0.2,
				transaction_date: '2025-05-01T00:00:00',
			});
		}
		const total = company.transactions.size;
		expect(total).toBe(10_203);
		expect(okBody(await get(sandbox, '/sales_posted_transactions'))).toHaveLength(500);
		const seen: number[] = [];
		for (let skip = 0; ; skip += 5000) {
			const page = okBody(
				await get(sandbox, '/sales_posted_transactions', {
					$top: 5000,
					$skip: skip,
					$orderby: 'id asc',
					$select: 'id,urn',
				}),
			);
			seen.push(...page.map((r: Json) => r.id as number));
			if (page.length < 5000) break;
		}
		expect(seen).toHaveLength(total);
		expect(new Set(seen).size).toBe(total);
		expect([...seen].sort((a, b) => a - b)).toEqual(seen);
		expect(okBody(await get(sandbox, '/customers/' + customer))).toMatchObject({ balance: 12_240 });
	});
});
