import type { IExecuteFunctions } from 'n8n-workflow';

import { FieldError } from './fieldError';

/** A text parameter (or resource-locator value); a required one must not be empty. */
export function textParam(
	ctx: IExecuteFunctions,
	name: string,
	i: number,
	required = false,
	label = name,
): string {
	const raw = ctx.getNodeParameter(name, i, '', { extractValue: true }) as unknown;
	if (raw === undefined || raw === null || raw === '') {
		if (required)
			throw new FieldError(label, 'is required', `Set "${label}" or map it from the input`);
		return '';
	}
	if (typeof raw === 'object')
		throw new FieldError(label, 'must be text, not an object', 'Map a single value');
	return String(raw);
}
