/**
 * Credentials only travel over TLS. Plain http:// is allowed for loopback addresses only, so the
 * local sandboxes work and nothing else can be pointed at an unencrypted endpoint.
 */
export function isLoopbackHost(hostname: string): boolean {
	const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
	return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

export function assertSafeEndpoint(url: string, what: string): URL {
	if (!URL.canParse(url)) throw new Error(`${what} "${url}" is not a valid URL`);
	const parsed = new URL(url);
	if (parsed.protocol === 'https:') return parsed;
	if (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname)) return parsed;
	throw new Error(
		`${what} must use https:// (plain http:// is only allowed for 127.0.0.1/localhost sandboxes); got ${parsed.protocol}//${parsed.host}`,
	);
}
