import { randomBytes } from 'node:crypto';

import type { Clock } from '../shared/clock';
import { errors } from './errors';
import type { IntacctError } from './errors';

export interface IntacctDemoCredentials {
	senderId: string;
	senderPassword: string;
	companyId: string;
	userId: string;
	userPassword: string;
	entityId?: string;
}

export interface Sender {
	senderId: string;
	password: string;
	/** Companies whose Web Services authorization list includes this sender. */
	authorizedCompanies: string[];
}

export interface User {
	companyId: string;
	userId: string;
	password: string;
}

export interface Session {
	sessionId: string;
	companyId: string;
	userId: string;
	/** Entity the session is bound to; '' = top level. */
	locationId: string;
	expiresAt: number;
}

/** The authenticated identity an operation runs as. */
export interface Caller {
	companyId: string;
	userId: string;
	locationId: string;
	/** Set when the operation authenticated with a sessionid. */
	sessionId?: string;
	timestamp: Date;
	timeout: Date;
}

export interface LoginRequest {
	userid: string;
	companyid: string;
	password: string;
	locationid?: string;
}

export type AuthOutcome = { ok: true; caller: Caller } | { ok: false; error: IntacctError };

const same = (a: string, b: string) => a.toUpperCase() === b.toUpperCase();

/**
 * Senders, users and sessions. Sender IDs and all passwords are case-sensitive; user and company
 * IDs are compared case-insensitively. Sessions are bound to company, user and entity, and have a
 * sliding expiry: every authenticated call pushes it to now + TTL.
 */
export class AuthService {
	private senders: Sender[] = [];
	private users: User[] = [];
	private sessions = new Map<string, Session>();

	constructor(
		private readonly clock: Clock,
		private readonly ttlSeconds: () => number,
		private readonly entityExists: (entityId: string) => boolean,
	) {}

	addSender(sender: Sender): void {
		this.senders.push(sender);
	}

	addUser(user: User): void {
		this.users.push(user);
	}

	checkSender(senderId: string, password: string): boolean {
		return this.senders.some((s) => s.senderId === senderId && s.password === password);
	}

	private senderAuthorized(senderId: string, companyId: string): boolean {
		const sender = this.senders.find((s) => s.senderId === senderId);
		return !!sender && sender.authorizedCompanies.some((c) => same(c, companyId));
	}

	private expiry(from: Date): Date {
		return new Date(from.getTime() + this.ttlSeconds() * 1000);
	}

	/**
	 * Login authentication. `companyid` may be `company|client|entity` (spec §2.3); the sandbox has
	 * no console companies, so a non-empty client part fails like a wrong company.
	 */
	login(senderId: string, request: LoginRequest): AuthOutcome {
		const [companyId, clientId = '', entityPart = ''] = request.companyid.split('|');
		const locationId = entityPart || request.locationid || '';
		const user = this.users.find(
			(u) => same(u.companyId, companyId) && same(u.userId, request.userid),
		);
		if (clientId !== '' || !user || user.password !== request.password) {
			return { ok: false, error: errors.signInIncorrect() };
		}
		if (!this.senderAuthorized(senderId, user.companyId)) {
			return { ok: false, error: errors.senderNotAuthorized(senderId, request.companyid) };
		}
		if (locationId !== '' && !this.entityExists(locationId)) {
			return { ok: false, error: errors.signInIncorrect() };
		}
		const now = this.clock.now();
		return {
			ok: true,
			caller: {
				companyId: user.companyId,
				userId: user.userId,
				locationId,
				timestamp: now,
				timeout: this.expiry(now),
			},
		};
	}

	/** Session authentication; slides the expiry on success. */
	resume(senderId: string, sessionId: string): AuthOutcome {
		const session = this.sessions.get(sessionId);
		const now = this.clock.now();
		if (!session || session.expiresAt <= now.getTime()) {
			if (session) this.sessions.delete(sessionId);
			return { ok: false, error: errors.invalidSession() };
		}
		if (!this.senderAuthorized(senderId, session.companyId)) {
			return { ok: false, error: errors.senderNotAuthorized(senderId, session.companyId) };
		}
		const timeout = this.expiry(now);
		session.expiresAt = timeout.getTime();
		return {
			ok: true,
			caller: {
				companyId: session.companyId,
				userId: session.userId,
				locationId: session.locationId,
				sessionId,
				timestamp: now,
				timeout,
			},
		};
	}

	/**
	 * getAPISession: returns the caller's own session when it already has one at the requested
	 * entity, otherwise creates a new one. `locationId` undefined keeps the caller's entity;
	 * '' means top level. Returns undefined when the entity does not exist.
	 */
	openSession(caller: Caller, locationId?: string): Session | undefined {
		const target = locationId ?? caller.locationId;
		if (target !== '' && !this.entityExists(target)) return undefined;
		const expiresAt = this.expiry(this.clock.now()).getTime();
		const current = caller.sessionId ? this.sessions.get(caller.sessionId) : undefined;
		if (current && current.locationId === target) {
			current.expiresAt = expiresAt;
			return current;
		}
		this.pruneExpired();
		const session: Session = {
			sessionId: `${randomBytes(24).toString('base64url')}..`,
			companyId: caller.companyId,
			userId: caller.userId,
			locationId: target,
			expiresAt,
		};
		this.sessions.set(session.sessionId, session);
		return session;
	}

	private pruneExpired(): void {
		const now = this.clock.now().getTime();
		for (const [id, session] of this.sessions)
			if (session.expiresAt <= now) this.sessions.delete(id);
	}

	/** Expires one session (fault injection) or all of them (control API). */
	expire(sessionId?: string): number {
		if (sessionId === undefined) {
			const count = this.sessions.size;
			this.sessions.clear();
			return count;
		}
		return this.sessions.delete(sessionId) ? 1 : 0;
	}

	get sessionCount(): number {
		return this.sessions.size;
	}
}
