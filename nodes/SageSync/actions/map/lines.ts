import type { IDataObject } from 'n8n-workflow';

import { formatMoney, sumMoney, type MinorUnits } from '../../../shared/money';
import { amountOf, decimal } from '../../core/amounts';
import { decimalText, lineAmounts, scaledDecimal } from '../../core/lineAmounts';
import { asList, text } from '../../core/records';
import { SyncError } from '../../core/syncError';
import type { Scope } from './preset';

/** A Layer invoice or credit-note line, its amounts recomputed by the one rounding rule. */
export interface LayerLine {
	n: number;
	description: string;
	quantity: bigint;
	unitPrice: MinorUnits;
	discount: bigint;
	rate: bigint;
	/** The tax rate as the Tax Rate table keys it: "20", "17.5", "0". */
	rateKey: string;
	nominalCode: string;
	net: MinorUnits;
	tax: MinorUnits;
	gross: MinorUnits;
}

export interface DocumentTotals {
	net: MinorUnits;
	tax: MinorUnits;
	gross: MinorUnits;
}

/**
 * Reads the lines and checks them: each line's stated net/tax/gross must equal the rule's result
 * and the document totals the sums of the lines, so Sage receives exactly what The Layer shows.
 */
export function layerLines(record: IDataObject, label: string): LayerLine[] {
	const raw = asList(record.lines);
	if (raw.length === 0) throw new SyncError(`${label} has no lines`, 'Add lines in The Layer');
	const lines = raw.map((line, i) => {
		const n = i + 1;
		const at = (key: string) => `${label} line ${n} ${key}`;
		const quantity = scaledDecimal(line.quantity, 4, at('quantity'));
		const unitPrice = amountOf(line.unitPrice, at('unitPrice'));
		const discount = scaledDecimal(line.discountPercent ?? 0, 2, at('discountPercent'));
		const rate = scaledDecimal(line.taxRate ?? 0, 2, at('taxRate'));
		const amounts = lineAmounts(quantity, unitPrice, discount, rate);
		for (const [key, computed] of [
			['netAmount', amounts.net],
			['taxAmount', amounts.tax],
			['grossAmount', amounts.gross],
		] as const) {
			if (line[key] === undefined || line[key] === null) continue;
			const stated = amountOf(line[key], at(key));
			if (stated !== computed)
				throw new SyncError(
					`${label} line ${n}: ${key} is ${formatMoney(stated)} but quantity × price, less discount, plus tax gives ${formatMoney(computed)}`,
					'Fix the line in The Layer; amounts are never adjusted to fit',
				);
		}
		return {
			n,
			description: text(line.description) || text(line.itemCode) || `Line ${n}`,
			quantity,
			unitPrice,
			discount,
			rate,
			rateKey: decimalText(rate, 2),
			nominalCode: text(line.nominalCode),
			...amounts,
		};
	});
	const totals = totalsOf(lines);
	for (const [key, computed] of [
		['netTotal', totals.net],
		['taxTotal', totals.tax],
		['grossTotal', totals.gross],
	] as const) {
		if (record[key] === undefined || record[key] === null) continue;
		const stated = amountOf(record[key], `${label} ${key}`);
		if (stated !== computed)
			throw new SyncError(
				`${label}: ${key} is ${formatMoney(stated)} but its lines add up to ${formatMoney(computed)}`,
				'Fix the record in The Layer',
			);
	}
	return lines;
}

export function totalsOf(lines: LayerLine[]): DocumentTotals {
	return {
		net: sumMoney(lines.map((l) => l.net)),
		tax: sumMoney(lines.map((l) => l.tax)),
		gross: sumMoney(lines.map((l) => l.gross)),
	};
}

/** "Widget (2 × 10.00 less 5%)": quantity, price and discount travel in the memo / narrative. */
export function lineMemo(line: LayerLine): string {
	const discount = line.discount ? ` less ${decimalText(line.discount, 2)}%` : '';
	return `${line.description} (${decimalText(line.quantity, 4)} × ${formatMoney(line.unitPrice)}${discount})`;
}

function nominalFor(scope: Scope, line: LayerLine): string {
	const needer = `${scope.label} line ${line.n}`;
	if (!line.nominalCode)
		throw new SyncError(
			`${needer} has no nominal code`,
			'Set the nominal code on the line in The Layer',
		);
	if (scope.ctx.options.nominalCodes === 'same') return line.nominalCode;
	return scope.ctx.tables.lookup('nominalCode', line.nominalCode, needer).to;
}

interface Draft {
	key: string;
	amount: MinorUnits;
	tax: MinorUnits;
	memos: string[];
	extra: IDataObject;
}

function merge(drafts: Draft[], group: boolean): Draft[] {
	if (!group) return drafts;
	const byKey = new Map<string, Draft>();
	for (const draft of drafts) {
		const existing = byKey.get(draft.key);
		if (!existing) byKey.set(draft.key, { ...draft, memos: [...draft.memos] });
		else {
			existing.amount += draft.amount;
			existing.tax += draft.tax;
			existing.memos.push(...draft.memos);
		}
	}
	return [...byKey.values()];
}

function refuseNegative(scope: Scope, drafts: Draft[], target: string): void {
	for (const draft of drafts) {
		if (draft.amount < 0 || draft.tax < 0)
			throw new SyncError(
				`${scope.label}: a ${target} line (${draft.memos.join('; ')}) would be negative (${formatMoney(draft.amount)})`,
				`${target} takes positive lines only; set Options › Group Lines to "By account" to net discount lines into their account`,
			);
	}
}

/**
 * Intacct lines {glAccountNo, amount, memo}: net per line plus one VAT line per rate (Tax Rate
 * table → VAT GL account), or gross per line. Zero lines are left out (Intacct refuses them).
 */
export function intacctLines(
	scope: Scope,
	lines: LayerLine[],
	dims: { currency: string; locationId?: string; departmentId?: string; positiveOnly: boolean },
): IDataObject[] {
	const { groupLines, taxHandling } = scope.ctx.options;
	const drafts: Draft[] = lines.map((line) => {
		const gl = nominalFor(scope, line);
		const amount = taxHandling === 'gross' ? line.gross : line.net;
		return { key: gl, amount, tax: 0, memos: [lineMemo(line)], extra: { glAccountNo: gl } };
	});
	if (taxHandling === 'separateLines') {
		const byRate = new Map<string, Draft>();
		for (const line of lines) {
			if (line.tax === 0) continue;
			const gl = scope.ctx.tables.lookup(
				'taxRate',
				line.rateKey,
				`${scope.label} line ${line.n}`,
			).to;
			const draft = byRate.get(line.rateKey) ?? {
				key: `tax:${line.rateKey}`,
				amount: 0,
				tax: 0,
				memos: [`VAT ${line.rateKey}%`],
				extra: { glAccountNo: gl },
			};
			draft.amount += line.tax;
			byRate.set(line.rateKey, draft);
		}
		drafts.push(...byRate.values());
	}
	const merged = merge(drafts, groupLines === 'byAccount').filter((d) => d.amount !== 0);
	if (dims.positiveOnly) refuseNegative(scope, merged, 'Intacct adjustment');
	return merged.map((d) => ({
		glAccountNo: d.extra.glAccountNo,
		amount: decimal(d.amount),
		memo: d.memos.join('; '),
		...(dims.locationId ? { locationId: dims.locationId } : {}),
		...(dims.departmentId ? { departmentId: dims.departmentId } : {}),
		currency: dims.currency,
	}));
}

/** Sage 200 nominal analysis {nominalCode, taxCodeId, net, tax, narrative}; positive only. */
export function sage200Lines(scope: Scope, lines: LayerLine[], currency: string): IDataObject[] {
	const drafts: Draft[] = lines.map((line) => {
		const nominalCode = nominalFor(scope, line);
		const taxCode = scope.ctx.tables.lookup(
			'taxRate',
			line.rateKey,
			`${scope.label} line ${line.n}`,
		).to;
		return {
			key: `${nominalCode}|${taxCode}`,
			amount: line.net,
			tax: line.tax,
			memos: [lineMemo(line)],
			extra: { nominalCode, taxCodeId: /^\d+$/.test(taxCode) ? Number(taxCode) : taxCode },
		};
	});
	const merged = merge(drafts, scope.ctx.options.groupLines === 'byAccount').filter(
		(d) => d.amount !== 0 || d.tax !== 0,
	);
	refuseNegative(scope, merged, 'Sage 200');
	return merged.map((d) => ({
		nominalCode: d.extra.nominalCode,
		taxCodeId: d.extra.taxCodeId,
		net: decimal(d.amount),
		tax: decimal(d.tax),
		narrative: d.memos.join('; '),
		currency,
	}));
}

/** The total of mapped lines (possibly overridden by the user), exact. */
export function mappedTotal(lines: unknown, keys: string[], label: string): MinorUnits {
	return sumMoney(
		asList(lines).flatMap((line, n) =>
			keys.map((key) => amountOf(line[key] ?? 0, `${label} line ${n + 1} ${key}`)),
		),
	);
}
