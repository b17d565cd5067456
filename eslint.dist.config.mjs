import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';

// The package scanner lints the published tarball's JavaScript, bundled vendor code included,
// with inline eslint comments disabled. This mirrors that check before release.
export default [
	{
		files: ['dist/**/*.js'],
		linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
		languageOptions: { sourceType: 'commonjs', ecmaVersion: 2022 },
		...n8nCommunityNodesPlugin.configs.recommended,
		rules: { ...n8nCommunityNodesPlugin.configs.recommended.rules, 'no-console': 'error' },
	},
];
