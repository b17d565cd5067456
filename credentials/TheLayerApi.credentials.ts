import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { THE_LAYER_DEFAULT_BASE_URL, paths } from '../nodes/TheLayer/transport/contract';

/**
 * The Layer's API takes two header tokens, created in The Layer under Settings → Token Management
 * → All API Applications → Create (help.thelayer.com, "Authenticating API requests for The Layer").
 */
export class TheLayerApi implements ICredentialType {
	name = 'theLayerApi';

	displayName = 'The Layer API';

	icon: Icon = { light: 'file:../icons/theLayer.svg', dark: 'file:../icons/theLayer.dark.svg' };

	documentationUrl = 'https://help.thelayer.com/';

	properties: INodeProperties[] = [
		{
			displayName: 'Token1',
			name: 'token1',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'From Settings → Token Management → All API Applications in The Layer',
		},
		{
			displayName: 'Token2',
			name: 'token2',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The second token of the same API application. Both must be current.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: THE_LAYER_DEFAULT_BASE_URL,
			description:
				'Change only to point at a sandbox. Tokens are sent over https:// only (http:// is accepted for 127.0.0.1).',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Token1: '={{$credentials.token1}}',
				Token2: '={{$credentials.token2}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: paths.subCompanies,
			qs: { page: 1, pageSize: 1 },
		},
	};
}
