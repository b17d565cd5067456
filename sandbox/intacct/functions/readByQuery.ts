import { child, el } from '../../shared/xml';
import type { IntacctContext } from '../context';
import { errors, fail } from '../errors';
import { findField } from '../objects/fields';
import { renderFields, resolveSelection } from '../objects/projection';
import { findObject } from '../objects/registry';
import type { FieldDef, ObjectDef } from '../objects/types';
import { compileReadByQuery } from '../query/readByQuery';
import type { ResultSet } from '../store';
import { pageSizeOf, requireObject, requireXmlFormat, rowBuilder } from './common';
import type { FunctionHandler, FunctionOutput } from './types';

const MAX_PAGE_SIZE = 1000;

/**
 * Renders the next page of a result set as readByQuery/readMore data. Rows come back in RECORDNO
 * order (the sandbox's documented order; Intacct does not promise one). The result set is kept
 * for readMore while rows remain; `resultId` is empty on the last page.
 */
function page(
	ctx: IntacctContext,
	def: ObjectDef,
	set: ResultSet,
	resultId: string | undefined,
): FunctionOutput {
	const rows = set.rows.slice(set.position, set.position + set.pageSize);
	set.position += rows.length;
	const remaining = set.rows.length - set.position;
	let id = '';
	if (remaining > 0) id = resultId ?? ctx.store.saveResultSet(set);
	else if (resultId) ctx.store.dropResultSet(resultId);
	const fields = set.fields.map((name) => findField(def.fields, name)) as FieldDef[];
	const listtype = def.name.toLowerCase();
	return {
		data: el(
			'data',
			{
				listtype,
				count: rows.length,
				totalcount: set.rows.length,
				numremaining: remaining,
				resultId: id,
			},
			rows.map((row) => el(listtype, null, renderFields(fields, row, true))),
		),
		billed: { [def.name]: 1 },
	};
}

/** `<readByQuery>` (spec §5.1): object, fields, query, pagesize (1..1000, default 100). */
export const readByQuery: FunctionHandler = (ctx, element) => {
	const { def } = requireObject(element);
	const selection = resolveSelection(def, child(element, 'fields')?.text);
	const pageSize = pageSizeOf(element, MAX_PAGE_SIZE);
	requireXmlFormat(element, 'returnFormat');
	const predicate = compileReadByQuery(def, child(element, 'query')?.text ?? '');
	const row = rowBuilder(ctx, def);
	const rows = ctx.store
		.list(def.name)
		.map(row)
		.filter((r) => predicate(r) === true);
	const set: ResultSet = {
		object: def.name,
		fields: selection.fields.map((f) => f.name),
		rows,
		pageSize,
		position: 0,
	};
	return page(ctx, def, set, undefined);
};

/** `<readMore><resultId>…</resultId></readMore>` (or `<object>`: its latest open result set). */
export const readMore: FunctionHandler = (ctx, element) => {
	const object = child(element, 'object')?.text.trim();
	const resultId =
		child(element, 'resultId')?.text.trim() ||
		(object && ctx.store.latestResultSetId(object.toUpperCase())) ||
		'';
	const set = resultId ? ctx.store.getResultSet(resultId) : undefined;
	if (!set) fail(errors.resultSetNotFound(resultId || object || ''));
	return page(ctx, findObject(set.object)!, set, resultId);
};
