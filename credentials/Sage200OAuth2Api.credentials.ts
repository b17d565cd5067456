import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * Sage 200 (Standard and Professional) through Sage ID: OAuth2 authorization code with the
 * `audience` Sage requires and `offline_access` for a refresh token (shared/specs/sage200.md §2).
 * n8n keeps the tokens and refreshes them when a request answers 401. The URLs are editable only
 * so a sandbox can stand in for Sage ID and the API.
 */
export class Sage200OAuth2Api implements ICredentialType {
	name = 'sage200OAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Sage 200 OAuth2 API';

	icon: Icon = { light: 'file:../icons/sage200.svg', dark: 'file:../icons/sage200.dark.svg' };

	documentationUrl = 'https://developer.sage.com/200/';

	properties: INodeProperties[] = [
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'authorizationCode' },
		{
			displayName: 'Edition',
			name: 'edition',
			type: 'options',
			options: [
				{ name: 'Sage 200 Standard (Online)', value: 'standard' },
				{ name: 'Sage 200 Professional', value: 'professional' },
			],
			default: 'professional',
			description:
				'Standard uses /uk/sage200/accounts/v1, Professional /uk/sage200extra/accounts/v1',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'string',
			default: 'https://id.sage.com/authorize',
			required: true,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'string',
			default: 'https://id.sage.com/oauth/token',
			required: true,
		},
		{
			displayName: 'API Base URL',
			name: 'apiBaseUrl',
			type: 'string',
			default: 'https://api.columbus.sage.com',
			description: 'Change only to point at a sandbox',
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: 'openid profile email offline_access',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: 'audience=s200ukipd/sage200',
		},
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'body' },
	];
}
