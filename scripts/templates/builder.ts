/**
 * A small builder for the workflow templates in workflows/: nodes with stable ids, connections by
 * node name, sticky notes. `npm run templates` writes the JSON files from scripts/templates/*.ts and
 * a unit test fails when a committed file differs from what the builder makes, so the JSON that
 * users import and the source reviewed here never drift apart.
 */
import { createHash } from 'node:crypto';

export type Position = [number, number];

export interface TemplateNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: Position;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string | null; name: string }>;
	onError?: 'continueErrorOutput' | 'continueRegularOutput' | 'stopWorkflow';
	executeOnce?: boolean;
	alwaysOutputData?: boolean;
	notesInFlow?: boolean;
	notes?: string;
}

export interface NodeOptions {
	onError?: TemplateNode['onError'];
	executeOnce?: boolean;
	alwaysOutputData?: boolean;
	notes?: string;
	/** Show the note under the node on the canvas. */
	notesInFlow?: boolean;
}

type Connections = Record<
	string,
	{ main: Array<Array<{ node: string; type: 'main'; index: number }>> }
>;

export interface WorkflowTemplate {
	id: string;
	name: string;
	nodes: TemplateNode[];
	connections: Connections;
	settings: Record<string, unknown>;
	pinData: Record<string, never>;
	active: false;
	meta: Record<string, unknown>;
	tags: never[];
}

/** Credential names the demo (scripts/run.sh) creates; users pick their own after import. */
export const CREDENTIALS = {
	intacct: { sageIntacctApi: { id: null, name: 'Sage Intacct account' } },
	layer: { theLayerApi: { id: null, name: 'The Layer account' } },
	sage200: { sage200OAuth2Api: { id: null, name: 'Sage 200 account' } },
} as const;

const PACKAGE = 'n8n-nodes-thelayer-sage';

/** A UUID-shaped id derived from the template and node name, so regenerating changes nothing. */
function stableId(...parts: string[]): string {
	const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export class Template {
	private readonly nodes: TemplateNode[] = [];
	private readonly connections: Connections = {};

	constructor(
		readonly file: string,
		readonly id: string,
		readonly name: string,
		readonly description: string,
	) {
		if (id.length > 16) throw new Error(`Template id "${id}" is longer than 16 characters`);
	}

	add(
		name: string,
		type: string,
		typeVersion: number,
		position: Position,
		parameters: Record<string, unknown>,
		extra: NodeOptions & { credentials?: TemplateNode['credentials'] } = {},
	): string {
		if (this.nodes.some((n) => n.name === name))
			throw new Error(`${this.file}: two nodes named "${name}"`);
		const { credentials, ...options } = extra;
		this.nodes.push({
			id: stableId(this.id, name),
			name,
			type,
			typeVersion,
			position,
			parameters,
			...(credentials ? { credentials: { ...credentials } } : {}),
			...options,
		});
		return name;
	}

	// --- this package's nodes -------------------------------------------------------------------
	layer(
		name: string,
		position: Position,
		parameters: Record<string, unknown>,
		o: NodeOptions = {},
	) {
		return this.add(name, `${PACKAGE}.theLayer`, 1, position, parameters, {
			credentials: CREDENTIALS.layer,
			...o,
		});
	}

	intacct(
		name: string,
		position: Position,
		parameters: Record<string, unknown>,
		o: NodeOptions = {},
	) {
		return this.add(name, `${PACKAGE}.sageIntacct`, 1, position, parameters, {
			credentials: CREDENTIALS.intacct,
			...o,
		});
	}

	sage200(
		name: string,
		position: Position,
		parameters: Record<string, unknown>,
		o: NodeOptions = {},
	) {
		return this.add(name, `${PACKAGE}.sage200`, 1, position, parameters, {
			credentials: CREDENTIALS.sage200,
			...o,
		});
	}

	sync(name: string, position: Position, parameters: Record<string, unknown>, o: NodeOptions = {}) {
		return this.add(name, `${PACKAGE}.sageSync`, 1, position, parameters, o);
	}

	// --- n8n's own nodes ------------------------------------------------------------------------
	manualTrigger(position: Position, name = 'Sync Now') {
		return this.add(name, 'n8n-nodes-base.manualTrigger', 1, position, {});
	}

	scheduleHourly(position: Position, name = 'Every hour') {
		return this.add(name, 'n8n-nodes-base.scheduleTrigger', 1.2, position, {
			rule: { interval: [{ field: 'hours', hoursInterval: 1 }] },
		});
	}

	calledBy(position: Position, name = 'When called by the hourly sync') {
		return this.add(name, 'n8n-nodes-base.executeWorkflowTrigger', 1.1, position, {
			inputSource: 'passthrough',
		});
	}

	callWorkflow(name: string, position: Position, workflowId: string, workflowName: string) {
		return this.add(
			name,
			'n8n-nodes-base.executeWorkflow',
			1.2,
			position,
			{
				workflowId: {
					__rl: true,
					mode: 'list',
					value: workflowId,
					cachedResultName: workflowName,
				},
				mode: 'once',
				options: { waitForSubWorkflow: true },
			},
			{ alwaysOutputData: true },
		);
	}

	/** A Set node in raw-JSON mode: settings the user edits (mapping tables, options). */
	json(name: string, position: Position, value: unknown, o: NodeOptions = {}) {
		return this.add(
			name,
			'n8n-nodes-base.set',
			3.4,
			position,
			{ mode: 'raw', jsonOutput: JSON.stringify(value, null, 2), options: {} },
			o,
		);
	}

	/** A Set node assigning fields from expressions. */
	set(
		name: string,
		position: Position,
		fields: Array<
			[name: string, type: 'string' | 'number' | 'boolean' | 'object' | 'array', value: string]
		>,
		o: NodeOptions = {},
		keepOtherFields = false,
	) {
		return this.add(
			name,
			'n8n-nodes-base.set',
			3.4,
			position,
			{
				...(keepOtherFields ? { includeOtherFields: true } : {}),
				assignments: {
					assignments: fields.map(([field, type, value]) => ({
						id: stableId(this.id, name, field),
						name: field,
						type,
						value,
					})),
				},
				options: {},
			},
			o,
		);
	}

	/** A Filter node: keeps the items where the boolean expression holds. */
	filter(name: string, position: Position, condition: string) {
		return this.add(name, 'n8n-nodes-base.filter', 2.2, position, this.condition(name, condition));
	}

	/** An If node: output 0 where the boolean expression holds, output 1 otherwise. */
	ifTrue(name: string, position: Position, condition: string) {
		return this.add(name, 'n8n-nodes-base.if', 2.2, position, this.condition(name, condition));
	}

	/** The If / Filter parameters for one "is true" test of a boolean expression. */
	private condition(name: string, condition: string): Record<string, unknown> {
		return {
			conditions: {
				options: { caseSensitive: true, leftValue: '', typeValidation: 'loose', version: 2 },
				conditions: [
					{
						id: stableId(this.id, name, 'condition'),
						leftValue: condition,
						rightValue: '',
						operator: { type: 'boolean', operation: 'true', singleValue: true },
					},
				],
				combinator: 'and',
			},
			options: {},
		};
	}

	removeDuplicates(name: string, position: Position, fields: string) {
		return this.add(name, 'n8n-nodes-base.removeDuplicates', 2, position, {
			compare: 'selectedFields',
			fieldsToCompare: fields,
			options: {},
		});
	}

	splitOut(name: string, position: Position, field: string) {
		return this.add(name, 'n8n-nodes-base.splitOut', 1, position, {
			fieldToSplitOut: field,
			options: {},
		});
	}

	noOp(name: string, position: Position) {
		return this.add(name, 'n8n-nodes-base.noOp', 1, position, {});
	}

	sticky(
		title: string,
		body: string,
		position: Position,
		size: [width: number, height: number],
		color?: number,
	) {
		return this.add(title, 'n8n-nodes-base.stickyNote', 1, position, {
			content: `## ${title}\n${body}`,
			width: size[0],
			height: size[1],
			...(color === undefined ? {} : { color }),
		});
	}

	/** The note that explains a workflow (titled with its name unless `title` is given): its lines, above the canvas's first node. */
	overview(lines: string[], size: [width: number, height: number], title = this.name) {
		return this.sticky(title, lines.join('\n'), [-40, -(size[1] + 30)], size);
	}

	/** Moves every node at or right of `fromX` by `dx`, to make room for a node inserted later. */
	shiftRight(fromX: number, dx: number): this {
		for (const node of this.nodes) if (node.position[0] >= fromX) node.position[0] += dx;
		return this;
	}

	// --- connections ----------------------------------------------------------------------------
	connect(from: string, to: string, output = 0, input = 0): this {
		if (!this.nodes.some((n) => n.name === from))
			throw new Error(`${this.file}: no node "${from}"`);
		if (!this.nodes.some((n) => n.name === to)) throw new Error(`${this.file}: no node "${to}"`);
		const main = (this.connections[from] ??= { main: [] }).main;
		while (main.length <= output) main.push([]);
		main[output].push({ node: to, type: 'main', index: input });
		return this;
	}

	chain(...names: string[]): this {
		for (let n = 1; n < names.length; n++) this.connect(names[n - 1], names[n]);
		return this;
	}

	toJSON(): WorkflowTemplate {
		return {
			id: this.id,
			name: this.name,
			nodes: this.nodes,
			connections: this.connections,
			settings: {
				executionOrder: 'v1',
				saveManualExecutions: true,
				callerPolicy: 'workflowsFromSameOwner',
			},
			pinData: {},
			active: false,
			meta: { templateCredsSetupCompleted: false },
			tags: [],
		};
	}
}

/** `{{ $('Node').item.json.<path> }}`, the paired item of an earlier node. */
export const itemOf = (node: string, path: string) => `$('${node}').item.json.${path}`;
/** `{{ $('Node').all().map(i => i.json) }}`, every item of an earlier node. */
export const allOf = (node: string) => `$('${node}').all().map(i => i.json)`;
