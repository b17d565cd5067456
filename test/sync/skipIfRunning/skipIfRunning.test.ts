/**
 * Sage Sync › Skip If Already Running, in n8n's engine. The n8n public API it asks is played by a
 * local server answering `GET /api/v1/executions` the way n8n 2.x does ({ data: [...] }); the real
 * n8n is asked in the queue-mode test (test/e2e/queueMode.e2e.test.ts).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IDataObject } from 'n8n-workflow';

import { N8N_API_CREDENTIAL, runSync } from '../helpers';

const API_KEY = ['n8n', 'key', 'Qe42'].join('-');

interface FakeApi {
	url: string;
	requests: Array<{ url: string; key: string | undefined }>;
	running: IDataObject[];
	status: number;
	close(): Promise<void>;
}

async function startApi(): Promise<FakeApi> {
	const api = { requests: [], running: [], status: 200 } as unknown as FakeApi;
	const server: Server = createServer((req, res) => {
		api.requests.push({ url: req.url ?? '', key: req.headers['x-n8n-api-key'] as string });
		res.writeHead(api.status, { 'content-type': 'application/json' });
		res.end(
			JSON.stringify(
				api.status === 200
					? { data: api.running, nextCursor: null }
					: { message: `unauthorized ${JSON.stringify(req.headers)}` },
			),
		);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	api.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
	api.close = () => new Promise((resolve) => server.close(() => resolve()));
	return api;
}

async function runGuard(
	options: { baseUrl?: string; credential?: boolean; staleAfterHours?: number } = {},
) {
	const out = await runSync(
		{ operation: 'skipIfRunning', staleAfterHours: options.staleAfterHours ?? 12 },
		[{ run: 'hourly' }],
		{
			workflowId: 'wfGuarded',
			nodeCredentials:
				options.credential === false ? undefined : { n8nApi: { id: 'n8nApi', name: 'n8n API' } },
			credentialTypes: { n8nApi: N8N_API_CREDENTIAL },
			credentials: { n8nApi: { apiKey: API_KEY, baseUrl: options.baseUrl ?? '' } },
		},
	);
	const [run = [], already = []] = out.outputs;
	return { run, already, error: out.error };
}

describe('Sage Sync › Skip If Already Running', () => {
	let api: FakeApi;
	beforeAll(async () => {
		api = await startApi();
	});
	afterAll(async () => api.close());
	beforeEach(() => {
		api.requests.length = 0;
		api.running = [];
		api.status = 200;
	});

	test('no other run of this workflow: the items go to Run; it asked for this workflow, running, with the key', async () => {
		// This execution itself (id 1 in the test engine) is running, and is not "another".
		api.running = [{ id: '1', startedAt: new Date().toISOString() }];
		const out = await runGuard({ baseUrl: api.url });
		expect(out.error).toBeUndefined();
		expect(out).toMatchObject({ run: [{ run: 'hourly' }], already: [] });
		expect(api.requests).toHaveLength(1);
		const asked = new URL(api.requests[0].url, 'http://x');
		expect(asked.pathname).toBe('/api/v1/executions');
		expect(Object.fromEntries(asked.searchParams)).toMatchObject({
			workflowId: 'wfGuarded',
			status: 'running',
		});
		expect(api.requests[0].key).toBe(API_KEY);
	});

	test('another run in progress: the items go to Already Running, saying which', async () => {
		api.running = [
			{ id: '1', startedAt: new Date().toISOString() },
			{ id: '41', startedAt: new Date(Date.now() - 60_000).toISOString() },
		];
		const out = await runGuard({ baseUrl: api.url });
		expect(out.run).toEqual([]);
		expect(out.already).toEqual([
			expect.objectContaining({ run: 'hourly', alreadyRunning: true, runningExecutions: ['41'] }),
		]);
	});

	test('a run marked running for longer than the limit counts as crashed', async () => {
		api.running = [{ id: '7', startedAt: new Date(Date.now() - 3 * 3600_000).toISOString() }];
		expect((await runGuard({ baseUrl: api.url, staleAfterHours: 2 })).run).toHaveLength(1);
		expect((await runGuard({ baseUrl: api.url, staleAfterHours: 4 })).already).toHaveLength(1);
	});

	test('no credential: every run goes through (nothing to ask), nothing requested', async () => {
		const out = await runGuard({ credential: false });
		expect(out.error).toBeUndefined();
		expect(out.run).toEqual([{ run: 'hourly' }]);
		expect(api.requests).toHaveLength(0);
	});

	test('the API refuses: the run stops with a clear error that does not carry the key', async () => {
		api.status = 401;
		const out = await runGuard({ baseUrl: api.url });
		expect(out.error?.message).toMatch(
			/Could not ask n8n which runs of this workflow are in progress/,
		);
		const seen = JSON.stringify({
			message: out.error?.message,
			description: (out.error as { description?: string } | undefined)?.description,
		});
		expect(seen).not.toContain(API_KEY);
	});

	test('plain http:// to a remote host is refused before any request', async () => {
		const out = await runGuard({ baseUrl: 'http://n8n.example.com/api/v1' });
		expect(out.error?.message).toMatch(/must use https:\/\//);
		expect(api.requests).toHaveLength(0);
	});
});
