import { api, startSandbox } from './helpers';
import type { Json, Sage200Sandbox } from './helpers';

let sandbox: Sage200Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ accessTokenTtlSeconds: 480 });
});
afterAll(async () => sandbox.close());
afterEach(() => sandbox.clock.release());

const REDIRECT = 'http://localhost:5678/rest/oauth2-credential/callback';

function authorizeUrl(overrides: Record<string, string | null> = {}): string {
	const params: Record<string, string | null> = {
		response_type: 'code',
		client_id: sandbox.oauth.clientId,
		redirect_uri: REDIRECT,
		scope: 'openid profile email offline_access',
		state: 'xyz-123',
		audience: 's200ukipd/sage200',
		...overrides,
	};
	const url = new URL(sandbox.oauth.authorizeUrl);
	for (const [key, value] of Object.entries(params))
		if (value !== null) url.searchParams.set(key, value);
	return url.toString();
}

async function authorize(overrides: Record<string, string | null> = {}) {
	const response = await fetch(authorizeUrl(overrides), { redirect: 'manual' });
	return {
		status: response.status,
		location: response.headers.get('location'),
		text: await response.text(),
	};
}

async function token(form: Record<string, string>, headers: Record<string, string> = {}) {
	const response = await fetch(sandbox.oauth.tokenUrl, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
		body: new URLSearchParams(form).toString(),
	});
	return { status: response.status, body: (await response.json()) as Json };
}

const secrets = () => ({
	client_id: sandbox.oauth.clientId,
	client_secret: sandbox.oauth.clientSecret,
});

async function signIn(overrides: Record<string, string | null> = {}) {
	const { location } = await authorize(overrides);
	const code = new URL(location!).searchParams.get('code')!;
	return token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, ...secrets() });
}

const sites = (accessToken: string) => api(sandbox, 'GET', '/sites', { token: accessToken });

describe('authorize', () => {
	it('approves at once and redirects back with code and state', async () => {
		const { status, location } = await authorize();
		expect(status).toBe(302);
		const back = new URL(location!);
		expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
		expect(back.searchParams.get('state')).toBe('xyz-123');
		expect(back.searchParams.get('code')).toMatch(/^[\w-]{20,}$/);
	});

	it.each([
		[{ client_id: 'someone-else' }, 'Unknown client'],
		[{ client_id: null }, 'Missing required parameter: client_id'],
		[{ redirect_uri: null }, 'Missing required parameter: redirect_uri'],
		[{ redirect_uri: 'javascript:alert(1)' }, 'Callback URL mismatch'],
	])('shows an error page for %j', async (overrides, text) => {
		const { status, location, text: page } = await authorize(overrides);
		expect(status).toBe(400);
		expect(location).toBeNull();
		expect(page).toContain(text);
	});

	it('sends an unsupported response_type back as an OAuth error', async () => {
		const back = new URL((await authorize({ response_type: 'token' })).location!);
		expect(back.searchParams.get('error')).toBe('unsupported_response_type');
		expect(back.searchParams.get('state')).toBe('xyz-123');
	});

	it('only accepts registered redirect URIs when some are configured', async () => {
		const strict = await startSandbox({ redirectUris: [REDIRECT] });
		try {
			const url = new URL(authorizeUrl({ redirect_uri: 'http://evil.example/cb' }));
			url.host = new URL(strict.url).host;
			expect((await fetch(url, { redirect: 'manual' })).status).toBe(400);
			url.searchParams.set('redirect_uri', REDIRECT);
			expect((await fetch(url, { redirect: 'manual' })).status).toBe(302);
			expect(strict.oauth.redirectUris).toEqual([REDIRECT]);
		} finally {
			await strict.close();
		}
	});
});

describe('token endpoint', () => {
	it('exchanges a code for Sage-ID-shaped tokens (client credentials in the body)', async () => {
		const { status, body } = await signIn();
		expect(status).toBe(200);
		expect(body).toEqual({
			access_token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
			refresh_token: expect.stringMatching(/^v1\./),
			id_token: expect.any(String),
			scope: 'openid profile email offline_access',
			expires_in: 480,
			token_type: 'Bearer',
		});
		const claims = JSON.parse(Buffer.from(body.access_token.split('.')[1], 'base64url').toString());
		expect(claims.aud).toContain('s200ukipd/sage200');
		expect(claims.iss).toBe(`${sandbox.url}/`);
		expect((await sites(body.access_token)).status).toBe(200);
	});

	it('takes the client credentials as HTTP Basic too, and JSON bodies', async () => {
		const { location } = await authorize();
		const code = new URL(location!).searchParams.get('code')!;
		const basic = Buffer.from(`${sandbox.oauth.clientId}:${sandbox.oauth.clientSecret}`).toString(
			'base64',
		);
		const viaBasic = await token(
			{ grant_type: 'authorization_code', code, redirect_uri: REDIRECT },
			{ Authorization: `Basic ${basic}` },
		);
		expect(viaBasic.status).toBe(200);
		const response = await fetch(sandbox.oauth.tokenUrl, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({
				grant_type: 'refresh_token',
				refresh_token: viaBasic.body.refresh_token,
				...secrets(),
			}),
		});
		expect(response.status).toBe(200);
	});

	it('issues no refresh token without offline_access', async () => {
		const { body } = await signIn({ scope: 'openid profile email' });
		expect(body.refresh_token).toBeUndefined();
		expect(body.scope).toBe('openid profile email');
	});

	it('uses a code once, and only with its redirect_uri', async () => {
		const { location } = await authorize();
		const code = new URL(location!).searchParams.get('code')!;
		const wrong = await token({
			grant_type: 'authorization_code',
			code,
			redirect_uri: 'http://other/cb',
			...secrets(),
		});
		expect(wrong).toEqual({
			status: 400,
			body: { error: 'invalid_grant', error_description: expect.stringContaining('redirect_uri') },
		});
		const again = await token({
			grant_type: 'authorization_code',
			code,
			redirect_uri: REDIRECT,
			...secrets(),
		});
		expect(again.body).toEqual({
			error: 'invalid_grant',
			error_description: 'Invalid authorization code',
		});
	});

	it.each([
		[{ grant_type: 'password' }, 400, 'unsupported_grant_type'],
		[
			{ grant_type: 'refresh_token', refresh_token: 'x', client_id: 'nobody', client_secret: 'x' },
			401,
			'invalid_client',
		],
		[
			{
				grant_type: 'refresh_token',
				refresh_token: 'x',
				client_id: 'sage200-sandbox-client',
				client_secret: 'wrong',
			},
			401,
			'invalid_client',
		],
		[
			{
				grant_type: 'authorization_code',
				client_id: 'sage200-sandbox-client',
				client_secret: 'sage200-sandbox-secret',
			},
			400,
			'invalid_request',
		],
	])('answers %j with %i %s', async (form, status, error) => {
		const reply = await token(form);
		expect(reply.status).toBe(status);
		expect(reply.body.error).toBe(error);
	});
});

describe('access tokens and refresh rotation', () => {
	it('rotates refresh tokens: each refresh returns a new one and the old one stops working', async () => {
		const first = (await signIn()).body;
		const refreshed = await token({
			grant_type: 'refresh_token',
			refresh_token: first.refresh_token,
			...secrets(),
		});
		expect(refreshed.status).toBe(200);
		expect(refreshed.body.refresh_token).not.toBe(first.refresh_token);
		expect(refreshed.body.access_token).not.toBe(first.access_token);
		const reused = await token({
			grant_type: 'refresh_token',
			refresh_token: first.refresh_token,
			...secrets(),
		});
		expect(reused).toEqual({
			status: 400,
			body: { error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' },
		});
		const next = await token({
			grant_type: 'refresh_token',
			refresh_token: refreshed.body.refresh_token,
			...secrets(),
		});
		expect(next.status).toBe(200);
		expect((await sites(next.body.access_token)).status).toBe(200);
	});

	it('expires access tokens after accessTokenTtlSeconds; the API then answers 401', async () => {
		sandbox.clock.freeze();
		const { body } = await signIn();
		sandbox.clock.advance(479_000);
		expect((await sites(body.access_token)).status).toBe(200);
		sandbox.clock.advance(1_000);
		const expired = await sites(body.access_token);
		expect(expired).toMatchObject({
			status: 401,
			body: { statusCode: 401, message: 'Unauthorized. Access token is missing or invalid.' },
		});
		const refreshed = await token({
			grant_type: 'refresh_token',
			refresh_token: body.refresh_token,
			...secrets(),
		});
		expect((await sites(refreshed.body.access_token)).status).toBe(200);
	});

	it('rejects requests without a bearer token or with an unknown one', async () => {
		expect((await api(sandbox, 'GET', '/sites', { token: null })).status).toBe(401);
		expect((await api(sandbox, 'GET', '/customers', { token: 'not-a-token' })).status).toBe(401);
	});

	it('rejects tokens asked for without audience=s200ukipd/sage200', async () => {
		const { status, body } = await signIn({ audience: null });
		expect(status).toBe(200);
		expect((await sites(body.access_token)).status).toBe(401);
	});

	it('POST /__sandbox/tokens/expire expires every access token; tokens/revoke every refresh token', async () => {
		const { body } = await signIn();
		const expire = await fetch(`${sandbox.url}/__sandbox/tokens/expire`, { method: 'POST' });
		expect(((await expire.json()) as Json).expired).toBeGreaterThanOrEqual(1);
		expect((await sites(body.access_token)).status).toBe(401);
		await fetch(`${sandbox.url}/__sandbox/tokens/revoke`, { method: 'POST' });
		const refreshed = await token({
			grant_type: 'refresh_token',
			refresh_token: body.refresh_token,
			...secrets(),
		});
		expect(refreshed.body.error).toBe('invalid_grant');
	});

	it('issueToken() mints a working pair without the browser step', async () => {
		const pair = await sandbox.issueToken();
		expect(pair.expires_in).toBe(480);
		expect((await sites(pair.access_token)).status).toBe(200);
		const refreshed = await token({
			grant_type: 'refresh_token',
			refresh_token: pair.refresh_token!,
			...secrets(),
		});
		expect(refreshed.status).toBe(200);
	});
});
