/**
 * Bytes on the wire (HTTP headers included) per request and response on one in-process HTTP
 * server, read from Node's http diagnostics channel (no proxy, no change to the server): the
 * "request size" side of the batch-size trade-off, which the sandbox meter does not record.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

export interface WireSnapshot {
	/** Answered requests seen. */
	requests: number;
	requestBytes: number;
	maxRequestBytes: number;
	responseBytes: number;
	maxResponseBytes: number;
}

const RESPONSE_FINISH = 'http.server.response.finish';

export class WireMeter {
	private stats: WireSnapshot = WireMeter.empty();

	/** Socket counters at the end of the previous exchange (keep-alive sockets carry many). */
	private readonly seen = new WeakMap<Socket, { read: number; written: number }>();

	private readonly onFinish = (message: unknown) => {
		const socket = (message as { request: IncomingMessage }).request.socket;
		if (!socket || socket.localPort !== this.port) return;
		// The server reads the whole request before it answers, so at "finish" the socket's
		// counters have moved by exactly this exchange.
		const before = this.seen.get(socket) ?? { read: 0, written: 0 };
		const now = { read: socket.bytesRead, written: socket.bytesWritten };
		this.seen.set(socket, now);
		const sent = now.read - before.read;
		const received = now.written - before.written;
		this.stats.requests += 1;
		this.stats.requestBytes += sent;
		this.stats.maxRequestBytes = Math.max(this.stats.maxRequestBytes, sent);
		this.stats.responseBytes += received;
		this.stats.maxResponseBytes = Math.max(this.stats.maxResponseBytes, received);
	};

	/** Counts requests answered by the server listening on 127.0.0.1:`port`. */
	constructor(private readonly port: number) {
		subscribe(RESPONSE_FINISH, this.onFinish);
	}

	private static empty(): WireSnapshot {
		return {
			requests: 0,
			requestBytes: 0,
			maxRequestBytes: 0,
			responseBytes: 0,
			maxResponseBytes: 0,
		};
	}

	snapshot(): WireSnapshot {
		return { ...this.stats };
	}

	reset(): void {
		this.stats = WireMeter.empty();
	}

	stop(): void {
		unsubscribe(RESPONSE_FINISH, this.onFinish);
	}
}
