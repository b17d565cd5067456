import { readFileSync } from 'node:fs';
import path from 'node:path';

import { paths } from '../../nodes/TheLayer/transport/contract';

/** The node's one paths module and the assumed OpenAPI document name the same endpoints. */
describe('The Layer › contract.ts agrees with the assumed OpenAPI document', () => {
	const doc = JSON.parse(
		readFileSync(
			path.join(
				__dirname,
				'..',
				'..',
				'nodes',
				'TheLayer',
				'openapi',
				'the-layer.assumed.openapi.json',
			),
			'utf8',
		),
	) as { 'x-assumed'?: boolean; paths: Record<string, Record<string, unknown>> };

	const used: Array<[string, string]> = [
		['get', paths.subCompanies],
		['get', paths.paymentMethods],
		['get', paths.nominalCodes],
		['post', paths.nominalCodes],
		['patch', paths.record(paths.nominalCodes, '{id}')],
		['get', paths.customers],
		['post', paths.customers],
		['get', paths.record(paths.customers, '{id}')],
		['patch', paths.record(paths.customers, '{id}')],
		['get', paths.customerSageLink('{id}')],
		['put', paths.customerSageLink('{id}')],
		['put', paths.customerBalances('{id}')],
		['get', paths.customerContacts('{id}')],
		['post', paths.customerContacts('{id}')],
		['patch', paths.customerContact('{id}', '{contactId}')],
		['post', paths.invoices],
		['get', paths.record(paths.invoices, '{id}')],
		['post', paths.invoiceFinalise('{id}')],
		...(['invoices', 'payments', 'creditNotes', 'refunds'] as const).flatMap(
			(c): Array<[string, string]> => [
				['get', paths[c]],
				['post', paths[c]],
				['put', paths.sageSync(paths[c], '{id}')],
			],
		),
		['get', paths.sageTransactions],
		['post', paths.sageTransactions],
		['get', paths.record(paths.sageTransactions, '{id}')],
		['post', paths.sageTransactionReconcile('{id}')],
	];

	it('is marked as assumed', () => {
		expect(doc['x-assumed']).toBe(true);
	});

	it.each(used)('%s %s is in the document', (method, template) => {
		const normalised = decodeURIComponent(template);
		const entry = Object.entries(doc.paths).find(
			([p]) => p.replace(/\{[^}]+\}/g, '{x}') === normalised.replace(/\{[^}]+\}/g, '{x}'),
		);
		expect(entry).toBeDefined();
		expect(entry?.[1][method]).toBeDefined();
	});
});
