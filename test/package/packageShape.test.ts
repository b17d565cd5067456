import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { spawnSync } from 'node:child_process';

const root = path.join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
	name: string;
	keywords: string[];
	dependencies?: Record<string, string>;
	peerDependencies?: Record<string, string>;
	n8n: { nodes: string[]; credentials: string[] };
};
const built = existsSync(path.join(root, 'dist'));

describe('package shape (n8n community-node rules)', () => {
	it('is a community package with no runtime dependencies', () => {
		expect(pkg.name).toMatch(/^n8n-nodes-/);
		expect(pkg.keywords).toContain('n8n-community-node-package');
		expect(pkg.dependencies ?? {}).toEqual({});
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
	});

	(built ? it : it.skip)('lists only built files that exist, with their icons copied', () => {
		for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
			expect(existsSync(path.join(root, file))).toBe(true);
		}
		expect(existsSync(path.join(root, 'dist/nodes/SageIntacct/sageIntacct.svg'))).toBe(true);
		expect(existsSync(path.join(root, 'dist/icons/sageIntacct.dark.svg'))).toBe(true);
		expect(existsSync(path.join(root, 'dist/vendor/fast-xml-parser/fxp.cjs'))).toBe(true);
		const xml = readFileSync(path.join(root, 'dist/nodes/SageIntacct/transport/xml.js'), 'utf8');
		expect(xml).not.toContain('require("fast-xml-parser")');
	});

	(built ? it : it.skip)(
		'passes the scanner rules on dist/, bundled code included, and the check bites',
		async () => {
			const errors = lintDist(['dist']).flatMap((r) =>
				r.messages.filter((m) => m.severity === 2).map((m) => `${r.filePath}: ${m.message}`),
			);
			expect(errors).toEqual([]);
			const dir = mkdtempSync(path.join(root, 'dist', 'neg-'));
			try {
				const file = path.join(dir, 'negative.js');
				writeFileSync(file, 'setTimeout(() => {}, 1);\nmodule.exports = process.env.SECRET;\n');
				const [negative] = lintDist([path.relative(root, file)]);
				expect(negative.messages.map((m) => m.ruleId)).toEqual(
					expect.arrayContaining(['@n8n/community-nodes/no-restricted-globals']),
				);
			} finally {
				rmSync(dir, { recursive: true, force: true });
			}
		},
		60000,
	);
});

interface LintResult {
	filePath: string;
	messages: Array<{ ruleId: string | null; severity: number; message: string }>;
}

/** The eslint CLI with the scanner-like config (its .mjs config cannot load inside jest's VM). */
function lintDist(targets: string[]): LintResult[] {
	const cli = path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js');
	const out = spawnSync(
		process.execPath,
		[cli, '--no-config-lookup', '-c', 'eslint.dist.config.mjs', '-f', 'json', ...targets],
		{
			cwd: root,
			encoding: 'utf8',
			maxBuffer: 64 * 1024 * 1024,
		},
	);
	return JSON.parse(out.stdout) as LintResult[];
}
