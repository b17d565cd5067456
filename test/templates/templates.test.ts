/**
 * The workflow templates in workflows/ are generated from scripts/templates/*.ts. These checks run
 * without n8n: the committed JSON is what the sources make, every connection joins real nodes,
 * every template explains itself and can be run by hand, and every parameter this package's nodes
 * receive is one they declare (a typo would otherwise be dropped silently by n8n).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { INodeProperties, INodeType } from 'n8n-workflow';

import { Sage200 } from '../../nodes/Sage200/Sage200.node';
import { SageIntacct } from '../../nodes/SageIntacct/SageIntacct.node';
import { SageSync } from '../../nodes/SageSync/SageSync.node';
import { TheLayer } from '../../nodes/TheLayer/TheLayer.node';
import { allTemplates, renderTemplate } from '../../scripts/templates/generate';

const ROOT = path.resolve(__dirname, '..', '..');
const PACKAGE_NODES: Record<string, INodeType> = {
	'n8n-nodes-thelayer-sage.theLayer': new TheLayer(),
	'n8n-nodes-thelayer-sage.sageIntacct': new SageIntacct(),
	'n8n-nodes-thelayer-sage.sage200': new Sage200(),
	'n8n-nodes-thelayer-sage.sageSync': new SageSync(),
};
const COMMON = new Set(['requestOptions']);

/** Names a property of this name may hold inside (collection options, fixed collection groups). */
function childNames(properties: INodeProperties[], name: string): Set<string> | undefined {
	const matching = properties.filter((p) => p.name === name);
	if (!matching.some((p) => p.type === 'collection' || p.type === 'fixedCollection'))
		return undefined;
	return new Set(
		matching.flatMap((p) => ((p.options ?? []) as Array<{ name: string }>).map((o) => o.name)),
	);
}

const templates = allTemplates();

describe('workflow templates', () => {
	test.each(templates.map((t) => [t.file, t] as const))(
		'%s is up to date with its source',
		(file, t) => {
			expect(readFileSync(path.join(ROOT, 'workflows', file), 'utf8')).toBe(renderTemplate(t));
		},
	);

	test('ids and file names are unique', () => {
		expect(new Set(templates.map((t) => t.id)).size).toBe(templates.length);
		expect(new Set(templates.map((t) => t.file)).size).toBe(templates.length);
	});

	describe.each(templates.map((t) => [t.file, t.toJSON()] as const))('%s', (_file, json) => {
		const names = new Set(json.nodes.map((n) => n.name));

		test('has a Manual Trigger and a sticky note that explains it', () => {
			expect(json.nodes.some((n) => n.type === 'n8n-nodes-base.manualTrigger')).toBe(true);
			const sticky = json.nodes.find((n) => n.type === 'n8n-nodes-base.stickyNote');
			expect(String(sticky?.parameters.content).length).toBeGreaterThan(200);
		});

		test('every connection joins two nodes of the workflow; every non-trigger node has an input', () => {
			const targets = new Set<string>();
			for (const [from, { main }] of Object.entries(json.connections)) {
				expect(names.has(from)).toBe(true);
				for (const output of main)
					for (const c of output) {
						expect(names.has(c.node)).toBe(true);
						targets.add(c.node);
					}
			}
			const unfed = json.nodes.filter(
				(n) => !targets.has(n.name) && !/Trigger$|\.stickyNote$/i.test(n.type),
			);
			expect(unfed.map((n) => n.name)).toEqual([]);
		});

		test("this package's nodes get only parameters they declare", () => {
			for (const node of json.nodes) {
				const type = PACKAGE_NODES[node.type];
				if (!type) continue;
				const properties = type.description.properties;
				const declared = new Set(properties.map((p) => p.name));
				for (const [key, value] of Object.entries(node.parameters)) {
					expect(`${node.name}.${key}: ${declared.has(key) || COMMON.has(key)}`).toBe(
						`${node.name}.${key}: true`,
					);
					const children = childNames(properties, key);
					if (!children || typeof value !== 'object' || value === null) continue;
					for (const child of Object.keys(value))
						expect(`${node.name}.${key}.${child}: ${children.has(child)}`).toBe(
							`${node.name}.${key}.${child}: true`,
						);
				}
			}
		});
	});
});
