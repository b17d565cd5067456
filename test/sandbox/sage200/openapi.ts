import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { resolveRef, validate } from '../thelayer/schemaValidator';
import type { Schema } from '../thelayer/schemaValidator';

/**
 * Sage's own OpenAPI files for Sage 200 (../shared/specs/sage200-openapi beside the repo),
 * turned into the schema subset test/sandbox/thelayer/schemaValidator.ts checks:
 * - `maxLength: n` becomes `pattern: ^[\s\S]{0,n}$`, int16/int32 become minimum/maximum,
 *   `decimal 2dp` becomes format `money`, `date-time` a pattern for Sage's UTC datetimes
 *   (`2024-05-01T10:15:00.123`, an offset allowed);
 * - every object with properties is closed (`additionalProperties: false`), so a field the
 *   sandbox invents fails;
 * - properties outside `required` may be null: the files never say `nullable`, yet Sage sends
 *   null for unset values (spec §10's receipt example: `full_settlement_date: null`);
 * - enum-valued text fields skip maxLength: Sage's own values (`TradingAccountEntryType…`,
 *   `TradingAccountTypeOpenItem`, `PaymentDueFromDocumentDate`) are longer than it;
 * - `site` also allows `tenant_id`, which Prismatic's recorded `/sites` payload carries (spec §4).
 */
export const SPEC_DIR = join(__dirname, '../../../../shared/specs/sage200-openapi');
export const SPEC_FILES = ['sales', 'general', 'cash-book', 'nominal', 'financials'] as const;
export const specsPresent = existsSync(join(SPEC_DIR, 'sales.json'));

const ENUM_TEXT = new Set([
	'trader_transaction_type',
	'transaction_type',
	'account_type',
	'payment_terms_basis',
	'entry_type',
]);
const SAGE_DATE_TIME =
	'^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,7})?(Z|[+-]\\d{2}:\\d{2})?$';
const INT_RANGE: Record<string, [number, number]> = {
	int16: [-32768, 32767],
	int32: [-2147483648, 2147483647],
};
const DROPPED = new Set(['readOnly', 'x-sage-professional-only', 'maxLength', 'format']);
const KEPT = new Set(['type', 'description', 'default', 'required', 'items', 'properties', '$ref']);

interface Operation {
	operationId: string;
	requestBody?: { content: Record<string, { schema: Schema }> };
	responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
}

type Paths = Record<string, Record<string, Operation>>;

function convert(file: string, schema: Schema, name: string, nullable: boolean): Schema {
	for (const key of Object.keys(schema)) {
		if (!DROPPED.has(key) && !KEPT.has(key))
			throw new Error(`Unsupported keyword ${key} in ${file}`);
	}
	if (typeof schema.$ref === 'string') {
		return { $ref: schema.$ref.replace('#/components/schemas/', `#/components/schemas/${file}:`) };
	}
	const out: Schema = {};
	const type = schema.type as string | undefined;
	if (type !== undefined) out.type = nullable ? [type, 'null'] : type;
	if (typeof schema.description === 'string') out.description = schema.description;
	const format = schema.format as string | undefined;
	if (format === 'date-time') out.pattern = SAGE_DATE_TIME;
	else if (format === 'decimal 2dp' && type === 'number') out.format = 'money';
	else if (format && INT_RANGE[format]) [out.minimum, out.maximum] = INT_RANGE[format];
	if (typeof schema.maxLength === 'number' && !ENUM_TEXT.has(name)) {
		out.pattern = `^[\\s\\S]{0,${schema.maxLength}}$`;
	}
	if (schema.items) out.items = convert(file, schema.items as Schema, name, false);
	if (schema.properties) {
		const required = (schema.required ?? []) as string[];
		const properties: Record<string, Schema> = {};
		for (const [key, child] of Object.entries(schema.properties as Record<string, Schema>)) {
			properties[key] = convert(file, child, key, !required.includes(key));
		}
		out.properties = properties;
		if (required.length > 0) out.required = required;
		if (Object.keys(properties).length > 0) out.additionalProperties = false;
	}
	return out;
}

function load(): {
	root: Schema;
	paths: Map<string, { file: string; item: Record<string, Operation> }>;
} {
	const schemas: Record<string, Schema> = {};
	const paths = new Map<string, { file: string; item: Record<string, Operation> }>();
	if (!specsPresent) return { root: { components: { schemas } }, paths };
	for (const file of SPEC_FILES) {
		const doc = JSON.parse(readFileSync(join(SPEC_DIR, `${file}.json`), 'utf8')) as {
			paths: Paths;
			components: { schemas: Record<string, Schema> };
		};
		for (const [name, schema] of Object.entries(doc.components.schemas)) {
			schemas[`${file}:${name}`] = convert(file, schema, name, false);
		}
		for (const [path, item] of Object.entries(doc.paths)) paths.set(path, { file, item });
	}
	const site = schemas['general:site'].properties as Record<string, Schema>;
	site.tenant_id = { type: ['integer', 'null'] };
	return { root: { components: { schemas } }, paths };
}

const loaded = load();
export const root = loaded.root;

/** The operation Sage documents for `METHOD path` (path as in the files, e.g. `/customers/{Id}`). */
export function operationOf(method: string, path: string): { file: string; operation: Operation } {
	const entry = loaded.paths.get(path);
	const operation = entry?.item[method.toLowerCase()];
	if (!entry || !operation) throw new Error(`Sage's OpenAPI files have no ${method} ${path}`);
	return { file: entry.file, operation };
}

/** The request or 200-response schema of an operation, converted, with refs into `root`. */
export function schemaOf(
	method: string,
	path: string,
	part: 'request' | 'response',
): Schema | undefined {
	const { file, operation } = operationOf(method, path);
	const content =
		part === 'request' ? operation.requestBody?.content : operation.responses['200']?.content;
	const schema = content?.['application/json']?.schema;
	if (!schema) return undefined;
	const converted = convert(file, schema, '', false);
	if (part === 'request' && method.toUpperCase() === 'PUT') {
		// PUT takes any subset of the fields (spec §5), so the schema's `required` does not apply.
		const partial = { ...resolveRef(root, converted.$ref as string) };
		delete partial.required;
		return partial;
	}
	return converted;
}

/** Problems of `value` against the operation's converted schema; empty when it conforms. */
export function shapeProblems(
	method: string,
	path: string,
	part: 'request' | 'response',
	value: unknown,
): string[] {
	const schema = schemaOf(method, path, part);
	if (!schema) throw new Error(`${method} ${path} documents no ${part} body`);
	return validate(root, schema, value);
}
