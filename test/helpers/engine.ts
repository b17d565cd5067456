/**
 * In-process n8n engine harness for jest (spec §5.2): real n8n-core WorkflowExecute, PollContext and
 * LoadOptionsContext over n8n-workflow's Workflow, with an in-memory credentials helper that mirrors
 * n8n 2.40's CredentialsHelper (dist/credentials-helper.js). No DI container, database or network
 * mocks: point credentials at a local http.createServer() on 127.0.0.1 instead.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

import {
	ExecutionLifecycleHooks,
	LoadOptionsContext,
	PollContext,
	WorkflowExecute,
	getAdditionalKeys,
} from 'n8n-core';
import {
	ICredentials,
	ICredentialsHelper,
	NodeHelpers,
	UnexpectedError,
	Workflow,
	createRunExecutionData,
	isExpression,
	type ExecutionBaseError,
	type ICredentialDataDecryptedObject,
	type ICredentialsEncrypted,
	type ICredentialsExpressionResolveValues,
	type ICredentialType,
	type IConnections,
	type IDataObject,
	type IExecuteData,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentials,
	type INodeCredentialsDetails,
	type INodeExecutionData,
	type INodeListSearchResult,
	type INodeParameters,
	type INodeProperties,
	type INodePropertyOptions,
	type INodeType,
	type INodeTypes,
	type IRequestOptionsSimplified,
	type IRun,
	type ITaskData,
	type IVersionedNodeType,
	type IWorkflowBase,
	type IWorkflowExecuteAdditionalData,
	type IWorkflowSettings,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { builtinNodeTypes } from './builtinNodes';

// n8n-core's ErrorReporter logs every node error with its stack through the DI Logger, which reads
// N8N_LOG_LEVEL lazily; keep expected failures quiet unless the developer asks for logs.
process.env.N8N_LOG_LEVEL ??= 'silent';

export type AnyNodeType = INodeType | IVersionedNodeType;
/** Node classes keyed by full type (`n8n-nodes-thelayer-sage.sageIntacct`) or bare name (`sageIntacct`). */
export type NodeTypeMap = Record<string, AnyNodeType>;
/** Credential types keyed by their `name`. */
export type CredentialTypeMap = Record<string, ICredentialType>;
/** Decrypted credential data keyed by credential type name (one credential per type). */
export type CredentialDataMap = Record<string, ICredentialDataDecryptedObject>;

/** The npm package name, i.e. the type prefix n8n gives this package's nodes. */
export const PACKAGE_NAME: string = (
	JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
		name: string;
	}
).name;

/** `sageIntacct` → `n8n-nodes-thelayer-sage.sageIntacct` (how n8n names a community node type). */
export function packageNodeType(name: string): string {
	return name.includes('.') ? name : `${PACKAGE_NAME}.${name}`;
}

/** Keys node classes by their package-prefixed type: `nodeTypesOf(new SageIntacct(), …)`. */
export function nodeTypesOf(...types: AnyNodeType[]): NodeTypeMap {
	return Object.fromEntries(types.map((t) => [packageNodeType(t.description.name), t]));
}

/** Keys credential classes by their `name`: `credentialTypesOf(new SageIntacctApi(), …)`. */
export function credentialTypesOf(...types: ICredentialType[]): CredentialTypeMap {
	return Object.fromEntries(types.map((t) => [t.name, t]));
}

// ---------------------------------------------------------------------------------------------
// Node types
// ---------------------------------------------------------------------------------------------

export class TestNodeTypes implements INodeTypes {
	private readonly types: NodeTypeMap;

	constructor(types: NodeTypeMap = {}, options: { builtins?: boolean } = {}) {
		this.types = options.builtins === false ? {} : { ...builtinNodeTypes() };
		for (const [key, type] of Object.entries(types)) {
			this.types[packageNodeType(key)] = type;
		}
	}

	getByName(nodeType: string): AnyNodeType {
		const type = this.types[nodeType];
		if (type === undefined) {
			// Same message as n8n's UnrecognizedNodeTypeError, plus what the harness knows.
			throw new UnexpectedError(
				`Unrecognized node type: ${nodeType} (test harness knows: ${Object.keys(this.types).join(', ')})`,
			);
		}
		return type;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}

// ---------------------------------------------------------------------------------------------
// Credentials
// ---------------------------------------------------------------------------------------------

/** Plain-text ICredentials backed by the helper's map (n8n's is encrypted and in the database). */
class InMemoryCredentials extends ICredentials {
	constructor(
		details: INodeCredentialsDetails,
		type: string,
		private readonly store: TestCredentialsHelper,
	) {
		super(details, type, JSON.stringify(store.credentials[type] ?? {}));
	}

	async getData(): Promise<ICredentialDataDecryptedObject> {
		return structuredClone(this.store.credentials[this.type] ?? {});
	}

	getDataToSave(): ICredentialsEncrypted {
		return { id: this.id, name: this.name, type: this.type, data: this.data };
	}

	async setData(data: ICredentialDataDecryptedObject): Promise<void> {
		this.data = JSON.stringify(data);
		this.store.credentials[this.type] = structuredClone(data);
	}

	async updateData(
		toUpdate: Partial<ICredentialDataDecryptedObject>,
		toDelete: string[] = [],
	): Promise<void> {
		const data: ICredentialDataDecryptedObject = { ...(await this.getData()) };
		for (const [key, value] of Object.entries(toUpdate)) {
			if (value !== undefined) data[key] = value;
		}
		for (const key of toDelete) delete data[key];
		await this.setData(data);
	}
}

/**
 * ICredentialsHelper over an in-memory map (one credential per type). Mirrors n8n 2.40.7's
 * CredentialsHelper: getDecrypted applies the credential type's defaults (and drops undeclared
 * fields, as n8n does) and resolves `={{…}}` values; authenticate supports the function and the
 * generic form; preAuthentication runs when the `expirable` hidden property is empty or expired
 * and persists its result into the map, like n8n persisting a session token.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	/** Current stored credentials; preAuthentication and OAuth token updates write here. */
	readonly credentials: CredentialDataMap;
	/** How often each hook ran; `preAuthentication` counts actual logins (the type's function). */
	readonly stats = { authenticate: 0, preAuthentication: 0 };

	constructor(
		private readonly credentialTypes: CredentialTypeMap,
		credentials: CredentialDataMap = {},
	) {
		super();
		this.credentials = structuredClone(credentials);
	}

	private getType(name: string): ICredentialType {
		const type = this.credentialTypes[name];
		if (type === undefined) {
			throw new UnexpectedError(
				`Unknown credential type "${name}" (test harness knows: ${Object.keys(this.credentialTypes).join(', ')})`,
			);
		}
		return type;
	}

	getParentTypes(name: string): string[] {
		const parents = this.credentialTypes[name]?.extends ?? [];
		return parents.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	isCredentialUsableByNode(credentialType: string, nodeType: string): boolean {
		const type = this.credentialTypes[credentialType];
		if (type?.restrictToSupportedNodes !== true) return true;
		return (type.supportedNodes ?? []).includes(nodeType);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incomingRequestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		this.stats.authenticate++;
		const requestOptions = incomingRequestOptions as IHttpRequestOptions;
		const { authenticate } = this.getType(typeName);
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions);
		}
		if (typeof authenticate === 'object') {
			if (!workflow || !node) {
				throw new UnexpectedError(
					'Workflow and node are required for declarative credential authentication',
				);
			}
			requestOptions.headers ??= {};
			if (authenticate.type === 'generic') {
				const target = requestOptions as unknown as Record<string, Record<string, unknown>>;
				for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
					for (const [key, value] of Object.entries(outerValue as Record<string, unknown>)) {
						const keys = { $credentials: credentials };
						const resolvedKey = resolveValue(key, keys, workflow, node);
						target[outerKey] ??= {};
						target[outerKey][String(resolvedKey)] = resolveValue(value, keys, workflow, node);
					}
				}
			}
		}
		return requestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.getType(typeName);
		const expirable = type.properties.find(
			(p) => p.type === 'hidden' && p.typeOptions?.expirable === true,
		);
		if (expirable === undefined || typeof type.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;

		this.stats.preAuthentication++;
		const output = await type.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined || !node.credentials) return undefined;

		const stored = this.credentials[typeName] ?? {};
		const toPersist: ICredentialDataDecryptedObject = { ...stored };
		for (const [key, value] of Object.entries(output)) {
			if (key === expirable.name || !isExpression(stored[key])) {
				toPersist[key] = value as ICredentialDataDecryptedObject[string];
			}
		}
		this.credentials[typeName] = structuredClone(toPersist);
		return Object.assign(credentials, output);
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.getType(typeName);
		if (typeof type.preAuthentication !== 'function') return undefined;
		this.stats.preAuthentication++;
		const output = await type.preAuthentication.call(helpers, credentials);
		return (output as ICredentialDataDecryptedObject | undefined) ?? undefined;
	}

	async getCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentials> {
		return new InMemoryCredentials(nodeCredentials, type, this);
	}

	async getDecrypted(
		additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		raw?: boolean,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const stored = this.credentials[type];
		if (stored === undefined) {
			throw new UnexpectedError(
				`No test credentials of type "${type}" (have: ${Object.keys(this.credentials).join(', ') || 'none'})`,
			);
		}
		const original = structuredClone(stored);
		if (raw === true) return original;

		let data = this.applyDefaults(type, original);
		if (expressionResolveValues) {
			const v = expressionResolveValues;
			const keys = getAdditionalKeys(additionalData, mode, null, { isCredential: true });
			data = v.workflow.expression.getParameterValue(
				data as unknown as INodeParameters,
				v.runExecutionData,
				v.runIndex,
				v.itemIndex,
				v.node.name,
				v.connectionInputData,
				mode,
				keys,
				executeData,
				false,
				data,
			) as unknown as ICredentialDataDecryptedObject;
		}
		return data;
	}

	async updateCredentials(
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.credentials[type] = structuredClone(data);
	}

	async updateCredentialsOauthTokenData(
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.credentials[type] = structuredClone(data);
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		const typeData = this.getType(type);
		if (typeData.extends === undefined) return typeData.properties;
		const combined: INodeProperties[] = [];
		for (const parent of typeData.extends) {
			if (this.credentialTypes[parent] === undefined) continue;
			NodeHelpers.mergeNodeProperties(combined, this.getCredentialsProperties(parent));
		}
		NodeHelpers.mergeNodeProperties(combined, typeData.properties);
		return combined;
	}

	/** n8n's applyDefaultsAndOverwrites without overwrites. Lenient when a parent type is unknown. */
	private applyDefaults(
		type: string,
		data: ICredentialDataDecryptedObject,
	): ICredentialDataDecryptedObject {
		const properties = this.getCredentialsProperties(type);
		const values = data as unknown as INodeParameters;
		const withDefaults = (NodeHelpers.getNodeParameters(
			properties,
			values,
			true,
			false,
			null,
			null,
		) ?? {}) as unknown as ICredentialDataDecryptedObject;
		const parentsKnown = this.getParentTypes(type).every((p) => p in this.credentialTypes);
		const result = parentsKnown ? withDefaults : { ...data, ...withDefaults };
		if (data.oauthTokenData !== undefined) result.oauthTokenData = data.oauthTokenData;
		return result;
	}
}

function resolveValue(
	value: unknown,
	additionalKeys: { $credentials: ICredentialDataDecryptedObject },
	workflow: Workflow,
	node: INode,
): unknown {
	if (!isExpression(value)) return value;
	const resolved = workflow.expression.getSimpleParameterValue(
		node,
		value as string,
		'internal',
		additionalKeys,
		undefined,
		'',
	);
	return resolved ? resolved.toString() : '';
}

// ---------------------------------------------------------------------------------------------
// Shared plumbing
// ---------------------------------------------------------------------------------------------

export interface EngineOptions {
	nodeTypes?: NodeTypeMap;
	credentialTypes?: CredentialTypeMap;
	credentials?: CredentialDataMap;
}

const BASE_URL = 'http://localhost:5678';

function createAdditionalData(
	credentialsHelper: ICredentialsHelper,
	extra: { hooks?: ExecutionLifecycleHooks; currentNodeParameters?: INodeParameters } = {},
): IWorkflowExecuteAdditionalData {
	const unsupported = (what: string) => async (): Promise<never> => {
		throw new UnexpectedError(`${what} is not supported by the test engine harness`);
	};
	const data: Partial<IWorkflowExecuteAdditionalData> = {
		credentialsHelper,
		hooks: extra.hooks,
		currentNodeParameters: extra.currentNodeParameters,
		executionId: '1',
		workflowId: 'test',
		userId: 'test-user',
		currentNodeExecutionIndex: 0,
		variables: {},
		restApiUrl: `${BASE_URL}/rest`,
		instanceBaseUrl: `${BASE_URL}/`,
		formBaseUrl: `${BASE_URL}/form`,
		formWaitingBaseUrl: `${BASE_URL}/form-waiting`,
		formTestBaseUrl: `${BASE_URL}/form-test`,
		webhookBaseUrl: `${BASE_URL}/webhook`,
		webhookWaitingBaseUrl: `${BASE_URL}/webhook-waiting`,
		webhookTestBaseUrl: `${BASE_URL}/webhook-test`,
		mcpBaseUrl: `${BASE_URL}/mcp`,
		mcpTestBaseUrl: `${BASE_URL}/mcp-test`,
		executeWorkflow: unsupported('executeWorkflow (sub-workflows)'),
		startRunnerTask: unsupported('startRunnerTask (Code node task runners)'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => {},
	};
	return data as IWorkflowExecuteAdditionalData;
}

function defaultVersion(type: AnyNodeType): number {
	const { description } = type;
	if ('defaultVersion' in description && typeof description.defaultVersion === 'number') {
		return description.defaultVersion;
	}
	const version = (description as { version?: number | number[] }).version;
	return Array.isArray(version) ? Math.max(...version) : (version ?? 1);
}

/** Params of a single node run outside a workflow (poll, loadOptions, listSearch). */
export interface NodeParams {
	name?: string;
	id?: string;
	typeVersion?: number;
	parameters?: INodeParameters;
	/** Defaults to `{ <type>: { id: <type>, name: <type> } }` for each credential the node declares and `credentials` holds. */
	credentials?: INodeCredentials;
}

function buildSingleNode(nodeType: AnyNodeType, params: NodeParams, options: EngineOptions): INode {
	const typeVersion = params.typeVersion ?? defaultVersion(nodeType);
	const versioned = NodeHelpers.getVersionedNodeType(nodeType, typeVersion);
	let credentials = params.credentials;
	if (credentials === undefined) {
		const declared = (versioned.description.credentials ?? []).map((c) => c.name);
		const available = declared.filter((name) => options.credentials?.[name] !== undefined);
		if (available.length > 0) {
			credentials = Object.fromEntries(available.map((name) => [name, { id: name, name }]));
		}
	}
	return {
		id: params.id ?? 'test-node-id',
		name: params.name ?? 'Temp-Node',
		type: packageNodeType(nodeType.description.name),
		typeVersion,
		position: [0, 0],
		parameters: structuredClone(params.parameters ?? {}),
		...(credentials ? { credentials } : {}),
	};
}

function toPlain(data: IDataObject): IDataObject {
	const plain = JSON.parse(JSON.stringify(data)) as IDataObject;
	delete plain.__dataChanged;
	return plain;
}

async function withIsolate<T>(workflow: Workflow, fn: () => Promise<T>): Promise<T> {
	const acquired = await workflow.expression.acquireIsolate();
	try {
		return await fn();
	} finally {
		if (acquired) await workflow.expression.releaseIsolate();
	}
}

// ---------------------------------------------------------------------------------------------
// runWorkflow
// ---------------------------------------------------------------------------------------------

/** The parts of an exported workflow JSON the engine needs (extra fields are ignored). */
export interface WorkflowFixture {
	id?: string;
	name?: string;
	nodes: INode[];
	connections: IConnections;
	settings?: IWorkflowSettings;
	staticData?: IDataObject | null;
}

export interface RunWorkflowOptions extends EngineOptions {
	/** Node to start from; default: the Manual Trigger, else the only node without inputs. */
	startNode?: string;
	/** Items fed into the start node (default one empty item, like n8n's manual run). */
	startItems?: INodeExecutionData[];
	/** Workflow static data (`{ 'node:<name>': {...}, global: {...} }`); default `workflow.staticData`. */
	staticData?: IDataObject;
}

export interface WorkflowRunResult {
	run: IRun;
	/** First run of `nodeName`, main output 0. Throws if the node did not run. */
	output(nodeName: string): INodeExecutionData[];
	/** First run of `nodeName`, all main outputs. Throws if the node did not run. */
	outputs(nodeName: string): INodeExecutionData[][];
	/** Every run of `nodeName` (empty if it did not run). */
	taskData(nodeName: string): ITaskData[];
	/** The execution error (`run.data.resultData.error`), if the workflow failed. */
	error?: ExecutionBaseError;
	/** Workflow static data after the run (n8n discards it for manual runs; the harness keeps it). */
	staticData: IDataObject;
	/** Stored credentials after the run (e.g. a session token persisted by preAuthentication). */
	credentials: CredentialDataMap;
	credentialsHelper: TestCredentialsHelper;
}

function pickStartNode(workflow: Workflow, nodes: INode[], requested?: string): INode {
	if (requested !== undefined) {
		const node = workflow.getNode(requested);
		if (!node) throw new UnexpectedError(`Start node "${requested}" is not in the workflow`);
		return node;
	}
	const active = nodes.filter((n) => n.disabled !== true);
	const manual = active.find((n) => n.type === 'n8n-nodes-base.manualTrigger');
	if (manual) return manual;
	const roots = active.filter((n) => workflow.getParentNodes(n.name, 'main', 1).length === 0);
	if (roots.length === 1) return roots[0];
	throw new UnexpectedError(
		`Cannot pick a start node; pass options.startNode (candidates: ${roots.map((n) => n.name).join(', ')})`,
	);
}

export async function runWorkflow(
	fixture: WorkflowFixture,
	options: RunWorkflowOptions = {},
): Promise<WorkflowRunResult> {
	const nodeTypes = new TestNodeTypes(options.nodeTypes);
	const credentialsHelper = new TestCredentialsHelper(
		options.credentialTypes ?? {},
		options.credentials ?? {},
	);
	const nodes = structuredClone(fixture.nodes);
	const connections = structuredClone(fixture.connections);
	const settings: IWorkflowSettings = structuredClone(fixture.settings ?? { executionOrder: 'v1' });
	const staticData = structuredClone(options.staticData ?? fixture.staticData ?? {});

	const workflow = new Workflow({
		id: fixture.id ?? 'test',
		name: fixture.name ?? 'test',
		nodes,
		connections,
		nodeTypes,
		settings,
		staticData,
		active: false,
	});
	const workflowData: IWorkflowBase = {
		id: workflow.id,
		name: workflow.name ?? 'test',
		active: false,
		isArchived: false,
		activeVersionId: null,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes,
		connections,
		settings,
	};
	const hooks = new ExecutionLifecycleHooks('manual', '1', workflowData);
	const finished = new Promise<IRun>((resolve) => {
		hooks.addHandler('workflowExecuteAfter', (run) => resolve(run));
	});
	const additionalData = createAdditionalData(credentialsHelper, { hooks });

	const startNode = pickStartNode(workflow, nodes, options.startNode);
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{ node: startNode, data: { main: [options.startItems ?? [{ json: {} }]] }, source: null },
			],
		},
	});
	const execution = new WorkflowExecute(additionalData, 'manual', runExecutionData);
	const [, run] = await Promise.all([execution.processRunExecutionData(workflow), finished]);

	const taskData = (nodeName: string): ITaskData[] => run.data.resultData.runData[nodeName] ?? [];
	const outputs = (nodeName: string): INodeExecutionData[][] => {
		const first = taskData(nodeName)[0];
		if (first === undefined) {
			const ran = Object.keys(run.data.resultData.runData).join(', ');
			throw new UnexpectedError(`Node "${nodeName}" did not run (ran: ${ran || 'none'})`);
		}
		return (first.data?.main ?? []).map((items) => items ?? []);
	};
	return {
		run,
		output: (nodeName) => outputs(nodeName)[0] ?? [],
		outputs,
		taskData,
		error: run.data.resultData.error,
		staticData: toPlain(workflow.staticData),
		credentials: structuredClone(credentialsHelper.credentials),
		credentialsHelper,
	};
}

// ---------------------------------------------------------------------------------------------
// runPoll
// ---------------------------------------------------------------------------------------------

export interface RunPollOptions extends EngineOptions {
	/** Workflow static data from the previous poll (`result.staticData`). */
	staticData?: IDataObject;
	/** 'trigger' (default): an activated workflow's poll tick. 'manual': "Fetch test event". */
	mode?: 'manual' | 'trigger';
	/** What `this.getPollBudgetMs()` returns (n8n's default is 5 minutes). */
	pollBudgetMs?: number;
	/** Workflow settings, e.g. `{ timezone: 'Europe/London' }`. */
	settings?: IWorkflowSettings;
}

export interface PollResult {
	items: INodeExecutionData[][] | null;
	/** Workflow static data after the poll; the node's own is under `node:<name>`. */
	staticData: IDataObject;
	credentials: CredentialDataMap;
}

/**
 * Runs `poll()` once through n8n-core's PollContext. Carry `staticData` into the next call like n8n
 * does. If poll throws, the error propagates (n8n then keeps the previous static data).
 */
export async function runPoll(
	nodeType: AnyNodeType,
	params: NodeParams,
	options: RunPollOptions = {},
): Promise<PollResult> {
	const node = buildSingleNode(nodeType, { name: 'Trigger', ...params }, options);
	const nodeTypes = new TestNodeTypes({ ...options.nodeTypes, [node.type]: nodeType });
	const credentialsHelper = new TestCredentialsHelper(
		options.credentialTypes ?? {},
		options.credentials ?? {},
	);
	const workflow = new Workflow({
		id: 'test',
		name: 'test',
		nodes: [node],
		connections: {},
		nodeTypes,
		settings: options.settings ?? { executionOrder: 'v1' },
		staticData: structuredClone(options.staticData ?? {}),
		active: options.mode !== 'manual',
	});
	const versioned = nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	if (typeof versioned.poll !== 'function') {
		throw new UnexpectedError(`Node type "${node.type}" has no poll() method`);
	}
	const mode = options.mode ?? 'trigger';
	const budget = options.pollBudgetMs;
	const context = new PollContext(
		workflow,
		workflow.getNode(node.name) ?? node,
		createAdditionalData(credentialsHelper),
		mode,
		mode === 'manual' ? 'manual' : 'activate',
		undefined,
		undefined,
		undefined,
		undefined,
		undefined,
		budget === undefined ? undefined : () => budget,
	);
	const poll = versioned.poll;
	const items = await withIsolate(workflow, async () => await poll.call(context));
	return {
		items,
		staticData: toPlain(workflow.staticData),
		credentials: structuredClone(credentialsHelper.credentials),
	};
}

// ---------------------------------------------------------------------------------------------
// loadOptions / listSearch (like n8n's DynamicNodeParametersService)
// ---------------------------------------------------------------------------------------------

export interface LoadOptionsRunOptions extends EngineOptions {
	/** The node's current parameters (what the editor sends as `currentNodeParameters`). */
	parameters?: INodeParameters;
	typeVersion?: number;
	credentialsDetails?: INodeCredentials;
	/** Parameter path the dropdown belongs to (`this.getCurrentNodeParameter('&x')` resolves against it). */
	path?: string;
}

function createLoadOptionsContext(
	nodeType: AnyNodeType,
	options: LoadOptionsRunOptions,
): { context: LoadOptionsContext; workflow: Workflow; versioned: INodeType } {
	const parameters = structuredClone(options.parameters ?? {});
	const node = buildSingleNode(
		nodeType,
		{
			name: 'Temp-Node',
			id: 'uuid-1234',
			typeVersion: options.typeVersion,
			parameters,
			credentials: options.credentialsDetails,
		},
		options,
	);
	const nodeTypes = new TestNodeTypes({ ...options.nodeTypes, [node.type]: nodeType });
	const credentialsHelper = new TestCredentialsHelper(
		options.credentialTypes ?? {},
		options.credentials ?? {},
	);
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const additionalData = createAdditionalData(credentialsHelper, {
		currentNodeParameters: parameters,
	});
	const context = new LoadOptionsContext(
		workflow,
		workflow.getNode(node.name) ?? node,
		additionalData,
		options.path ?? 'parameters',
	);
	return {
		context,
		workflow,
		versioned: nodeTypes.getByNameAndVersion(node.type, node.typeVersion),
	};
}

export async function runLoadOptions(
	nodeType: AnyNodeType,
	methodName: string,
	options: LoadOptionsRunOptions = {},
): Promise<INodePropertyOptions[]> {
	const { context, workflow, versioned } = createLoadOptionsContext(nodeType, options);
	const method = versioned.methods?.loadOptions?.[methodName];
	if (typeof method !== 'function') {
		const available = Object.keys(versioned.methods?.loadOptions ?? {}).join(', ') || 'none';
		throw new UnexpectedError(`No loadOptions method "${methodName}" (available: ${available})`);
	}
	return await withIsolate(workflow, async () => await method.call(context));
}

export async function runListSearch(
	nodeType: AnyNodeType,
	methodName: string,
	options: LoadOptionsRunOptions & { filter?: string; paginationToken?: string } = {},
): Promise<INodeListSearchResult> {
	const { context, workflow, versioned } = createLoadOptionsContext(nodeType, options);
	const method = versioned.methods?.listSearch?.[methodName];
	if (typeof method !== 'function') {
		const available = Object.keys(versioned.methods?.listSearch ?? {}).join(', ') || 'none';
		throw new UnexpectedError(`No listSearch method "${methodName}" (available: ${available})`);
	}
	return await withIsolate(
		workflow,
		async () => await method.call(context, options.filter, options.paginationToken),
	);
}
