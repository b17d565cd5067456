import type { IExecuteFunctions } from 'n8n-workflow';

import { FieldError } from './fieldError';

/**
 * A JSON-array parameter (lines, allocations…) that arrives either as JSON text typed in the node
 * or as an array mapped by an expression. Errors name the field and show an example.
 */
export function readJsonArray(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	example: string,
	options: { nonEmpty?: boolean; label?: string } = {},
): unknown[] {
	const label = options.label ?? name;
	let raw = ctx.getNodeParameter(name, itemIndex, '[]') as unknown;
	if (typeof raw === 'string') {
		try {
			raw = JSON.parse(raw.trim() === '' ? '[]' : raw) as unknown;
		} catch {
			raw = undefined;
		}
		if (raw === undefined)
			throw new FieldError(label, 'is not valid JSON', 'Check brackets, commas and quotes');
	}
	if (!Array.isArray(raw)) throw new FieldError(label, 'must be a JSON array', `E.g. ${example}`);
	if (options.nonEmpty && raw.length === 0)
		throw new FieldError(label, 'is empty', `Give at least one entry, e.g. ${example}`);
	return raw;
}
