import {
	dataOf,
	errorsOf,
	legacyDate,
	one,
	rowsOf,
	startSandbox,
	statusOf,
	text,
	x,
} from './helpers';
import type { IntacctSandbox, XmlElement } from './helpers';

let sandbox: IntacctSandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => sandbox.close());
beforeEach(() => {
	sandbox.store.reset();
	sandbox.config.multiEntity = false;
});

interface InvoiceOptions {
	customer?: string;
	number?: string;
	due?: string | null;
	term?: string;
	action?: string;
	lines?: string[];
	extraHeader?: string;
}

function line(account: string, amount: string, extra = ''): string {
	return `<lineitem><glaccountno>${account}</glaccountno><amount>${amount}</amount>${extra}</lineitem>`;
}

function invoice(o: InvoiceOptions = {}): string {
	return (
		`<create_invoice><customerid>${o.customer ?? 'C0001'}</customerid>${legacyDate('datecreated', '2025-05-01')}` +
		(o.due === null ? '' : legacyDate('datedue', o.due ?? '2025-05-31')) +
		(o.term ? `<termname>${x(o.term)}</termname>` : '') +
		(o.action ? `<action>${o.action}</action>` : '') +
		(o.number ? `<invoiceno>${x(o.number)}</invoiceno>` : '') +
		`<ponumber>PO-77</ponumber><description>May services</description>${o.extraHeader ?? ''}` +
		`<invoiceitems>${(o.lines ?? [line('4000', '1250.005', '<memo>Consulting</memo><locationid>UK-LON</locationid><departmentid>SALES</departmentid>')]).join('')}</invoiceitems>` +
		`</create_invoice>`
	);
}

async function readInvoice(key: string): Promise<XmlElement> {
	const result = await one(
		sandbox,
		`<read><object>ARINVOICE</object><keys>${key}</keys><fields>*</fields></read>`,
	);
	return dataOf(result).children[0];
}

describe('create_invoice', () => {
	it('creates a posted invoice and returns its RECORDNO as <key>', async () => {
		const result = await one(
			sandbox,
			invoice({
				number: 'INV-1001',
				lines: [
					line('4000', '1250.005', '<memo>Consulting</memo><locationid>UK-LON</locationid>'),
					line('4010', '99.99'),
				],
			}),
		);
		expect(statusOf(result)).toBe('success');
		const key = text(result, 'key')!;
		expect(key).toMatch(/^\d+$/);
		const record = await readInvoice(key);
		expect(text(record, 'RECORDNO')).toBe(key);
		expect(text(record, 'RECORDID')).toBe('INV-1001');
		expect(text(record, 'CUSTOMERNAME')).toBe('Harrowgate Digital Ltd');
		expect(text(record, 'WHENCREATED')).toBe('05/01/2025');
		expect(text(record, 'WHENDUE')).toBe('05/31/2025');
		expect(text(record, 'DOCNUMBER')).toBe('PO-77');
		expect(text(record, 'TOTALENTERED')).toBe('1350.00');
		expect(text(record, 'TOTALDUE')).toBe('1350.00');
		expect(text(record, 'TOTALPAID')).toBe('0.00');
		expect(text(record, 'STATE')).toBe('Posted');
		expect(text(record, 'MODULEKEY')).toBe('4.AR');
		const lines = (record.children.find((c) => c.name === 'ARINVOICEITEMS') as XmlElement).children;
		expect(
			lines.map((l) => [
				text(l, 'LINE_NO'),
				text(l, 'ACCOUNTNO'),
				text(l, 'AMOUNT'),
				text(l, 'LOCATIONID'),
			]),
		).toEqual([
			['1', '4000', '1250.01', 'UK-LON'],
			['2', '4010', '99.99', ''],
		]);
		const listed = await one(
			sandbox,
			`<readByQuery><object>ARINVOICE</object><fields>*</fields><query>RECORDID = 'INV-1001'</query></readByQuery>`,
		);
		expect(dataOf(listed).children[0].children.map((c) => c.name)).not.toContain('ARINVOICEITEMS');
	});

	it('accepts unpadded dates, a Draft action and a term name instead of a due date', async () => {
		const body = invoice({ due: null, term: 'Net 14', action: 'Draft' }).replace(
			'<month>05</month><day>01</day>',
			'<month>5</month><day>1</day>',
		);
		const result = await one(sandbox, body);
		const record = await readInvoice(text(result, 'key')!);
		expect(text(record, 'WHENDUE')).toBe('05/15/2025');
		expect(text(record, 'STATE')).toBe('Draft');
	});

	it('refuses a duplicate invoice number', async () => {
		expect(statusOf(await one(sandbox, invoice({ number: 'INV-1002' })))).toBe('success');
		const again = await one(sandbox, invoice({ number: 'INV-1002' }));
		expect(statusOf(again)).toBe('failure');
		expect(errorsOf(again)).toEqual([
			{
				errorno: 'BL01001973',
				description: '',
				description2: "A transaction with the number 'INV-1002' already exists.",
			},
			{ errorno: 'BL01001973', description: '', description2: 'Could not create Invoice record.' },
		]);
		const seeded = await one(sandbox, invoice({ number: 'INV-0001' }));
		expect(errorsOf(seeded)[0].description2).toBe(
			"A transaction with the number 'INV-0001' already exists.",
		);
	});

	it('needs datedue or termname', async () => {
		const result = await one(sandbox, invoice({ due: null }));
		expect(statusOf(result)).toBe('failure');
		expect(errorsOf(result)[0].description2).toMatch(/datedue or termname/);
	});

	it.each([
		['an unknown customer', { customer: 'NOPE' }, /Customer 'NOPE'/],
		['an unknown GL account', { lines: [line('9999', '10')] }, /GL Account '9999'/],
		[
			'a line without amount',
			{ lines: ['<lineitem><glaccountno>4000</glaccountno></lineitem>'] },
			/amount/,
		],
		['a non-numeric amount', { lines: [line('4000', '12,50')] }, /amount/],
		[
			'an unknown location',
			{ lines: [line('4000', '10', '<locationid>FR-PAR</locationid>')] },
			/Location 'FR-PAR'/,
		],
		[
			'an unknown department',
			{ lines: [line('4000', '10', '<departmentid>HR</departmentid>')] },
			/Department 'HR'/,
		],
		['no lines', { lines: [] }, /lineitem/],
	])('fails %s', async (_name, options, message) => {
		const result = await one(sandbox, invoice(options as InvoiceOptions));
		expect(statusOf(result)).toBe('failure');
		expect(errorsOf(result)[0].description2).toMatch(message);
		expect(sandbox.store.list('ARINVOICE')).toHaveLength(3);
	});

	it('requires a line location in a multi-entity company', async () => {
		sandbox.config.multiEntity = true;
		const result = await one(sandbox, invoice({ lines: [line('4000', '10')] }));
		expect(errorsOf(result)[0]).toEqual({
			errorno: 'BL01001973',
			description: '',
			description2:
				'Use of empty Location is invalid. A valid Multi-Entity Location must be specified.',
		});
		expect(
			statusOf(
				await one(
					sandbox,
					invoice({ lines: [line('4000', '10', '<locationid>IE-DUB</locationid>')] }),
				),
			),
		).toBe('success');
	});

	it('enforces the XSD element order', async () => {
		const swapped = invoice().replace(
			'<ponumber>PO-77</ponumber><description>May services</description>',
			'<description>May services</description><ponumber>PO-77</ponumber>',
		);
		const result = await one(sandbox, swapped);
		expect(statusOf(result)).toBe('failure');
		expect(errorsOf(result)[0].errorno).toBe('XL03000003');
	});

	it('deletes an unpaid invoice with delete_invoice', async () => {
		const created = await one(sandbox, invoice());
		const key = text(created, 'key');
		expect(statusOf(await one(sandbox, `<delete_invoice key="${key}"/>`))).toBe('success');
		expect(sandbox.store.get('ARINVOICE', Number(key))).toBeUndefined();
	});

	it('counts open invoices in the customer TOTALDUE', async () => {
		await one(sandbox, invoice({ customer: 'C0002', lines: [line('4000', '100.10')] }));
		await one(
			sandbox,
			invoice({ customer: 'C0002', action: 'Draft', lines: [line('4000', '999')] }),
		);
		const result = await one(
			sandbox,
			`<readByName><object>CUSTOMER</object><keys>C0002</keys><fields>TOTALDUE</fields></readByName>`,
		);
		expect(rowsOf(result)).toEqual([{ TOTALDUE: '2600.10' }]);
	});
});
