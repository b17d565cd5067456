import { config } from '@n8n/node-cli/eslint';

// n8n's own community-node ruleset (what `n8n-node lint` and the package scanner apply) for the
// package source; the sandboxes, tests and benchmarks are dev tooling that runs outside n8n, so
// the Cloud sandbox rules (no timers, no process) do not apply to them.
export default [
	{ ignores: ['dist/**', '.build/**', '.tools/**', '.runtime/**', 'test-output/**', 'node_modules/**'] },
	...config,
	{
		files: ['sandbox/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
		rules: {
			'@n8n/community-nodes/no-restricted-globals': 'off',
			'@n8n/community-nodes/no-restricted-imports': 'off',
			'@n8n/community-nodes/missing-paired-item': 'off',
			'@n8n/community-nodes/require-node-api-error': 'off',
			'@n8n/community-nodes/no-dangerous-functions': 'off',
			'@n8n/community-nodes/no-hardcoded-secrets': 'off',
			'no-console': 'off',
		},
	},
];
