/**
 * Tiny stand-ins for the n8n-nodes-base nodes that workflow fixtures need. n8n-nodes-base is not a
 * dependency of this package, so the in-process engine registers these under the real type names.
 * The real nodes are exercised end to end by the CLI tests (test/helpers/n8nCli.ts).
 */
import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

/** `n8n-nodes-base.manualTrigger`: emits one empty item, like "Execute workflow" in the editor. */
export class ManualTriggerStandIn implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Manual Trigger (test stand-in)',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Runs the flow on clicking a button in n8n',
		defaults: { name: "When clicking 'Execute workflow'" },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [[{ json: {} }]];
	}
}

/** `n8n-nodes-base.noOp`: passes its input items through unchanged. */
export class NoOpStandIn implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'No Operation, do nothing (test stand-in)',
		name: 'noOp',
		group: ['organization'],
		version: 1,
		description: 'No Operation',
		defaults: { name: 'No Operation, do nothing' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

/** The built-ins, keyed by their full n8n type names. */
export function builtinNodeTypes(): Record<string, INodeType> {
	return {
		'n8n-nodes-base.manualTrigger': new ManualTriggerStandIn(),
		'n8n-nodes-base.noOp': new NoOpStandIn(),
	};
}
