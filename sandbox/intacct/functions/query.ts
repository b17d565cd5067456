import { child, el } from '../../shared/xml';
import { errors, fail } from '../errors';
import { renderFields } from '../objects/projection';
import { compileQueryFilter, parseOrderBy, parseSelect } from '../query/query';
import { pageSizeOf, requireObject, requireXmlFormat, rowBuilder } from './common';
import type { FunctionHandler } from './types';

const MAX_PAGE_SIZE = 2000;

/**
 * `<query>` (spec §5.4): select, filter, orderby, options/caseinsensitive, pagesize (1..2000,
 * default 100) and offset. Each call is a fresh query (no cursor). Records are named as the
 * object was sent, and dotted fields keep their dots in element names.
 */
export const query: FunctionHandler = (ctx, element) => {
	const { def, sent } = requireObject(element);
	const fields = parseSelect(def, child(element, 'select'));
	const options = child(element, 'options');
	requireXmlFormat(options ?? element, 'returnformat');
	const opts = { caseInsensitive: child(options, 'caseinsensitive')?.text.trim() === 'true' };
	const predicate = compileQueryFilter(def, child(element, 'filter'), opts);
	const order = parseOrderBy(def, child(element, 'orderby'), opts);
	const pageSize = pageSizeOf(element, MAX_PAGE_SIZE);
	const offsetText = child(element, 'offset')?.text.trim() || '0';
	const offset = Number(offsetText);
	if (!Number.isInteger(offset) || offset < 0) {
		fail(errors.queryError(`offset must be an integer >= 0; got '${offsetText}'.`));
	}
	const row = rowBuilder(ctx, def);
	const rows = ctx.store
		.list(def.name)
		.map(row)
		.filter((r) => predicate(r) === true)
		.sort(order);
	const pageRows = rows.slice(offset, offset + pageSize);
	return {
		data: el(
			'data',
			{
				listtype: sent,
				totalcount: rows.length,
				offset,
				count: pageRows.length,
				numremaining: Math.max(0, rows.length - offset - pageRows.length),
			},
			pageRows.map((r) => el(sent, null, renderFields(fields, r, false))),
		),
		billed: { [def.name]: 1 },
	};
};
