/**
 * Removes secret values from text before it reaches an error, an output item or a log.
 * Also masks the contents of XML elements that carry secrets, in case a raw envelope is echoed.
 */
const SECRET_ELEMENTS = ['password', 'sessionid', 'senderpassword'];

export function redactSecrets(text: string, secrets: Array<string | undefined>): string {
	let out = text;
	for (const tag of SECRET_ELEMENTS) {
		out = out.replace(new RegExp(`(<${tag}>)[\\s\\S]*?(</${tag}>)`, 'gi'), '$1***$2');
	}
	for (const secret of secrets) {
		if (!secret || secret.length < 4) continue;
		out = out.split(secret).join('***');
	}
	return out;
}
