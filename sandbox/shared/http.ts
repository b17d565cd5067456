import { createServer } from 'node:http';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface RunningServer {
	/** Base URL without a trailing slash, e.g. `http://127.0.0.1:4101`. */
	url: string;
	port: number;
	/** Stops listening and destroys every open socket (including held/keep-alive ones). */
	close(): Promise<void>;
}

export const LOOPBACK = '127.0.0.1';

export class BodyTooLargeError extends Error {}

export async function readBody(
	req: IncomingMessage,
	limitBytes = 64 * 1024 * 1024,
): Promise<string> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		const buffer = chunk as Buffer;
		size += buffer.length;
		if (size > limitBytes) throw new BodyTooLargeError(`Request body over ${limitBytes} bytes`);
		chunks.push(buffer);
	}
	return Buffer.concat(chunks).toString('utf8');
}

export function send(
	res: ServerResponse,
	status: number,
	body: string,
	contentType: string,
	headers: OutgoingHttpHeaders = {},
): void {
	if (res.writableEnded || res.destroyed) return;
	res.writeHead(status, {
		'Content-Type': contentType,
		'Content-Length': Buffer.byteLength(body),
		...headers,
	});
	res.end(body);
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
	send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

export function sleep(ms: number): Promise<void> {
	return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms).unref()) : Promise.resolve();
}

/** Drops the connection without sending any response (what a client sees as ECONNRESET). */
export function destroyConnection(req: IncomingMessage): void {
	req.socket.destroy();
}

/**
 * Starts a node:http server on 127.0.0.1 (port 0 = any free port). Unhandled handler errors
 * become a plain 500 so one bad request never takes the sandbox down.
 */
export async function startHttpServer(handler: RequestHandler, port = 0): Promise<RunningServer> {
	const sockets = new Set<Socket>();
	const server = createServer((req, res) => {
		handler(req, res).catch((error: unknown) => {
			const message = error instanceof Error ? error.message : String(error);
			send(res, 500, `Sandbox error: ${message}`, 'text/plain; charset=utf-8');
		});
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, LOOPBACK, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const actualPort = (server.address() as AddressInfo).port;
	let closing: Promise<void> | undefined;
	return {
		url: `http://${LOOPBACK}:${actualPort}`,
		port: actualPort,
		close() {
			closing ??= new Promise<void>((resolve) => {
				server.close(() => resolve());
				for (const socket of sockets) socket.destroy();
			});
			return closing;
		},
	};
}
