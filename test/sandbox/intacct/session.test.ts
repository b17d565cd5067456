import {
	call,
	child,
	errorsOf,
	fn,
	getSession,
	one,
	readByQuery,
	results,
	startSandbox,
	statusOf,
	text,
} from './helpers';
import type { IntacctSandbox } from './helpers';

let sandbox: IntacctSandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ sessionTtlSeconds: 600 });
});
afterAll(async () => sandbox.close());
afterEach(() => sandbox.clock.release());

const READ = fn('r-1', readByQuery('DEPARTMENT', '', 'DEPARTMENTID'));

describe('getAPISession', () => {
	it('returns a session id, this sandbox endpoint and the entity', async () => {
		const result = await one(sandbox, '<getAPISession/>');
		expect(statusOf(result)).toBe('success');
		expect(text(result, 'data/api/sessionid')).toMatch(/\.\.$/);
		expect(text(result, 'data/api/endpoint')).toBe(sandbox.endpoint);
		expect(text(result, 'data/api/locationid')).toBe('');
	});

	it('authenticates later requests with the session', async () => {
		const sessionId = await getSession(sandbox);
		const reply = await call(sandbox, [READ], { auth: { sessionId } });
		expect(text(reply.root, 'operation/authentication/status')).toBe('success');
		expect(text(reply.root, 'operation/authentication/userid')).toBe(sandbox.credentials.userId);
		expect(text(reply.root, 'operation/authentication/companyid')).toBe(
			sandbox.credentials.companyId,
		);
		expect(statusOf(results(reply)[0])).toBe('success');
	});

	it('binds a session to an entity and switches entity with locationid', async () => {
		const uk = await getSession(sandbox, 'UK');
		const reply = await call(
			sandbox,
			[fn('s', '<getAPISession><locationid>IE</locationid></getAPISession>')],
			{
				auth: { sessionId: uk },
			},
		);
		expect(text(reply.root, 'operation/authentication/locationid')).toBe('UK');
		const ie = text(results(reply)[0], 'data/api/sessionid')!;
		expect(ie).not.toBe(uk);
		expect(text(results(reply)[0], 'data/api/locationid')).toBe('IE');
		const top = await call(sandbox, [fn('s', '<getAPISession><locationid/></getAPISession>')], {
			auth: { sessionId: ie },
		});
		expect(text(results(top)[0], 'data/api/locationid')).toBe('');
	});

	it('refuses an unknown entity', async () => {
		const result = await one(sandbox, '<getAPISession><locationid>FR</locationid></getAPISession>');
		expect(statusOf(result)).toBe('failure');
	});

	it('is refused when mixed with other functions in one request', async () => {
		const reply = await call(sandbox, [fn('s', '<getAPISession/>'), READ]);
		const [session, read] = results(reply);
		expect(statusOf(session)).toBe('failure');
		expect(errorsOf(session)[0].errorno).toBe('SBX-GETAPISESSION-MIXED');
		expect(child(session, 'data')).toBeUndefined();
		expect(statusOf(read)).toBe('success');
	});
});

describe('session expiry', () => {
	it('slides the timeout forward on every authenticated call', async () => {
		sandbox.clock.freeze('2025-03-01T09:00:00Z');
		const sessionId = await getSession(sandbox);
		sandbox.clock.advance(500 * 1000);
		const first = await call(sandbox, [READ], { auth: { sessionId } });
		expect(text(first.root, 'operation/authentication/sessiontimestamp')).toBe(
			'2025-03-01T09:08:20+00:00',
		);
		expect(text(first.root, 'operation/authentication/sessiontimeout')).toBe(
			'2025-03-01T09:18:20+00:00',
		);
		// 500 s later the original 600 s window is long gone, but the sliding one is not.
		sandbox.clock.advance(500 * 1000);
		const second = await call(sandbox, [READ], { auth: { sessionId } });
		expect(text(second.root, 'operation/authentication/status')).toBe('success');
		expect(text(second.root, 'operation/authentication/sessiontimeout')).toBe(
			'2025-03-01T09:26:40+00:00',
		);
	});

	it('fails an expired session at authentication level', async () => {
		sandbox.clock.freeze('2025-03-01T09:00:00Z');
		const sessionId = await getSession(sandbox);
		sandbox.clock.advance(601 * 1000);
		const reply = await call(sandbox, [READ], { auth: { sessionId } });
		expect(text(reply.root, 'control/status')).toBe('success');
		expect(text(reply.root, 'operation/authentication/status')).toBe('failure');
		expect(errorsOf(child(reply.root, 'operation'))).toEqual([
			{ errorno: 'XL03000006', description: '', description2: 'Invalid session' },
		]);
		expect(results(reply)).toHaveLength(0);
	});

	it('fails an unknown session id the same way', async () => {
		const reply = await call(sandbox, [READ], { auth: { sessionId: 'not-a-session..' } });
		expect(errorsOf(child(reply.root, 'operation'))[0].description2).toBe('Invalid session');
	});

	it('expires every session through the control API', async () => {
		const sessionId = await getSession(sandbox);
		const response = await fetch(`${sandbox.url}/__sandbox/sessions/expire`, { method: 'POST' });
		expect(((await response.json()) as { expired: number }).expired).toBeGreaterThan(0);
		const reply = await call(sandbox, [READ], { auth: { sessionId } });
		expect(text(reply.root, 'operation/authentication/status')).toBe('failure');
	});

	it('uses the configured TTL for new calls', async () => {
		sandbox.clock.freeze('2025-03-01T09:00:00Z');
		sandbox.config.sessionTtlSeconds = 86400;
		try {
			const reply = await call(sandbox, [READ]);
			expect(text(reply.root, 'operation/authentication/sessiontimeout')).toBe(
				'2025-03-02T09:00:00+00:00',
			);
		} finally {
			sandbox.config.sessionTtlSeconds = 600;
		}
	});
});
