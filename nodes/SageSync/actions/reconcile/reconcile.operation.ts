import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { parseMoney } from '../../../shared/money';
import { currencyCode } from '../../core/amounts';
import { asList, firstText, recordList, text } from '../../core/records';
import { toItemError } from '../../core/syncError';
import type { SyncOperation } from '../operation';
import { Ledger, creditNoteFrom, invoiceFrom } from './ledger';
import { describe } from './lines';
import { reconcile as reconcileAll, type Method, type Receipt } from './reconciler';

const show = { operation: ['reconcile'] };

const properties: INodeProperties[] = [
	{
		displayName: 'Invoices',
		name: 'invoices',
		type: 'json',
		required: true,
		default: '',
		displayOptions: { show },
		placeholder: '{{ $("Get open invoices").all() }}',
		description:
			'The Layer invoices to reconcile against (n8n items or records with ID, number, customer ID, currency and amount due). Read once, from the first item.',
	},
	{
		displayName: 'Credit Notes',
		name: 'creditNotes',
		type: 'json',
		default: '',
		displayOptions: { show },
		description:
			'Optional Layer credit notes: one raised against an invoice is applied when, with a receipt, it settles that invoice',
	},
	{
		displayName: 'Match By',
		name: 'methods',
		type: 'multiOptions',
		options: [
			{
				name: 'Exact Amount',
				value: 'amount',
				description: 'The one open invoice of the customer for the amount',
			},
			{
				name: 'Invoice Number or Reference',
				value: 'reference',
				description: 'Invoice numbers named in the receipt’s reference',
			},
			{
				name: 'Sage Allocation',
				value: 'allocation',
				description: 'What Sage allocated the receipt to',
			},
		],
		default: ['allocation', 'reference', 'amount'],
		displayOptions: { show },
		description: 'Tried in the order allocation, reference, amount, whatever the order here',
	},
];

function receiptFrom(record: IDataObject): Receipt {
	const label = `receipt ${firstText(record.sageTransactionId, record.id) || '(no ID)'}`;
	return {
		label,
		customerId: text(record.customerId),
		currency: currencyCode(record.currency, `${label} currency`),
		amount: parseMoney(record.amount, `${label} amount`, { allowZero: false }),
		reference: text(record.reference),
		allocations: asList(record.allocations).map((a, n) => ({
			invoiceNumber: firstText(a.invoiceNumber, a.reference),
			minor: parseMoney(a.amount, `${label} allocation ${n + 1} amount`, { allowZero: false }),
		})),
		type: text(record.type) || 'receipt',
		reconciled: record.reconciled === true,
	};
}

/**
 * Reconcile: Sage transactions (receipts) in; each to Matched (allocations that net exactly, ready
 * for The Layer › Sage Transaction › Reconcile), Needs Review, or Unallocated.
 */
export const reconcile: SyncOperation = {
	description: properties,
	outputs: ['Matched', 'Needs Review', 'Unallocated'],
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const outputs: INodeExecutionData[][] = [[], [], []];
		if (items.length === 0) return outputs;
		let ledger: Ledger;
		try {
			ledger = new Ledger(
				recordList(this.getNodeParameter('invoices', 0), 'invoices').map(invoiceFrom),
				recordList(this.getNodeParameter('creditNotes', 0, ''), 'creditNotes').map(creditNoteFrom),
			);
		} catch (error) {
			const listError = toItemError(this.getNode(), error, 0);
			throw listError;
		}
		const methods = this.getNodeParameter('methods', 0, []) as Method[];
		const receipts: Array<{ itemIndex: number; receipt: Receipt }> = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				receipts.push({ itemIndex, receipt: receiptFrom(items[itemIndex].json) });
			} catch (error) {
				const itemError = toItemError(this.getNode(), error, itemIndex);
				if (!this.continueOnFail()) throw itemError;
				outputs[0].push({ json: { error: itemError.message }, pairedItem: { item: itemIndex } });
			}
		}
		const results = reconcileAll(
			receipts.map((r) => r.receipt),
			ledger,
			methods,
		);
		const OUTPUT = { matched: 0, needsReview: 1, unallocated: 2 } as const;
		receipts.forEach(({ itemIndex }, n) => {
			const record = items[itemIndex].json;
			const reconciliation = describe(results[n], firstText(record.id, record.sageTransactionId));
			outputs[OUTPUT[results[n].outcome]].push({
				json: { ...record, reconciliation },
				pairedItem: { item: itemIndex },
			});
		});
		return outputs;
	},
};
