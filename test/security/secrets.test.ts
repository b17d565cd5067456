/**
 * Secrets never leak. Every service node runs with known fake secrets against servers that fail
 * in the worst way: a hostile server that answers every request with an error echoing the whole
 * request back (headers, body, URL), and the real sandboxes refusing the credentials. The run's
 * outputs, error messages, descriptions and everything written to the console are scanned for
 * the secrets: zero hits. Plain http:// to anything but loopback is refused before any request.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import { rl as intacctRl, runIntacct, startSandbox as startIntacct } from '../intacct/helpers';
import { runSage200, sage200Credentials, startSandbox as startSage200 } from '../sage200/helpers';
import { N8N_API_CREDENTIAL, runSync } from '../sync/helpers';
import { runLayer, startSandbox as startLayer } from '../thelayer/helpers';

// Built at run time so no literal secret sits in the source.
const SECRETS = {
	senderPassword: ['sender', 'pw', 'Zq81xK'].join('-'),
	userPassword: ['user', 'pw', 'Hh27tR'].join('-'),
	token1: ['layer', 't1', 'Pp55wQ'].join('-'),
	token2: ['layer', 't2', 'Mm90vB'].join('-'),
	accessToken: ['access', 'Lk33nD', 'Yy71'].join('-'),
	refreshToken: ['refresh', 'Rr18cC', 'Uu04'].join('-'),
	clientSecret: ['client', 'secret', 'Gg62sE'].join('-'),
	n8nApiKey: ['n8n', 'api', 'Vb09kT'].join('-'),
};
const ALL = Object.values(SECRETS);

/** Answers everything with a 500 whose body reflects the request, secrets and all. */
async function startEchoServer(): Promise<{
	url: string;
	hits: () => number;
	close(): Promise<void>;
}> {
	let hits = 0;
	const server: Server = createServer((req, res) => {
		hits++;
		let body = '';
		req.on('data', (c: Buffer) => (body += c.toString()));
		req.on('end', () => {
			const echo = JSON.stringify({ method: req.method, url: req.url, headers: req.headers, body });
			const xml = (req.headers['content-type'] ?? '').includes('xml');
			res.writeHead(500, { 'content-type': xml ? 'text/xml' : 'application/json' });
			res.end(
				xml
					? `<response><control><status>failure</status></control><errormessage><error><errorno>X</errorno><description>${echo.replace(/</g, '&lt;')}</description><description2>${body.replace(/</g, '&lt;')}</description2></error></errormessage></response>`
					: JSON.stringify({ error: { code: 'echo', message: echo }, echo }),
			);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		hits: () => hits,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

/** Everything written to the console while `run` runs. */
async function captureConsole<T>(run: () => Promise<T>): Promise<{ value: T; logged: string }> {
	const chunks: string[] = [];
	const originals = {
		out: process.stdout.write.bind(process.stdout),
		err: process.stderr.write.bind(process.stderr),
	};
	const spy = (chunk: unknown) => {
		chunks.push(String(chunk));
		return true;
	};
	process.stdout.write = spy as typeof process.stdout.write;
	process.stderr.write = spy as typeof process.stderr.write;
	const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
	const saved = methods.map((m) => console[m]);
	for (const m of methods)
		console[m] = (...args: unknown[]) => chunks.push(args.map(String).join(' '));
	try {
		return { value: await run(), logged: chunks.join('\n') };
	} finally {
		process.stdout.write = originals.out;
		process.stderr.write = originals.err;
		methods.forEach((m, n) => (console[m] = saved[n]));
	}
}

function everythingSaid(run: {
	result: { run: unknown; error?: unknown };
	error?: Error;
	items: unknown[];
}): string {
	const error = run.error as (Error & { description?: string; context?: unknown }) | undefined;
	return [
		JSON.stringify(run.items),
		JSON.stringify(run.result.run),
		error?.message ?? '',
		error?.description ?? '',
		error?.stack ?? '',
		JSON.stringify(error ?? {}),
	].join('\n');
}

function expectNoSecret(text: string, where: string): void {
	const hits = ALL.filter((s) => text.includes(s));
	expect(`${where}: ${hits.join(', ') || 'no secrets'}`).toBe(`${where}: no secrets`);
}

const intacctCreds = (endpointUrl: string): ICredentialDataDecryptedObject => ({
	endpointUrl,
	senderId: 'sender',
	senderPassword: SECRETS.senderPassword,
	companyId: 'COMPANY',
	entityId: '',
	userId: 'user',
	userPassword: SECRETS.userPassword,
	sessionId: '',
	sessionEndpoint: '',
});

const INTACCT_OPS: INodeParameters[] = [
	{ resource: 'customer', operation: 'getAll', returnAll: false, limit: 5 },
	{ resource: 'customer', operation: 'create', customerId: 'C9', name: 'Leak Test Ltd' },
	{
		resource: 'arInvoice',
		operation: 'create',
		customerId: intacctRl('C0001'),
		invoiceNo: 'LEAK-1',
		invoiceDate: '2025-01-01',
		dueDate: '2025-01-31',
		linesInput: 'json',
		linesJson: '[{"glAccountNo":"4000","amount":10}]',
	},
	{ resource: 'glAccount', operation: 'getAll', returnAll: true },
];

const LAYER_OPS: INodeParameters[] = [
	{ resource: 'customer', operation: 'getAll', returnAll: true },
	{ resource: 'customer', operation: 'create', companyName: 'Leak Test Ltd' },
	{ resource: 'invoice', operation: 'setSageSync', id: 'inv_0001', synced: true },
];

const SAGE200_OPS: INodeParameters[] = [
	{ company: 'site:101', resource: 'customer', operation: 'getAll', returnAll: true },
	{
		company: 'site:101',
		resource: 'customer',
		operation: 'create',
		reference: 'LEAK1',
		name: 'Leak Ltd',
	},
];

describe('secrets never leak', () => {
	let echo: Awaited<ReturnType<typeof startEchoServer>>;

	beforeAll(async () => {
		echo = await startEchoServer();
	});
	afterAll(async () => {
		await echo.close();
	});

	describe.each([
		['fails the run', false],
		['continues on fail', true],
	])('to a server echoing every request back, when the node %s', (_label, continueOnFail) => {
		test.each(INTACCT_OPS.map((p) => [`${String(p.resource)}.${String(p.operation)}`, p]))(
			'Sage Intacct %s',
			async (_name, parameters) => {
				const before = echo.hits();
				const { value, logged } = await captureConsole(() =>
					runIntacct(
						undefined as never,
						{
							...parameters,
							requestOptions: { maxRetries: 1, retryBaseDelayMs: 1, timeoutMs: 3000 },
						},
						[{}],
						{ continueOnFail, credentials: intacctCreds(`${echo.url}/ia/xml/xmlgw.phtml`) },
					),
				);
				expect(echo.hits()).toBeGreaterThan(before);
				expectNoSecret(everythingSaid(value), 'run data and errors');
				expectNoSecret(logged, 'console');
			},
		);

		test.each(LAYER_OPS.map((p) => [`${String(p.resource)}.${String(p.operation)}`, p]))(
			'The Layer %s',
			async (_name, parameters) => {
				const before = echo.hits();
				const { value, logged } = await captureConsole(() =>
					runLayer(
						undefined as never,
						{ ...parameters, requestOptions: { maxRetries: 1, retryBaseDelayMs: 1 } },
						[{}],
						{
							continueOnFail,
							credentials: { baseUrl: echo.url, token1: SECRETS.token1, token2: SECRETS.token2 },
						},
					),
				);
				expect(echo.hits()).toBeGreaterThan(before);
				expectNoSecret(everythingSaid(value), 'run data and errors');
				expectNoSecret(logged, 'console');
			},
		);

		test.each(SAGE200_OPS.map((p) => [`${String(p.resource)}.${String(p.operation)}`, p]))(
			'Sage 200 %s',
			async (_name, parameters) => {
				const before = echo.hits();
				const { value, logged } = await captureConsole(() =>
					runSage200(
						{
							grantType: 'authorizationCode',
							authUrl: `${echo.url}/authorize`,
							accessTokenUrl: `${echo.url}/oauth/token`,
							clientId: 'client',
							clientSecret: SECRETS.clientSecret,
							scope: 'openid',
							authentication: 'body',
							edition: 'professional',
							apiBaseUrl: echo.url,
							oauthTokenData: {
								access_token: SECRETS.accessToken,
								refresh_token: SECRETS.refreshToken,
								token_type: 'Bearer',
							},
						},
						{ ...parameters, requestOptions: { maxRetries: 1, retryBaseDelayMs: 1 } },
						[{}],
						{ continueOnFail },
					),
				);
				expect(echo.hits()).toBeGreaterThan(before);
				expectNoSecret(everythingSaid(value), 'run data and errors');
				expectNoSecret(logged, 'console');
			},
		);

		test('Sage Sync skipIfRunning (asks the n8n API with its key)', async () => {
			const before = echo.hits();
			const { value, logged } = await captureConsole(() =>
				runSync({ operation: 'skipIfRunning', staleAfterHours: 12 }, [{}], {
					continueOnFail,
					workflowId: 'wfLeak',
					nodeCredentials: { n8nApi: { id: 'n8nApi', name: 'n8n API' } },
					credentialTypes: { n8nApi: N8N_API_CREDENTIAL },
					credentials: { n8nApi: { apiKey: SECRETS.n8nApiKey, baseUrl: `${echo.url}/api/v1` } },
				}),
			);
			expect(echo.hits()).toBeGreaterThan(before);
			expect(value.error ?? value.outputs.flat()[0]?.error).toBeDefined();
			expectNoSecret(
				everythingSaid({ result: value.result, error: value.error, items: value.outputs }),
				'run data and errors',
			);
			expectNoSecret(logged, 'console');
		});
	});

	test('wrong credentials at the real sandboxes: refused, and nothing echoed', async () => {
		const intacct = await startIntacct();
		const layer = await startLayer();
		const sage = await startSage200();
		try {
			const i = await runIntacct(intacct, INTACCT_OPS[0], [{}], {
				credentials: intacctCreds(intacct.endpoint),
			});
			expect(i.error).toBeDefined();
			expectNoSecret(everythingSaid(i), 'Intacct');
			const l = await runLayer(layer, LAYER_OPS[0], [{}], {
				credentials: { baseUrl: layer.url, token1: SECRETS.token1, token2: SECRETS.token2 },
			});
			expect(l.error).toBeDefined();
			expectNoSecret(everythingSaid(l), 'The Layer');
			const good = await sage200Credentials(sage);
			const s = await runSage200(
				{
					...good,
					clientSecret: SECRETS.clientSecret,
					oauthTokenData: {
						access_token: SECRETS.accessToken,
						refresh_token: SECRETS.refreshToken,
						token_type: 'Bearer',
					},
				},
				{
					company: `${String(good.apiBaseUrl) ? '4f8a2b1c-9d3e-4c2a-8b7f-0a1b2c3d4e5f' : ''}:101`,
					resource: 'customer',
					operation: 'getAll',
					returnAll: false,
					limit: 1,
				},
			);
			expect(s.error).toBeDefined();
			expectNoSecret(everythingSaid(s), 'Sage 200');
		} finally {
			await Promise.all([intacct.close(), layer.close(), sage.close()]);
		}
	}, 60_000);

	test.each([
		[
			'Sage Intacct',
			() =>
				runIntacct(undefined as never, INTACCT_OPS[0], [{}], {
					credentials: intacctCreds('http://intacct.example.com/ia/xml/xmlgw.phtml'),
				}),
		],
		[
			'The Layer',
			() =>
				runLayer(undefined as never, LAYER_OPS[0], [{}], {
					credentials: {
						baseUrl: 'http://webapi.example.com',
						token1: SECRETS.token1,
						token2: SECRETS.token2,
					},
				}),
		],
	])(
		'%s refuses a plain http:// endpoint that is not loopback, before sending anything',
		async (_name, run) => {
			const result = await run();
			expect(result.error?.message).toMatch(/https:\/\//);
			expectNoSecret(everythingSaid(result), 'refusal');
		},
	);
});
