import { parseMoney } from '../../shared/money';
import { child, childrenNamed } from '../../shared/xml';
import type { XmlElement } from '../../shared/xml';
import type { IntacctContext } from '../context';
import { isoDate } from '../dates';
import { errors, fail } from '../errors';
import type { Row } from '../objects/types';

/**
 * Helpers for the object-specific ("legacy", 2.1) functions: lower-case elements whose order is
 * significant (XSD sequences, spec §2.4). An element out of order or unknown fails the function
 * with XL03000003 (the real gateway may reject the whole request instead: UNCONFIRMED).
 */
export function checkSequence(
	element: XmlElement,
	order: readonly string[],
	repeatable: readonly string[] = [],
): void {
	let last = -1;
	for (const c of element.children) {
		const index = order.indexOf(c.name);
		if (index < 0)
			fail(errors.xmlParse(`Element '${c.name}' is not expected in <${element.name}>.`));
		if (index < last || (index === last && !repeatable.includes(c.name))) {
			fail(
				errors.xmlParse(`Element '${c.name}' is out of order or repeated in <${element.name}>.`),
			);
		}
		last = index;
	}
}

export function text(element: XmlElement, name: string): string | undefined {
	const value = child(element, name)?.text;
	return value === undefined || value.trim() === '' ? undefined : value;
}

/** `<name><year>2024</year><month>5</month><day>01</day></name>` -> ISO date (padded or not). */
export function legacyDate(element: XmlElement, name: string): string | undefined {
	const node = child(element, name);
	if (!node) return undefined;
	const [y, m, d] = ['year', 'month', 'day'].map((part) => child(node, part)?.text.trim() ?? '');
	const iso = /^\d+$/.test(y + m + d) ? isoDate(Number(y), Number(m), Number(d)) : undefined;
	return (
		iso ?? fail(errors.invalidValue(name, `${y}/${m}/${d}`, element.name, 'a valid year/month/day'))
	);
}

export function legacyAmount(raw: string | undefined, field: string, object: string): number {
	if (raw === undefined || raw.trim() === '') fail(errors.requiredField(field, object));
	return parseMoney(raw) ?? fail(errors.invalidValue(field, raw, object, 'a decimal number'));
}

/** XSD order of `lineitem` children in create_invoice / create_aradjustment (spec §6.3, §6.5). */
const LINE_ORDER = [
	'glaccountno',
	'accountlabel',
	'offsetglaccountno',
	'amount',
	'allocationid',
	'memo',
	'locationid',
	'departmentid',
	'key',
	'totalpaid',
	'totaldue',
	'customfields',
	'revrectemplate',
	'defrevaccount',
	'revrecstartdate',
	'revrecenddate',
	'projectid',
	'taskid',
	'costtypeid',
	'customerid',
	'vendorid',
	'employeeid',
	'itemid',
	'classid',
	'contractid',
	'warehouseid',
	'totaltrxamount',
	'taxentries',
];

/** Elements the sandbox stores; other valid line elements are accepted and ignored. */
function lineRow(ctx: IntacctContext, line: XmlElement, lineNo: number, object: string): Row {
	checkSequence(line, LINE_ORDER);
	if (child(line, 'accountlabel')) fail(errors.unsupported('lineitem accountlabel'));
	const account = text(line, 'glaccountno');
	if (account === undefined) fail(errors.requiredField('glaccountno', 'lineitem'));
	if (!ctx.store.findOne('GLACCOUNT', 'ACCOUNTNO', account))
		fail(errors.invalidReference('GL Account', account));
	const amount = legacyAmount(child(line, 'amount')?.text, 'amount', object);
	const location = text(line, 'locationid');
	const department = text(line, 'departmentid');
	if (location === undefined && ctx.config.multiEntity) fail(errors.emptyLocation());
	if (
		location !== undefined &&
		!ctx.store.findOne('LOCATION', 'LOCATIONID', location) &&
		!ctx.store.findOne('LOCATIONENTITY', 'LOCATIONID', location)
	) {
		fail(errors.invalidReference('Location', location));
	}
	if (department !== undefined && !ctx.store.findOne('DEPARTMENT', 'DEPARTMENTID', department)) {
		fail(errors.invalidReference('Department', department));
	}
	return {
		RECORDNO: ctx.store.nextNumber('PRENTRY'),
		LINE_NO: lineNo,
		ACCOUNTNO: account,
		AMOUNT: amount,
		MEMO: child(line, 'memo')?.text,
		LOCATIONID: location,
		DEPARTMENTID: department,
	};
}

/** Parses `<invoiceitems>`/`<aradjustmentitems>` into line rows (at least one `lineitem`). */
export function lineItems(
	ctx: IntacctContext,
	parent: XmlElement,
	wrapper: string,
	object: string,
): Row[] {
	const items = child(parent, wrapper);
	if (items) checkSequence(items, ['lineitem'], ['lineitem']);
	const lines = childrenNamed(items, 'lineitem');
	if (lines.length === 0) fail(errors.requiredField(`${wrapper}/lineitem`, object));
	return lines.map((line, i) => lineRow(ctx, line, i + 1, object));
}

/** Draft|Submit (default Submit). */
export function isDraftAction(element: XmlElement): boolean {
	const action = text(element, 'action') ?? 'Submit';
	if (!/^(draft|submit)$/i.test(action.trim())) {
		fail(errors.invalidValue('action', action, element.name, 'Draft or Submit'));
	}
	return action.trim().toLowerCase() === 'draft';
}
