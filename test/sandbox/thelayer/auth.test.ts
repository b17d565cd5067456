import { api, startSandbox } from './helpers';
import type { TheLayerSandbox } from './helpers';

let sandbox: TheLayerSandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => sandbox.close());

describe('Token1 / Token2', () => {
	const t1 = 'layer-demo-token1';
	const t2 = 'layer-demo-token2';

	it.each([
		['no headers', {}, 'Token1 is missing'],
		['only Token2', { Token2: t2 }, 'Token1 is missing'],
		['only Token1', { Token1: t1 }, 'Token2 is missing'],
		['an empty Token2', { Token1: t1, Token2: ' ' }, 'Token2 is missing'],
		['a wrong Token1', { Token1: 'nope-secret-1', Token2: t2 }, 'Token1 is not valid'],
		[
			'a wrong Token2',
			{ Token1: t1, Token2: 'nope-secret-2' },
			'Token2 is not valid for this Token1',
		],
	])('%s is a 401 saying which header, never echoing values', async (_name, headers, message) => {
		const reply = await api(sandbox, 'GET', '/customers', { headers });
		expect(reply.status).toBe(401);
		expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
		expect(reply.body).toEqual({ error: { code: 'unauthorized', message } });
		expect(JSON.stringify(reply.body)).not.toMatch(/nope-secret|layer-demo/);
	});

	it('the demo tokens are what the sandbox reports, and they work (header names are case-insensitive)', async () => {
		expect(sandbox.credentials).toEqual({ token1: t1, token2: t2 });
		const reply = await api(sandbox, 'GET', '/customers', { headers: { token1: t1, TOKEN2: t2 } });
		expect(reply.status).toBe(200);
	});

	it('a write with bad tokens changes nothing', async () => {
		const before = sandbox.store.all('customers').length;
		const reply = await api(sandbox, 'POST', '/customers', {
			headers: { Token1: t1, Token2: 'wrong' },
			body: { companyName: 'Should Not Exist Ltd' },
		});
		expect(reply.status).toBe(401);
		expect(sandbox.store.all('customers')).toHaveLength(before);
	});

	it('checks the tokens before telling whether a route exists', async () => {
		expect((await api(sandbox, 'GET', '/nowhere', { headers: {} })).status).toBe(401);
	});
});

describe('unknown routes and methods', () => {
	it('answers 404 not_found for an unknown path', async () => {
		const reply = await api(sandbox, 'GET', '/widgets');
		expect(reply.status).toBe(404);
		expect(reply.body.error).toEqual({
			code: 'not_found',
			message: 'No API route GET /api/v1/widgets',
		});
	});

	it('answers 405 with Allow for a known path and the wrong method', async () => {
		const reply = await api(sandbox, 'DELETE', '/invoices/inv_0001');
		expect(reply.status).toBe(405);
		expect(reply.headers.get('allow')).toBe('GET, PATCH');
		expect(reply.body.error.code).toBe('method_not_allowed');
	});

	it('answers 404 not_found for an unknown id', async () => {
		const reply = await api(sandbox, 'GET', '/customers/cus_9999');
		expect(reply.status).toBe(404);
		expect(reply.body.error).toEqual({
			code: 'not_found',
			message: 'No customer with id cus_9999',
		});
	});

	it('does not need tokens for the control API', async () => {
		const response = await fetch(`${sandbox.url}/__sandbox/health`);
		expect(await response.json()).toEqual({ ok: true, service: 'thelayer' });
	});
});
