import { createHash } from 'crypto';

/**
 * Deterministic function control ids: the same business write always carries the same id, so with
 * uniqueid=true a retried or re-run write is refused instead of applied twice. Ids are
 * `<verb>:<OBJECT>:<key>`, limited to safe characters and 256 characters (the gateway's limit);
 * when the key had to be altered a short hash keeps distinct keys distinct.
 */
export function controlIdFor(verb: string, object: string, key: string, version = ''): string {
	const safe = key.replace(/[^A-Za-z0-9._-]/g, '_');
	const suffix = safe !== key || safe.length > 150 ? `~${hash(key).slice(0, 12)}` : '';
	const versionPart = version ? `:v${version.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 32)}` : '';
	return `${verb}:${object}:${safe.slice(0, 150)}${suffix}${versionPart}`.slice(0, 256);
}

/** For writes without a business key: the content decides the id. */
export function contentControlId(verb: string, object: string, xml: string, version = ''): string {
	return controlIdFor(verb, object, `h${hash(xml).slice(0, 32)}`, version);
}

export function hash(text: string): string {
	return createHash('sha256').update(text, 'utf8').digest('hex');
}
