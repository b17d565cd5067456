/**
 * Shared by the template end-to-end tests: reads templates from workflows/, sets up one n8n
 * instance with the packed package and the sandbox credentials, and explains failed runs well
 * enough to act on (the node, the message, and every item error the run recorded).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { REPO_ROOT, type ExecuteResult, type WorkflowJson } from './n8nCli';

export function readTemplates(pattern: RegExp): Array<WorkflowJson & { file: string }> {
	const dir = path.join(REPO_ROOT, 'workflows');
	return readdirSync(dir)
		.filter((f) => pattern.test(f))
		.sort()
		.map((file) => ({
			...(JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as WorkflowJson),
			file,
		}));
}

/** Every `{ error }` item any node of the run output, with the node's name. */
export function itemErrors(result: ExecuteResult): Array<{ node: string; error: string }> {
	const found: Array<{ node: string; error: string }> = [];
	for (const [node, runs] of Object.entries(result.run?.data.resultData.runData ?? {})) {
		for (const run of runs) {
			for (const output of run.data?.main ?? []) {
				for (const item of output ?? []) {
					const error = (item.json as IDataObject).error;
					if (error !== undefined) found.push({ node, error: String(error) });
				}
			}
		}
	}
	return found;
}

/** Items a node output on each of its outputs (first run), for assertions on branches. */
export function outputsOf(result: ExecuteResult, node: string): IDataObject[][] {
	const run = result.run?.data.resultData.runData[node]?.[0];
	return (run?.data?.main ?? []).map((items) => (items ?? []).map((i) => i.json as IDataObject));
}

/** Fails with the execution error and the item errors, so a red test says what went wrong. */
export function expectRunOk(result: ExecuteResult, allowItemErrors = false): void {
	const errors = itemErrors(result);
	const problems = [
		result.error ? `execution error: ${result.error}` : '',
		...(allowItemErrors ? [] : errors.map((e) => `${e.node}: ${e.error}`)),
	].filter(Boolean);
	if (problems.length || !result.ok)
		throw new Error(
			`Workflow run failed (exit ${String(result.exitCode)}, ${result.durationMs} ms):\n${
				problems.join('\n') ||
				[
					result.stderr.slice(-2000),
					...result.logs.slice(-10).map((l) => `${l.level}: ${l.message.slice(0, 300)}`),
					result.stdout.slice(-1000),
				].join('\n')
			}`,
		);
}

/** `node: items per output` for every node that ran, e.g. to see where items stopped. */
export function runSummary(result: ExecuteResult): string {
	return Object.entries(result.run?.data.resultData.runData ?? {})
		.map(([node, runs]) => {
			const outputs = (runs[0]?.data?.main ?? []).map((items) => items?.length ?? 0).join('/');
			const error = runs[0]?.error ? ` ERROR ${runs[0].error.message}` : '';
			return `${node}: ${outputs || '-'}${error}`;
		})
		.join('\n');
}

/** The templates without the file names readTemplates adds, ready for `importWorkflows`. */
export function workflowsOf(templates: Array<WorkflowJson & { file: string }>): WorkflowJson[] {
	return templates.map((t) => {
		const copy: WorkflowJson & { file?: string } = { ...t };
		delete copy.file;
		return copy;
	});
}

export {
	SOAK_FAULTS,
	injectedFaults,
	setFaults,
	unsyncedInLayer,
} from '../../scripts/lib/faultControl';
