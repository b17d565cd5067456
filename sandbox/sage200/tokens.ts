import { createHmac, randomBytes, randomUUID } from 'node:crypto';

import type { Clock } from '../shared/clock';

/**
 * Sage ID's token book-keeping (spec §2): authorization codes, access tokens (JWTs for the
 * audience `s200ukipd/sage200`) and rotating refresh tokens. Access tokens are checked against
 * this book, so they can be expired on demand; refresh tokens are single-use (each refresh
 * returns a new one) and issued only when the scope includes `offline_access`.
 */
export const SAGE200_AUDIENCE = 's200ukipd/sage200';
export const DEFAULT_SCOPE = 'openid profile email offline_access';
/** Sage does not publish the lifetime; integrations refresh hourly (spec §2, [MAG]). */
export const DEFAULT_ACCESS_TOKEN_TTL_SECONDS = 3600;
const CODE_TTL_MS = 10 * 60_000;

export interface OAuthClient {
	clientId: string;
	clientSecret: string;
	/** Allowed redirect URIs; undefined accepts any http(s) URI (handy for n8n on any port). */
	redirectUris?: string[];
}

export interface TokenResponse {
	access_token: string;
	refresh_token?: string;
	id_token: string;
	scope: string;
	expires_in: number;
	token_type: 'Bearer';
}

export interface Grant {
	clientId: string;
	scope: string;
	/** The `audience` the authorize request asked for (undefined when it asked for none). */
	audience: string | undefined;
}

interface AccessToken extends Grant {
	expiresAt: number;
}

interface AuthorizationCode extends Grant {
	redirectUri: string;
	expiresAt: number;
}

/** The Sage ID user the sandbox signs everyone in as. */
export const SANDBOX_USER = {
	sub: 'auth0|sage200-sandbox-user',
	email: 'api.user@sage200-sandbox.test',
	name: 'API User',
};

const base64url = (value: Buffer | string) => Buffer.from(value).toString('base64url');

export class TokenBook {
	private readonly secret = randomBytes(32);
	private codes = new Map<string, AuthorizationCode>();
	private access = new Map<string, AccessToken>();
	private refresh = new Map<string, Grant>();

	constructor(
		private readonly clock: Clock,
		readonly client: OAuthClient,
		readonly ttlSeconds: number,
		private readonly issuer: () => string,
	) {}

	private jwt(payload: Record<string, unknown>): string {
		const head = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: 'sandbox' }));
		const body = base64url(JSON.stringify(payload));
		const signature = createHmac('sha256', this.secret).update(`${head}.${body}`).digest();
		return `${head}.${body}.${base64url(signature)}`;
	}

	newCode(grant: Grant, redirectUri: string): string {
		const code = base64url(randomBytes(24));
		this.codes.set(code, {
			...grant,
			redirectUri,
			expiresAt: this.clock.now().getTime() + CODE_TTL_MS,
		});
		return code;
	}

	/** Uses up a code; undefined when unknown, used, expired or issued to someone else. */
	redeemCode(code: string, clientId: string): AuthorizationCode | undefined {
		const found = this.codes.get(code);
		this.codes.delete(code);
		if (!found || found.clientId !== clientId) return undefined;
		return found.expiresAt > this.clock.now().getTime() ? found : undefined;
	}

	/** Uses up a refresh token (rotation: the old one is invalid from now on). */
	redeemRefreshToken(token: string, clientId: string): Grant | undefined {
		const found = this.refresh.get(token);
		if (!found || found.clientId !== clientId) return undefined;
		this.refresh.delete(token);
		return found;
	}

	/** A token response for a grant: always an access and id token, a refresh token with offline_access. */
	issue(grant: Grant): TokenResponse {
		const now = this.clock.now().getTime();
		const iat = Math.floor(now / 1000);
		const iss = `${this.issuer()}/`;
		const audiences = grant.audience ? [grant.audience, `${iss}userinfo`] : [`${iss}userinfo`];
		const access_token = this.jwt({
			iss,
			sub: SANDBOX_USER.sub,
			aud: audiences,
			iat,
			exp: iat + this.ttlSeconds,
			azp: grant.clientId,
			scope: grant.scope,
			jti: randomUUID(),
		});
		this.access.set(access_token, { ...grant, expiresAt: now + this.ttlSeconds * 1000 });
		const id_token = this.jwt({
			iss,
			sub: SANDBOX_USER.sub,
			aud: grant.clientId,
			iat,
			exp: iat + 36000,
			email: SANDBOX_USER.email,
			name: SANDBOX_USER.name,
		});
		const response: TokenResponse = {
			access_token,
			id_token,
			scope: grant.scope,
			expires_in: this.ttlSeconds,
			token_type: 'Bearer',
		};
		if (grant.scope.split(' ').includes('offline_access')) {
			response.refresh_token = `v1.${base64url(randomBytes(48))}`;
			this.refresh.set(response.refresh_token, { ...grant });
		}
		return response;
	}

	/** The grant behind a live access token; undefined when unknown or expired. */
	verify(token: string): Grant | undefined {
		const found = this.access.get(token);
		if (!found || found.expiresAt <= this.clock.now().getTime()) return undefined;
		return found;
	}

	/** Expires one access token now (the `sessionExpiry` fault). */
	expire(token: string): void {
		const found = this.access.get(token);
		if (found) found.expiresAt = 0;
	}

	/** Expires every access token issued so far; returns how many were live. */
	expireAll(): number {
		let live = 0;
		const now = this.clock.now().getTime();
		for (const token of this.access.values()) {
			if (token.expiresAt > now) live += 1;
			token.expiresAt = 0;
		}
		return live;
	}

	/** Forgets every refresh token (as when they reach their lifetime): users must sign in again. */
	revokeRefreshTokens(): number {
		const count = this.refresh.size;
		this.refresh.clear();
		return count;
	}
}
