import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { api } from './helpers';
import type { Reply, RequestOptions, TheLayerSandbox } from './helpers';
import { resolveRef, validate } from './schemaValidator';
import type { Schema } from './schemaValidator';

export const DOCUMENT_PATH = join(
	__dirname,
	'../../../nodes/TheLayer/openapi/the-layer.assumed.openapi.json',
);

export const doc = JSON.parse(readFileSync(DOCUMENT_PATH, 'utf8')) as Schema & {
	paths: Record<string, Record<string, Operation>>;
};

export interface Operation {
	operationId: string;
	parameters?: Schema[];
	requestBody?: { content: Record<string, { schema: Schema }> };
	responses: Record<string, Schema>;
}

export const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Every operation of the document as `METHOD path`. */
export function documentOperations(): Array<{ method: string; path: string; op: Operation }> {
	return Object.entries(doc.paths).flatMap(([path, item]) =>
		Object.entries(item)
			.filter(([method]) => METHODS.includes(method))
			.map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
	);
}

export function parametersOf(op: Operation, where: 'query' | 'path'): string[] {
	return (op.parameters ?? [])
		.map((p) => (typeof p.$ref === 'string' ? resolveRef(doc, p.$ref) : p))
		.filter((p) => p.in === where)
		.map((p) => p.name as string);
}

function templateMatches(template: string, path: string): boolean {
	const want = template.split('/');
	const got = path.split('/');
	return want.length === got.length && want.every((w, i) => /^\{\w+\}$/.test(w) || w === got[i]);
}

export function findOperation(method: string, path: string): Operation {
	const found = documentOperations().find(
		(o) => o.method === method && templateMatches(o.path, path),
	);
	if (!found) throw new Error(`The document has no operation ${method} ${path}`);
	return found.op;
}

/** Status codes seen per operationId (the coverage check reads this). */
export const seen = new Map<string, Set<number>>();

/**
 * Calls the sandbox and checks both sides against the document: the request body (unless it is
 * meant to be invalid) against the operation's request schema, and the response against the
 * schema documented for its status, which must be documented.
 */
export async function call(
	sandbox: TheLayerSandbox,
	method: string,
	path: string,
	options: RequestOptions & { invalid?: boolean } = {},
): Promise<Reply> {
	const op = findOperation(method, `/api/v1${path}`);
	const requestSchema = op.requestBody?.content['application/json']?.schema;
	if (options.body !== undefined && !options.invalid) {
		if (!requestSchema) throw new Error(`${op.operationId} takes no body`);
		expect(validate(doc, requestSchema, options.body)).toEqual([]);
	}
	const reply = await api(sandbox, method, path, options);
	let response = op.responses[String(reply.status)];
	if (!response) {
		throw new Error(
			`${op.operationId} answered ${reply.status}, which the document does not list: ${JSON.stringify(reply.body)}`,
		);
	}
	if (typeof response.$ref === 'string') response = resolveRef(doc, response.$ref);
	const content = response.content as Record<string, { schema: Schema }>;
	const problems = validate(doc, content['application/json'].schema, reply.body);
	if (problems.length > 0) {
		throw new Error(
			`${op.operationId} ${reply.status} does not match the document:\n${problems.join('\n')}`,
		);
	}
	if (!seen.has(op.operationId)) seen.set(op.operationId, new Set());
	seen.get(op.operationId)!.add(reply.status);
	return reply;
}
