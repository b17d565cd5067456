/**
 * A small JSON-schema subset validator for the OpenAPI 3.1 document: $ref (local), type (one or
 * several, "null" for nullable), enum, properties, required, additionalProperties (false or a
 * schema), items, minItems, minProperties, minimum, maximum, exclusiveMinimum, pattern, and
 * format date, date-time and money (at most 2 decimals). Any other keyword is an error, so the
 * document cannot lean on something this validator would silently skip.
 */
export type Schema = Record<string, unknown>;

const KEYWORDS = new Set([
	'$ref',
	'type',
	'enum',
	'properties',
	'required',
	'additionalProperties',
	'items',
	'minItems',
	'minProperties',
	'minimum',
	'maximum',
	'exclusiveMinimum',
	'pattern',
	'format',
	'description',
	'default',
]);

const FORMATS: Record<string, (value: unknown) => boolean> = {
	date: (v) =>
		typeof v === 'string' &&
		/^\d{4}-\d{2}-\d{2}$/.test(v) &&
		new Date(`${v}T00:00:00.000Z`).toISOString().startsWith(v),
	'date-time': (v) =>
		typeof v === 'string' &&
		/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(v) &&
		!Number.isNaN(Date.parse(v)),
	money: (v) => typeof v === 'number' && /^-?\d+(\.\d{1,2})?$/.test(String(v)),
};

function typeOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
	return typeof value;
}

export function resolveRef(root: Schema, ref: string): Schema {
	if (!ref.startsWith('#/')) throw new Error(`Only local $refs are supported: ${ref}`);
	let node: unknown = root;
	for (const part of ref.slice(2).split('/')) node = (node as Schema)?.[part];
	if (node === undefined) throw new Error(`Unresolvable $ref ${ref}`);
	return node as Schema;
}

/** Every problem of `value` against `schema`, as `path: message`; empty when valid. */
export function validate(root: Schema, schema: Schema, value: unknown, path = '$'): string[] {
	for (const key of Object.keys(schema)) {
		if (!KEYWORDS.has(key)) throw new Error(`Unsupported schema keyword ${key} at ${path}`);
	}
	if (typeof schema.$ref === 'string') {
		return validate(root, resolveRef(root, schema.$ref), value, path);
	}
	const errors: string[] = [];
	const actual = typeOf(value);
	if (schema.type !== undefined) {
		const types = ([] as string[]).concat(schema.type as string | string[]);
		const matches = types.includes(actual) || (actual === 'integer' && types.includes('number'));
		if (!matches) return [`${path}: expected ${types.join(' or ')}, got ${actual}`];
	}
	if (value === null) return errors;
	if (Array.isArray(schema.enum) && !schema.enum.includes(value)) {
		errors.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
	}
	if (typeof schema.format === 'string') {
		const check = FORMATS[schema.format];
		if (!check) throw new Error(`Unsupported format ${schema.format} at ${path}`);
		if (!check(value))
			errors.push(`${path}: ${JSON.stringify(value)} is not a valid ${schema.format}`);
	}
	if (typeof value === 'number') {
		if (typeof schema.minimum === 'number' && value < schema.minimum) {
			errors.push(`${path}: ${value} < minimum ${schema.minimum}`);
		}
		if (typeof schema.maximum === 'number' && value > schema.maximum) {
			errors.push(`${path}: ${value} > maximum ${schema.maximum}`);
		}
		if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum) {
			errors.push(`${path}: ${value} <= exclusiveMinimum ${schema.exclusiveMinimum}`);
		}
	}
	if (typeof value === 'string' && typeof schema.pattern === 'string') {
		if (!new RegExp(schema.pattern, 'u').test(value)) {
			errors.push(`${path}: ${JSON.stringify(value)} does not match ${schema.pattern}`);
		}
	}
	if (Array.isArray(value)) {
		if (typeof schema.minItems === 'number' && value.length < schema.minItems) {
			errors.push(`${path}: fewer than ${schema.minItems} items`);
		}
		if (schema.items) {
			value.forEach((item, i) =>
				errors.push(...validate(root, schema.items as Schema, item, `${path}[${i}]`)),
			);
		}
	}
	if (actual === 'object') errors.push(...validateObject(root, schema, value as Schema, path));
	return errors;
}

function validateObject(root: Schema, schema: Schema, value: Schema, path: string): string[] {
	const errors: string[] = [];
	const properties = (schema.properties ?? {}) as Record<string, Schema>;
	for (const key of (schema.required ?? []) as string[]) {
		if (!(key in value)) errors.push(`${path}: missing required ${key}`);
	}
	if (
		typeof schema.minProperties === 'number' &&
		Object.keys(value).length < schema.minProperties
	) {
		errors.push(`${path}: fewer than ${schema.minProperties} properties`);
	}
	for (const [key, item] of Object.entries(value)) {
		if (properties[key]) {
			errors.push(...validate(root, properties[key], item, `${path}.${key}`));
		} else if (schema.additionalProperties === false) {
			errors.push(`${path}: unexpected property ${key}`);
		} else if (typeof schema.additionalProperties === 'object') {
			errors.push(...validate(root, schema.additionalProperties as Schema, item, `${path}.${key}`));
		}
	}
	return errors;
}

/** Throws when a schema (or anything under it) uses a keyword or format validate() lacks. */
export function assertSupported(root: Schema, schema: Schema, path = '$'): void {
	for (const key of Object.keys(schema)) {
		if (!KEYWORDS.has(key)) throw new Error(`Unsupported schema keyword ${key} at ${path}`);
	}
	if (typeof schema.format === 'string' && !FORMATS[schema.format]) {
		throw new Error(`Unsupported format ${schema.format} at ${path}`);
	}
	if (typeof schema.$ref === 'string') resolveRef(root, schema.$ref);
	for (const [name, child] of Object.entries((schema.properties ?? {}) as Record<string, Schema>)) {
		assertSupported(root, child, `${path}.${name}`);
	}
	if (schema.items) assertSupported(root, schema.items as Schema, `${path}[]`);
	if (typeof schema.additionalProperties === 'object') {
		assertSupported(root, schema.additionalProperties as Schema, `${path}.*`);
	}
}
