/**
 * Queue mode: PostgreSQL, Redis, one n8n main and two workers (scripts/lib/queueMode.ts). The
 * hourly sync templates run from several triggers at once: each hourly template is imported three
 * times with its schedule replaced by a webhook, and the three webhooks are called together, so
 * three runs of the same sync race each other on the two workers. Every record must still reach
 * Sage exactly once, and the balances must agree to the penny.
 */
import { randomUUID } from 'node:crypto';

import type { INode } from 'n8n-workflow';

import type { IntacctSandbox } from '../../sandbox/intacct/server';
import type { Sage200Sandbox } from '../../sandbox/sage200/server';
import type { TheLayerSandbox } from '../../sandbox/thelayer/server';
import { startQueueCluster, type QueueCluster } from '../../scripts/lib/queueMode';
import { queueModeMissing } from '../../scripts/lib/services';
import { intacctExactlyOnce, sage200ExactlyOnce } from '../../scripts/lib/summary';
import { startSandbox as startIntacct } from '../intacct/helpers';
import { buildScenario, DEMO_LAYER_SETUP } from '../helpers/layerScenario';
import {
	isN8nInstalled,
	packPackage,
	sandboxCredentialImports,
	SKIP_REASON,
	type WorkflowJson,
} from '../helpers/n8nCli';
import { readTemplates, unsyncedInLayer, workflowsOf } from '../helpers/templateRun';
import { sage200Credentials, startSandbox as startSage200 } from '../sage200/helpers';
import { startSandbox as startLayer } from '../thelayer/helpers';

const TRIGGERS = 3;
const SCENARIO = { customers: 20, invoices: 60, payments: 40, creditNotes: 4, refunds: 2 };

const skip = isN8nInstalled() ? queueModeMissing() : SKIP_REASON;
const describeQueue = skip ? describe.skip : describe;
if (skip) console.warn(`[e2e] skipping queue mode: ${skip}`);

/** The hourly template with its schedule swapped for a webhook at `path`, as a new workflow. */
function webhookCopy(hourly: WorkflowJson, id: string, path: string): WorkflowJson {
	const nodes = (hourly.nodes as INode[]).map((node) =>
		node.type === 'n8n-nodes-base.scheduleTrigger'
			? {
					...node,
					type: 'n8n-nodes-base.webhook',
					typeVersion: 2,
					webhookId: randomUUID(),
					parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
				}
			: node,
	);
	return { ...hourly, id, name: `${hourly.name} (trigger ${path})`, nodes, active: true };
}

/** Nothing lost, nothing written twice, nothing left unsynced, every balance equal. */
const EXACTLY_ONCE = {
	unsynced: 0,
	lost: 0,
	duplicated: 0,
	customersDuplicated: 0,
	balanceDifferences: 0,
};

describeQueue(
	'queue mode: main + 2 workers, the hourly syncs from several triggers at once',
	() => {
		let cluster: QueueCluster;
		let layer: TheLayerSandbox;
		let intacct: IntacctSandbox;
		let sage: Sage200Sandbox;
		const intacctTemplates = readTemplates(/^intacct-\d.*\.json$/);
		const sageTemplates = readTemplates(/^sage200-\d.*\.json$/);
		const hourlyOf = (templates: typeof intacctTemplates) =>
			templates.find((t) => t.file.includes('hourly')) as WorkflowJson;
		const triggers = (prefix: string) =>
			Array.from({ length: TRIGGERS }, (_, i) => ({
				id: `${prefix}Trigger${i + 1}`,
				path: `${prefix}-${i + 1}`,
			}));

		/** The Sage 200 sub-workflows' Skip If Already Running nodes get this instance's API key. */
		const guardCredential = { id: 'tlsN8nApiQueue01', name: 'n8n API (this instance)' };
		const withGuardCredential = (workflow: WorkflowJson): WorkflowJson => ({
			...workflow,
			nodes: (workflow.nodes as INode[]).map((node) =>
				node.parameters?.operation === 'skipIfRunning'
					? { ...node, credentials: { ...node.credentials, n8nApi: guardCredential } }
					: node,
			),
		});
		let apiKey = '';

		beforeAll(async () => {
			layer = await startLayer();
			intacct = await startIntacct();
			sage = await startSage200();
			cluster = await startQueueCluster({
				packageTarball: await packPackage(),
				workers: 2,
				env: { N8N_USE_WORKFLOW_PUBLICATION_SERVICE: 'false' },
			});
			const n8n = cluster.n8n;
			await n8n.importCredentials(
				sandboxCredentialImports({ layer, intacct, sage200: await sage200Credentials(sage) }),
			);
			const copies = [
				...triggers('intacct').map((t) => webhookCopy(hourlyOf(intacctTemplates), t.id, t.path)),
				...triggers('sage').map((t) => webhookCopy(hourlyOf(sageTemplates), t.id, t.path)),
			];
			const subWorkflows = [...intacctTemplates, ...sageTemplates].filter(
				(t) => !t.file.includes('hourly'),
			);
			await n8n.importWorkflows([...workflowsOf(subWorkflows).map(withGuardCredential), ...copies]);
			await n8n.publishWorkflows([
				...subWorkflows.map((t) => t.id as string),
				...copies.map((c) => c.id as string),
			]);
			await cluster.start();
			// What an administrator does once: an API key for the guard nodes, in an n8n API credential.
			apiKey = await cluster.createApiKey(['execution:list', 'execution:read']);
			await n8n.importCredentials([
				{
					...guardCredential,
					type: 'n8nApi',
					data: { apiKey, baseUrl: `${cluster.url}/api/v1` },
				},
			]);
		}, 900_000);

		afterAll(async () => {
			await cluster?.close();
			await layer?.close();
			await intacct?.close();
			await sage?.close();
		});

		async function fireAll(prefix: string): Promise<void> {
			const responses = await Promise.all(
				triggers(prefix).map((t) => fetch(`${cluster.url}/webhook/${t.path}`, { method: 'POST' })),
			);
			expect(responses.map((r) => r.status)).toEqual(triggers(prefix).map(() => 200));
		}

		/** An execution's nodes that ran and its error, from n8n's public API. */
		/** When a node's runs in an execution started and ended (epoch ms). */
		interface NodeTimes {
			start: number;
			end: number;
		}

		async function executionData(
			executionId: number,
		): Promise<{ nodesRun: string[]; times: Record<string, NodeTimes>; error?: string }> {
			const response = await fetch(
				`${cluster.url}/api/v1/executions/${executionId}?includeData=true`,
				{ headers: { 'X-N8N-API-KEY': apiKey } },
			);
			expect(response.status).toBe(200);
			const body = (await response.json()) as {
				data?: {
					resultData?: {
						runData?: Record<string, Array<{ startTime: number; executionTime: number }>>;
						error?: { message?: string };
					};
				};
			};
			const result = body.data?.resultData;
			const times = Object.fromEntries(
				Object.entries(result?.runData ?? {}).map(([node, tasks]) => [
					node,
					{
						start: Math.min(...tasks.map((t) => t.startTime)),
						end: Math.max(...tasks.map((t) => t.startTime + t.executionTime)),
					},
				]),
			);
			return { nodesRun: Object.keys(times), times, error: result?.error?.message };
		}

		async function runConcurrently(prefix: string): Promise<string> {
			const before = cluster.executions().length;
			await fireAll(prefix);
			// Each trigger's run plus its sub-workflow runs (4 for Intacct, 5 for Sage 200).
			const rows = await cluster.waitForExecutions(before + TRIGGERS);
			const mine = rows.slice(before);
			const failed = await Promise.all(
				mine
					.filter((r) => r.status !== 'success')
					.map(async (r) => ({ ...r, error: (await executionData(r.id)).error })),
			);
			// The trigger runs must really have overlapped: each started before the others stopped.
			const parents = mine.filter((r) => r.mode === 'webhook');
			expect(parents).toHaveLength(TRIGGERS);
			const overlapMs =
				Math.min(...parents.map((r) => r.stoppedAt)) - Math.max(...parents.map((r) => r.startedAt));
			expect(overlapMs).toBeGreaterThan(0);
			return `${mine.length} executions, the ${TRIGGERS} trigger runs all running together for ${Math.round(overlapMs)} ms (${failed.length} not successful: ${JSON.stringify(failed)}); jobs by worker ${JSON.stringify(
				Object.fromEntries(
					Object.entries(cluster.jobsByWorker()).map(([w, ids]) => [w, ids.length]),
				),
			)}`;
		}

		test('Intacct hourly, three triggers at once: every invoice and payment exactly once, balances exact', async () => {
			await fetch(`${layer.url}/__sandbox/reset`, { method: 'POST' });
			const scenario = await buildScenario(layer, SCENARIO, {
				...DEMO_LAYER_SETUP,
				prefix: 'QMI',
				seed: 7,
			});
			const report = await runConcurrently('intacct');
			console.log(`Queue mode, Intacct: ${report}`);
			// A run that lost a race leaves its records for the next run; one more must settle them.
			let extra = 0;
			while ((await unsyncedInLayer(layer.url)) > 0 && extra < 2) {
				console.log(`Queue mode, Intacct, follow-up: ${await runConcurrently('intacct')}`);
				extra++;
			}
			expect(await unsyncedInLayer(layer.url)).toBe(0);

			const result = await intacctExactlyOnce(layer.url, intacct.url);
			console.log(`Queue mode, Intacct: ${JSON.stringify(result)}`);
			expect(result).toMatchObject(EXACTLY_ONCE);
			// The Layer's demo data adds its own few records to the scenario's.
			expect(result.records).toBeGreaterThanOrEqual(
				scenario.invoices + scenario.payments + scenario.creditNotes + scenario.refunds,
			);
		}, 900_000);

		// Sage 200 has no idempotency key: without a lock, overlapping runs of the same Sage 200 sync can
		// post the same transaction twice (seen in CI: 11 of 112 records, three runs overlapping under
		// load). Each posting sub-workflow starts with Skip If Already Running, so of overlapping runs
		// of one sub-workflow at most one posts; the others skip and a later run picks their records up.
		test('Sage 200 hourly, three triggers at once: the guard lets one run of each sync through at a time; every posting exactly once, balances exact', async () => {
			await fetch(`${layer.url}/__sandbox/reset`, { method: 'POST' });
			const scenario = await buildScenario(layer, SCENARIO, {
				...DEMO_LAYER_SETUP,
				prefix: 'QMS',
				seed: 8,
			});
			const before = cluster.executions().length;
			const report = await runConcurrently('sage');
			console.log(`Queue mode, Sage 200: ${report}`);
			// Runs that skipped left their records to the next run: one trigger at a time settles them.
			let extra = 0;
			while ((await unsyncedInLayer(layer.url)) > 0 && extra < 3) {
				const count = cluster.executions().length;
				const response = await fetch(`${cluster.url}/webhook/${triggers('sage')[0].path}`, {
					method: 'POST',
				});
				expect(response.status).toBe(200);
				await cluster.waitForExecutions(count + 1);
				extra++;
			}
			expect(await unsyncedInLayer(layer.url)).toBe(0);

			// No two runs of one sub-workflow that went past the guard ever worked at the same time: a
			// run that went on did so after every earlier run's last node had ended. (Execution rows
			// may overlap by a few ms: one run is saved as finished while the next is starting.)
			const guardOf = new Map(
				sageTemplates.flatMap((t) => {
					const guard = (t.nodes as INode[]).find(
						(n) => n.parameters?.operation === 'skipIfRunning',
					);
					return guard ? [[String(t.id), guard.name] as const] : [];
				}),
			);
			const runs = cluster
				.executions()
				.slice(before)
				.filter((r) => guardOf.has(r.workflowId));
			let skips = 0;
			const through: Array<(typeof runs)[number] & { decided: number; workEnd: number }> = [];
			for (const run of runs) {
				const data = await executionData(run.id);
				if (data.nodesRun.includes('Skipped: another run is syncing')) {
					skips++;
					continue;
				}
				const guard = data.times[guardOf.get(run.workflowId) as string];
				expect(guard).toBeDefined();
				const workEnd = Math.max(...Object.values(data.times).map((t) => t.end));
				through.push({ ...run, decided: guard.end, workEnd });
			}
			const overlapping = through.filter((a) =>
				through.some(
					(b) =>
						b.id !== a.id &&
						b.workflowId === a.workflowId &&
						a.decided <= b.decided &&
						b.decided < a.workEnd,
				),
			);
			console.log(
				`Queue mode, Sage 200: ${runs.length} guarded sub-workflow runs, ${skips} skipped by the guard, ${overlapping.length} overlapping among those that ran; ${extra} follow-up run(s)`,
			);
			expect(overlapping).toEqual([]);
			expect(runs.every((r) => r.status === 'success')).toBe(true);

			const result = await sage200ExactlyOnce(layer.url, sage.url);
			console.log(`Queue mode, Sage 200: ${JSON.stringify(result)}`);
			expect(result).toMatchObject(EXACTLY_ONCE);
			// The Layer's demo data adds its own few records to the scenario's.
			expect(result.records).toBeGreaterThanOrEqual(
				scenario.invoices + scenario.payments + scenario.creditNotes + scenario.refunds,
			);
		}, 900_000);
	},
);
