import type { IDataObject } from 'n8n-workflow';

import { text } from '../../core/records';

/** The customer-upload columns, keyed as compared: case, spaces and punctuation ignored. */
const COLUMNS = {
	customerId: ['customerid'],
	sageCompany: ['sagecompanyname', 'sagecompany'],
	sageSiteId: ['sagesiteid'],
	sageAccountNumber: ['sageaccountnumber'],
	sageCustomerId: ['sagecustomerid'],
} as const;

type Column = keyof typeof COLUMNS;

const HEADERS: Record<Column, string> = {
	customerId: 'CustomerId',
	sageCompany: 'SageCompanyName',
	sageSiteId: 'SageSiteId',
	sageAccountNumber: 'SageAccountNumber',
	sageCustomerId: 'SageCustomerId',
};

const keyOf = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');

export interface LinkRow {
	itemIndex: number;
	rowNumber: number;
	customerId: string;
	sageCompany: string;
	sageSiteId: string;
	sageAccountNumber: string;
	sageCustomerId: string;
}

export interface BadRow {
	itemIndex: number;
	rowNumber: number;
	customerId: string;
	reasons: string[];
	row: IDataObject;
}

export interface LinkFileReport {
	valid: LinkRow[];
	invalid: BadRow[];
	/** Problems with the file as a whole (a mandatory column missing from every row). */
	fileProblems: string[];
}

function read(row: IDataObject, column: Column): { present: boolean; value: string } {
	for (const [header, value] of Object.entries(row)) {
		if ((COLUMNS[column] as readonly string[]).includes(keyOf(header)))
			return { present: true, value: text(value) };
	}
	return { present: false, value: '' };
}

/**
 * Checks a customer upload (one item per spreadsheet row, as Extract From File gives them) against
 * The Layer's rules: mandatory CustomerId, SageCompanyName, SageSiteId, plus at least one of
 * SageAccountNumber and SageCustomerId; Synced and unknown columns ignored; blank rows skipped. It
 * also refuses what would make links contradict each other: a CustomerId on two rows, one Sage
 * customer (in one company and site) linked from two rows, and, given the known IDs, a CustomerId
 * The Layer does not have.
 */
export function validateLinkFile(
	rows: IDataObject[],
	options: { firstRowNumber: number; knownCustomerIds?: Set<string> },
): LinkFileReport {
	const parsed = rows.map((row, itemIndex) => {
		const values = Object.fromEntries(
			(Object.keys(COLUMNS) as Column[]).map((c) => [c, read(row, c)]),
		) as Record<Column, { present: boolean; value: string }>;
		return { itemIndex, rowNumber: options.firstRowNumber + itemIndex, row, values };
	});
	const dataRows = parsed.filter((p) => Object.values(p.row).some((v) => text(v) !== ''));
	const fileProblems: string[] = [];
	for (const column of ['customerId', 'sageCompany', 'sageSiteId'] as Column[]) {
		if (dataRows.length && !dataRows.some((p) => p.values[column].present))
			fileProblems.push(`column ${HEADERS[column]} is missing`);
	}
	if (
		dataRows.length &&
		!dataRows.some((p) => p.values.sageAccountNumber.present || p.values.sageCustomerId.present)
	)
		fileProblems.push('the file needs a SageAccountNumber or a SageCustomerId column');
	if (rows.length && !dataRows.length) fileProblems.push('the file has no data rows');

	const byCustomer = new Map<string, number[]>();
	const bySageCustomer = new Map<string, number[]>();
	for (const p of dataRows) {
		const v = (c: Column) => p.values[c].value;
		const customer = v('customerId');
		if (customer) byCustomer.set(customer, [...(byCustomer.get(customer) ?? []), p.rowNumber]);
		for (const [kind, id] of [
			['id', v('sageCustomerId')],
			['account', v('sageAccountNumber')],
		]) {
			if (!id) continue;
			const key = [v('sageCompany'), v('sageSiteId'), kind, id]
				.map((s) => s.toLowerCase())
				.join('|');
			bySageCustomer.set(key, [...(bySageCustomer.get(key) ?? []), p.rowNumber]);
		}
	}

	const valid: LinkRow[] = [];
	const invalid: BadRow[] = [];
	for (const p of dataRows) {
		const v = (c: Column) => p.values[c].value;
		const reasons: string[] = [];
		for (const column of ['customerId', 'sageCompany', 'sageSiteId'] as Column[]) {
			if (!v(column)) reasons.push(`${HEADERS[column]} is empty`);
		}
		if (!v('sageAccountNumber') && !v('sageCustomerId'))
			reasons.push('needs a SageAccountNumber or a SageCustomerId');
		const customer = v('customerId');
		if (customer && options.knownCustomerIds && !options.knownCustomerIds.has(customer))
			reasons.push(`CustomerId "${customer}" does not exist in The Layer`);
		const others = (byCustomer.get(customer) ?? []).filter((r) => r !== p.rowNumber);
		if (customer && others.length)
			reasons.push(`CustomerId "${customer}" is also on row ${others.join(', ')}`);
		for (const [kind, label, id] of [
			['id', 'SageCustomerId', v('sageCustomerId')],
			['account', 'SageAccountNumber', v('sageAccountNumber')],
		]) {
			if (!id) continue;
			const key = [v('sageCompany'), v('sageSiteId'), kind, id]
				.map((s) => s.toLowerCase())
				.join('|');
			const clash = (bySageCustomer.get(key) ?? []).filter((r) => r !== p.rowNumber);
			if (clash.length)
				reasons.push(
					`${label} "${id}" in ${v('sageCompany')} / site ${v('sageSiteId')} is also linked on row ${clash.join(', ')}`,
				);
		}
		if (reasons.length)
			invalid.push({
				itemIndex: p.itemIndex,
				rowNumber: p.rowNumber,
				customerId: customer,
				reasons,
				row: p.row,
			});
		else
			valid.push({
				itemIndex: p.itemIndex,
				rowNumber: p.rowNumber,
				customerId: customer,
				sageCompany: v('sageCompany'),
				sageSiteId: v('sageSiteId'),
				sageAccountNumber: v('sageAccountNumber'),
				sageCustomerId: v('sageCustomerId'),
			});
	}
	return { valid, invalid, fileProblems };
}
