/**
 * Two projects: `unit` (everything but *.e2e.test.ts, in-process) and `e2e` (*.e2e.test.ts, the
 * real n8n CLI from .runtime/n8n; skipped with a message when it is not installed).
 *   npx jest                        all tests (what scripts/test.sh runs)
 *   npx jest --selectProjects unit  unit tests only
 *   npx jest --selectProjects e2e   end-to-end tests only (run `bash scripts/ensure-n8n.sh` first)
 */
const shared = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
	},
	globalSetup: '<rootDir>/test/setup/globalSetup.js',
	setupFiles: ['<rootDir>/test/setup/env.js'],
};

/** @type {import('jest').Config} */
module.exports = {
	testTimeout: 60000,
	maxWorkers: 2,
	projects: [
		{
			...shared,
			displayName: 'unit',
			testMatch: ['**/*.test.ts'],
			testPathIgnorePatterns: ['/node_modules/', '\\.e2e\\.test\\.ts$'],
			testTimeout: 60000,
		},
		{
			...shared,
			displayName: 'e2e',
			testMatch: ['**/*.e2e.test.ts'],
			// Each n8n CLI command takes ~4-8 s; suites set their own hook/test timeouts too.
			testTimeout: 180000,
		},
	],
};
