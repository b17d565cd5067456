import { buildEnvelope } from '../../../nodes/SageIntacct/transport/envelope';
import { controlIdFor, contentControlId } from '../../../nodes/SageIntacct/transport/controlId';
import { queryIn, queryString } from '../../../nodes/SageIntacct/transport/functions';
import { describeErrors, parseResponse } from '../../../nodes/SageIntacct/transport/response';
import { escapeXml, toXml } from '../../../nodes/SageIntacct/transport/xml';

describe('Intacct XML', () => {
	it('escapes every XML metacharacter and drops characters XML cannot carry', () => {
		expect(escapeXml(`Smith & Sons <"Zoë">'`)).toBe(
			'Smith &amp; Sons &lt;&quot;Zoë&quot;&gt;&apos;',
		);
		expect(escapeXml('a\u0000b\u0007c\td')).toBe('abc\td');
		expect(
			toXml('CUSTOMER', { NAME: 'A&B', SKIP: undefined, DISPLAYCONTACT: { PRINTAS: '<x>' } }),
		).toBe(
			'<CUSTOMER><NAME>A&amp;B</NAME><DISPLAYCONTACT><PRINTAS>&lt;x&gt;</PRINTAS></DISPLAYCONTACT></CUSTOMER>',
		);
		expect(toXml('delete_customer', { $attrs: { customerid: 'C"1' } })).toBe(
			'<delete_customer customerid="C&quot;1"></delete_customer>',
		);
	});

	it('escapes credentials in the envelope', () => {
		const xml = buildEnvelope(
			{
				senderId: 's<1',
				senderPassword: 'p&w',
				userId: 'u',
				companyId: 'c',
				userPassword: 'x"y',
				entityId: 'UK',
			},
			{
				controlId: 'r1',
				uniqueId: true,
				transaction: false,
				functions: '<function controlid="f"><getAPISession/></function>',
			},
			undefined,
		);
		expect(xml).toContain('<senderid>s&lt;1</senderid><password>p&amp;w</password>');
		expect(xml).toContain('<password>x&quot;y</password><locationid>UK</locationid>');
		expect(xml).toContain('<uniqueid>true</uniqueid>');
	});

	it('quotes readByQuery strings with backslash escapes', () => {
		expect(queryString("Erik's \\ Deli")).toBe("'Erik\\'s \\\\ Deli'");
		expect(queryIn('RECORDID', ['A', "B'"])).toBe("RECORDID IN ('A','B\\'')");
	});

	it('derives stable, bounded control ids', () => {
		expect(controlIdFor('create_invoice', 'ARINVOICE', 'INV-1001')).toBe(
			'create_invoice:ARINVOICE:INV-1001',
		);
		const odd = controlIdFor('create', 'CUSTOMER', 'Smith & Sons');
		expect(odd).toMatch(/^create:CUSTOMER:Smith___Sons~[0-9a-f]{12}$/);
		expect(controlIdFor('create', 'CUSTOMER', 'Smith | Sons')).not.toBe(odd);
		expect(controlIdFor('create', 'CUSTOMER', 'x'.repeat(400)).length).toBeLessThanOrEqual(256);
		expect(contentControlId('update', 'CUSTOMER', '<a/>')).toBe(
			contentControlId('update', 'CUSTOMER', '<a/>'),
		);
		expect(controlIdFor('create', 'CUSTOMER', 'C1', '2')).toBe('create:CUSTOMER:C1:v2');
	});

	it('parses the three status levels and normalises single records to arrays', () => {
		const control = parseResponse(
			'<response><control><status>failure</status></control><errormessage><error><errorno>XL03000006</errorno><description></description><description2>Incorrect Intacct XML Partner ID or password.</description2><correction></correction></error></errormessage></response>',
		);
		if (control.level !== 'control') throw new Error('expected a control failure');
		expect(describeErrors(control.errors)).toBe(
			'XL03000006 Incorrect Intacct XML Partner ID or password.',
		);
		const ok = parseResponse(
			'<response><control><status>success</status></control><operation><authentication><status>success</status></authentication>' +
				'<result><status>success</status><function>readByQuery</function><controlid>f1</controlid>' +
				'<data listtype="customer" count="1" totalcount="1" numremaining="0" resultId=""><customer><CUSTOMERID>C1</CUSTOMERID><NAME>Smith &amp; Sons &lt;&quot;Zoë&quot;&gt;</NAME><DISPLAYCONTACT><EMAIL1></EMAIL1></DISPLAYCONTACT></customer></data></result>' +
				'<result><status>success</status><function>read</function><controlid>f2</controlid><data listtype="arinvoice" count="1"><arinvoice><ARINVOICEITEMS><ARINVOICEITEM><AMOUNT>1.00</AMOUNT></ARINVOICEITEM></ARINVOICEITEMS></arinvoice></data></result>' +
				'</operation></response>',
		);
		if (ok.level !== 'ok') throw new Error('expected ok');
		expect(ok.results[0].records).toEqual([
			{ CUSTOMERID: 'C1', NAME: 'Smith & Sons <"Zoë">', DISPLAYCONTACT: { EMAIL1: '' } },
		]);
		expect(ok.results[0].dataAttributes.numremaining).toBe('0');
		expect(ok.results[1].records[0]).toEqual({
			ARINVOICEITEMS: { ARINVOICEITEM: [{ AMOUNT: '1.00' }] },
		});
	});
});
