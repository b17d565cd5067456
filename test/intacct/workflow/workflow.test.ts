import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { ICredentialType, INodeType } from 'n8n-workflow';

import type { IntacctSandbox } from '../../../sandbox/intacct/server';
import {
	credentialTypesOf,
	nodeTypesOf,
	runWorkflow,
	type WorkflowFixture,
} from '../../helpers/engine';
import { intacctCredentials, records, startSandbox } from '../helpers';

/**
 * The workflow JSON runs through n8n-core's WorkflowExecute with the BUILT nodes from dist/, the
 * code n8n loads, not the TypeScript sources.
 */
const dist = path.join(__dirname, '..', '..', '..', 'dist');
const built = existsSync(path.join(dist, 'nodes', 'SageIntacct', 'SageIntacct.node.js'));

function load<T>(file: string, className: string): T {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const Type = require(path.join(dist, file))[className] as new () => T;
	return new Type();
}

(built ? describe : describe.skip)(
	'Sage Intacct › workflow JSON in the n8n engine (built package)',
	() => {
		let sandbox: IntacctSandbox;
		beforeAll(async () => {
			sandbox = await startSandbox();
		});
		afterAll(async () => sandbox.close());

		it('creates a customer, an invoice with lines and a payment applied to it', async () => {
			const workflow = JSON.parse(
				readFileSync(path.join(__dirname, 'customerInvoicePayment.workflow.json'), 'utf8'),
			) as WorkflowFixture;
			const options = {
				nodeTypes: nodeTypesOf(
					load<INodeType>('nodes/SageIntacct/SageIntacct.node.js', 'SageIntacct'),
				),
				credentialTypes: credentialTypesOf(
					load<ICredentialType>('credentials/SageIntacctApi.credentials.js', 'SageIntacctApi'),
				),
				credentials: { sageIntacctApi: intacctCredentials(sandbox) },
			};
			const result = await runWorkflow(workflow, options);
			expect(result.error).toBeUndefined();
			expect(result.output('Record payment')[0].json).toMatchObject({
				DOCNUMBER: 'WF-PAY-1',
				TOTALENTERED: '100.01',
			});
			expect(result.output('Record payment')[0].pairedItem).toEqual({ item: 0 });
			const invoice = (await records(sandbox, 'ARINVOICE')).find((i) => i.RECORDID === 'WF-INV-1');
			expect(invoice).toMatchObject({
				CUSTOMERID: 'WF-001',
				TOTALENTERED: '100.01',
				TOTALDUE: '0.00',
				STATE: 'Paid',
			});
			const customer = (await records(sandbox, 'CUSTOMER')).find((c) => c.CUSTOMERID === 'WF-001');
			expect(customer?.NAME).toBe('Smith & Sons <"Zoë">');

			const again = await runWorkflow(workflow, options);
			expect(again.error).toBeUndefined();
			expect(
				(await records(sandbox, 'ARINVOICE')).filter((i) => i.RECORDID === 'WF-INV-1'),
			).toHaveLength(1);
			expect(
				(await records(sandbox, 'ARPYMT')).filter((p) => p.DOCNUMBER === 'WF-PAY-1'),
			).toHaveLength(1);
		});
	},
);
