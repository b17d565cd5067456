import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { jsonValue, recordList, text } from '../../core/records';
import { toItemError } from '../../core/syncError';
import type { SyncOperation } from '../operation';
import { validateLinkFile as validate, type LinkRow } from './linkFile';

const show = { operation: ['validateLinkFile'] };

const properties: INodeProperties[] = [
	{
		displayName: 'Known Layer Customers',
		name: 'knownCustomers',
		type: 'json',
		default: '',
		displayOptions: { show },
		description:
			'Optional: the Layer customers (n8n items, records or a list of IDs), e.g. {{ $("Get customers").all() }}; a CustomerId not among them is a bad row. Empty = not checked.',
	},
	{
		displayName: 'Skip Bad Rows',
		name: 'skipBadRows',
		type: 'boolean',
		default: false,
		displayOptions: { show },
		description:
			'Whether good rows go out even when some rows are bad. Off: a file with any bad row sends nothing to Valid, only the report.',
	},
	{
		displayName: 'First Row Number',
		name: 'firstRowNumber',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 2,
		displayOptions: { show },
		description: 'The spreadsheet row of the first item (2 when row 1 is the header)',
	},
];

function knownIds(raw: unknown): Set<string> | undefined {
	const value = jsonValue(raw, 'knownCustomers');
	if (value === undefined || value === null || value === '') return undefined;
	const list = Array.isArray(value) ? (value as unknown[]) : [value];
	if (list.every((v) => typeof v === 'string' || typeof v === 'number'))
		return new Set(list.map((v) => String(v).trim()));
	return new Set(recordList(list, 'knownCustomers').map((c) => text(c.id ?? c.CustomerId)));
}

const linkOutput = (row: LinkRow): IDataObject => ({
	rowNumber: row.rowNumber,
	customerId: row.customerId,
	// The Layer › Customer › Update Sage Link takes these as its Link Fields.
	linkFields: {
		sageCompany: row.sageCompany,
		sageSiteId: row.sageSiteId,
		...(row.sageCustomerId ? { sageCustomerId: row.sageCustomerId } : {}),
		...(row.sageAccountNumber ? { sageAccountNumber: row.sageAccountNumber } : {}),
		synced: true,
	},
});

/**
 * Validate Link File: the customer upload's rows in; Valid (link fields per row) and Invalid (row
 * number and reasons). Unless Skip Bad Rows is on, one bad row holds back the whole file.
 */
export const validateLinkFile: SyncOperation = {
	description: properties,
	outputs: ['Valid', 'Invalid'],
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		if (items.length === 0) return [[], []];
		let report: ReturnType<typeof validate>;
		let skip: boolean;
		try {
			skip = this.getNodeParameter('skipBadRows', 0, false) as boolean;
			report = validate(
				items.map((i) => i.json),
				{
					firstRowNumber: this.getNodeParameter('firstRowNumber', 0, 2) as number,
					knownCustomerIds: knownIds(this.getNodeParameter('knownCustomers', 0, '')),
				},
			);
		} catch (error) {
			const itemError = toItemError(this.getNode(), error, 0);
			throw itemError;
		}
		const rejected = !skip && (report.invalid.length > 0 || report.fileProblems.length > 0);
		const invalid: INodeExecutionData[] = report.invalid.map((bad) => ({
			json: {
				rowNumber: bad.rowNumber,
				customerId: bad.customerId,
				reasons: bad.reasons,
				reason: `Row ${bad.rowNumber}: ${bad.reasons.join('; ')}`,
				fileRejected: rejected,
				row: bad.row,
			},
			pairedItem: { item: bad.itemIndex },
		}));
		if (report.fileProblems.length)
			invalid.unshift({
				json: {
					rowNumber: Math.max(1, (this.getNodeParameter('firstRowNumber', 0, 2) as number) - 1),
					customerId: '',
					reasons: report.fileProblems,
					reason: `File: ${report.fileProblems.join('; ')}`,
					fileRejected: rejected,
				},
				pairedItem: items.map((_, item) => ({ item })),
			});
		const valid = rejected
			? []
			: report.valid.map((row) => ({ json: linkOutput(row), pairedItem: { item: row.itemIndex } }));
		if (rejected) for (const item of invalid) item.json.withheldValidRows = report.valid.length;
		return [valid, invalid];
	},
};
