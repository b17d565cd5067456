/**
 * CPU per record for the Intacct XML layer, this package against the official SDK
 * (`@intacct/intacct-sdk`, a devDependency), in the same process on the same inputs:
 *
 *   build: N AR invoices (two lines each) → one request envelope per batch of B functions
 *   parse: the gateway's answer for that batch (one <result> with a <key> per function) → results
 *
 * Ours is what the node runs: money parsed to integer pence, dates checked, deterministic control
 * ids (controlIdFor), legacy create_invoice XML, the envelope, parseResponse. The SDK side is what
 * an SDK user writes: InvoiceCreate + InvoiceLineCreate objects, RequestBlock.writeXml (xmlbuilder)
 * and OnlineResponse (xml2js). Time is process.cpuUsage (user + system) after a warm-up.
 */
import { randomUUID } from 'node:crypto';

import { buildEnvelope, functionElement } from '../nodes/SageIntacct/transport/envelope';
import { controlIdFor } from '../nodes/SageIntacct/transport/controlId';
import { legacy, splitDate } from '../nodes/SageIntacct/transport/functions';
import { parseResponse } from '../nodes/SageIntacct/transport/response';
import { lineItemsXml } from '../nodes/SageIntacct/actions/common/lines';
import { parseCalendarDate } from '../nodes/shared/dates';
import { parseMoney } from '../nodes/shared/money';

/* eslint-disable @typescript-eslint/no-require-imports -- the SDK ships CommonJS default exports */
// The SDK (2.2.1) calls util.isNullOrUndefined, which Node 23 removed; give it back for the SDK.
const nodeUtil = require('node:util') as Record<string, unknown>;
nodeUtil.isNullOrUndefined ??= (value: unknown) => value === null || value === undefined;
const sdk = {
	ClientConfig: require('@intacct/intacct-sdk/dist/ClientConfig').default,
	RequestConfig: require('@intacct/intacct-sdk/dist/RequestConfig').default,
	RequestBlock: require('@intacct/intacct-sdk/dist/Xml/RequestBlock').default,
	OnlineResponse: require('@intacct/intacct-sdk/dist/Xml/OnlineResponse').default,
	InvoiceCreate: require('@intacct/intacct-sdk/dist/Functions/AccountsReceivable/InvoiceCreate')
		.default,
	InvoiceLineCreate:
		require('@intacct/intacct-sdk/dist/Functions/AccountsReceivable/InvoiceLineCreate').default,
};
/* eslint-enable @typescript-eslint/no-require-imports */

interface InputInvoice {
	customerId: string;
	invoiceNo: string;
	date: string;
	dueDate: string;
	lines: Array<{ glAccountNo: string; amount: string; memo: string; locationId: string }>;
}

const LOGIN = {
	senderId: 'bench_sender',
	senderPassword: 'bench-sender-password',
	userId: 'bench_user',
	companyId: 'BENCHCO',
	userPassword: 'bench-user-password',
};
const SESSION = 'bench-session-id-0123456789';

export function inputInvoices(n: number): InputInvoice[] {
	return Array.from({ length: n }, (_, i) => ({
		customerId: `C${String(i % 500).padStart(4, '0')}`,
		invoiceNo: `INV-${String(i + 1).padStart(6, '0')}`,
		date: '2026-11-02',
		dueDate: '2026-12-02',
		lines: [
			{
				glAccountNo: '4000',
				amount: `${100 + (i % 90)}.${String(i % 100).padStart(2, '0')}`,
				memo: `Services & support <${i}>`,
				locationId: 'UK',
			},
			{ glAccountNo: '2200', amount: '20.00', memo: 'VAT 20%', locationId: 'UK' },
		],
	}));
}

/** The gateway's answer to one batch: each function succeeded with a record key. */
export function batchResponse(controlIds: string[], firstKey: number): string {
	const results = controlIds
		.map(
			(id, i) =>
				`<result><status>success</status><function>create_invoice</function><controlid>${id}</controlid><key>${firstKey + i}</key></result>`,
		)
		.join('');
	return (
		'<?xml version="1.0" encoding="UTF-8"?><response><control><status>success</status>' +
		'<senderid>bench_sender</senderid><controlid>req</controlid><uniqueid>true</uniqueid><dtdversion>3.0</dtdversion></control>' +
		'<operation><authentication><status>success</status><userid>bench_user</userid><companyid>BENCHCO</companyid>' +
		`<locationid></locationid><sessiontimestamp>2026-11-22T10:00:00+00:00</sessiontimestamp><sessiontimeout>2026-11-22T16:00:00+00:00</sessiontimeout></authentication>${results}</operation></response>`
	);
}

/** Ours: request XML for a batch, and the records read back from the response. */
function oursBuild(batch: InputInvoice[]): { xml: string; controlIds: string[] } {
	const controlIds: string[] = [];
	const functions = batch
		.map((invoice) => {
			const lines = invoice.lines.map((l) => ({
				glAccountNo: l.glAccountNo,
				amount: parseMoney(l.amount, 'amount'),
				memo: l.memo,
				locationId: l.locationId,
			}));
			const body = legacy('create_invoice', {
				customerid: invoice.customerId,
				datecreated: splitDate(parseCalendarDate(invoice.date, 'invoiceDate')),
				datedue: splitDate(parseCalendarDate(invoice.dueDate, 'dueDate')),
				invoiceno: invoice.invoiceNo,
				invoiceitems: { lineitem: lineItemsXml(lines) },
			});
			const controlId = controlIdFor('create_invoice', 'ARINVOICE', invoice.invoiceNo);
			controlIds.push(controlId);
			return functionElement(controlId, body);
		})
		.join('');
	const xml = buildEnvelope(
		LOGIN,
		{ controlId: controlIds[0], uniqueId: true, transaction: false, functions },
		SESSION,
	);
	return { xml, controlIds };
}

function oursParse(xml: string): string[] {
	const response = parseResponse(xml);
	if (response.level !== 'ok') throw new Error('unexpected response');
	return response.results.map((r) => r.key ?? '');
}

function sdkBuild(batch: InputInvoice[]): { xml: string; controlIds: string[] } {
	const config = new sdk.ClientConfig();
	config.senderId = LOGIN.senderId;
	config.senderPassword = LOGIN.senderPassword;
	config.sessionId = SESSION;
	const requestConfig = new sdk.RequestConfig();
	requestConfig.uniqueId = true;
	requestConfig.controlId = randomUUID();
	const controlIds: string[] = [];
	const functions = batch.map((invoice) => {
		const create = new sdk.InvoiceCreate(invoice.invoiceNo);
		create.customerId = invoice.customerId;
		create.transactionDate = new Date(`${invoice.date}T00:00:00`);
		create.dueDate = new Date(`${invoice.dueDate}T00:00:00`);
		create.invoiceNumber = invoice.invoiceNo;
		create.lines = invoice.lines.map((l) => {
			const line = new sdk.InvoiceLineCreate();
			line.glAccountNumber = l.glAccountNo;
			line.transactionAmount = Number(l.amount);
			line.memo = l.memo;
			line.locationId = l.locationId;
			return line;
		});
		controlIds.push(invoice.invoiceNo);
		return create;
	});
	const xml = new sdk.RequestBlock(config, requestConfig, functions).writeXml() as string;
	return { xml, controlIds };
}

function sdkParse(xml: string): string[] {
	const response = new sdk.OnlineResponse(xml) as { results: Array<{ key: string }> };
	return response.results.map((r) => String(r.key));
}

export interface CpuSide {
	/** CPU microseconds per record, build and parse together. */
	usPerRecord: number;
	buildUs: number;
	parseUs: number;
	requestBytes: number;
}

export interface XmlCpuResult {
	records: number;
	batchSize: number;
	rounds: number;
	ours: CpuSide;
	sdk: CpuSide;
	/** sdk / ours: how many times faster this package is. */
	speedup: number;
}

function cpuUs(fn: () => void): number {
	const start = process.cpuUsage();
	fn();
	const used = process.cpuUsage(start);
	return used.user + used.system;
}

function measureSide(
	invoices: InputInvoice[],
	batchSize: number,
	rounds: number,
	build: (batch: InputInvoice[]) => { xml: string; controlIds: string[] },
	parse: (xml: string) => string[],
): CpuSide {
	const batches: InputInvoice[][] = [];
	for (let i = 0; i < invoices.length; i += batchSize)
		batches.push(invoices.slice(i, i + batchSize));
	const responses = batches.map((batch, b) =>
		batchResponse(
			batch.map((inv) => controlIdFor('create_invoice', 'ARINVOICE', inv.invoiceNo)),
			1000 + b * batchSize,
		),
	);
	let sink = 0;
	let requestBytes = 0;
	const run = (measure: boolean) => {
		let buildUs = 0;
		let parseUs = 0;
		for (let b = 0; b < batches.length; b++) {
			let built: { xml: string } = { xml: '' };
			buildUs += cpuUs(() => (built = build(batches[b])));
			if (measure) requestBytes += built.xml.length;
			let keys: string[] = [];
			parseUs += cpuUs(() => (keys = parse(responses[b])));
			if (keys.length !== batches[b].length) throw new Error('parse lost results');
			sink += built.xml.length + keys.length;
		}
		return { buildUs, parseUs };
	};
	run(false); // warm-up: load modules, JIT
	let buildUs = 0;
	let parseUs = 0;
	for (let r = 0; r < rounds; r++) {
		const t = run(r === 0);
		buildUs += t.buildUs;
		parseUs += t.parseUs;
	}
	if (sink < 0) console.log(sink);
	const perRecord = (us: number) => us / (rounds * invoices.length);
	return {
		usPerRecord: perRecord(buildUs + parseUs),
		buildUs: perRecord(buildUs),
		parseUs: perRecord(parseUs),
		requestBytes: requestBytes / invoices.length,
	};
}

export function measureXmlCpu(options: {
	records: number;
	batchSize?: number;
	rounds?: number;
}): XmlCpuResult {
	const batchSize = options.batchSize ?? 100;
	const rounds = options.rounds ?? 5;
	const invoices = inputInvoices(options.records);
	// Same inputs and answers; each side parses the answer to its own request shape.
	const ours = measureSide(invoices, batchSize, rounds, oursBuild, oursParse);
	const theirs = measureSide(invoices, batchSize, rounds, sdkBuild, sdkParse);
	return {
		records: options.records,
		batchSize,
		rounds,
		ours,
		sdk: theirs,
		speedup: theirs.usPerRecord / ours.usPerRecord,
	};
}

/** Both sides' request for one invoice, for a test that they say the same thing. */
export function sampleRequests(): { ours: string; sdk: string } {
	const [invoice] = inputInvoices(1);
	return { ours: oursBuild([invoice]).xml, sdk: sdkBuild([invoice]).xml };
}

export function parsedKeys(xml: string): { ours: string[]; sdk: string[] } {
	return { ours: oursParse(xml), sdk: sdkParse(xml) };
}
