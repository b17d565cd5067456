/**
 * Writes workflows/*.json from the template sources (`npm run templates`), or with `--check`
 * exits non-zero when a committed file differs from what the sources make.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import type { Template } from './builder';
import { intacctTemplates } from './intacct';
import { sage200Templates } from './sage200';

export function allTemplates(): Template[] {
	return [...intacctTemplates(), ...sage200Templates()];
}

export function renderTemplate(template: Template): string {
	return `${JSON.stringify(template.toJSON(), null, '\t')}\n`;
}

function main(): void {
	const root = path.resolve(__dirname, '..', '..', '..');
	const check = process.argv.includes('--check');
	const stale: string[] = [];
	for (const template of allTemplates()) {
		const file = path.join(root, 'workflows', template.file);
		const text = renderTemplate(template);
		const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
		if (current === text) continue;
		if (check) stale.push(template.file);
		else {
			writeFileSync(file, text);
			console.log(`wrote workflows/${template.file}`);
		}
	}
	if (stale.length) {
		console.error(`Out of date (run npm run templates): ${stale.join(', ')}`);
		process.exit(1);
	}
}

if (require.main === module) main();
