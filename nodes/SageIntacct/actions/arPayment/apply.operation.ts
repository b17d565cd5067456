import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parseCalendarDate, type CalendarDate } from '../../../shared/dates';
import { formatMoney } from '../../../shared/money';
import type { IntacctClient } from '../../transport/client';
import { contentControlId } from '../../transport/controlId';
import { legacy, splitDate } from '../../transport/functions';
import {
	applicationProperties,
	readApplications,
	recordNoFor,
	resolveInvoiceRecordNos,
	type Application,
} from '../common/applications';
import type { BatchOperation, PreparedWrite } from '../common/operation';
import { controlIdVersion, stringParam } from '../common/params';
import { recordNoValue } from '../common/readOperations';
import { attempt, runPlannedWrites } from '../common/runWritesPrepared';

const show = { resource: ['arPayment'], operation: ['apply'] };

const properties: INodeProperties[] = [
	{
		displayName: 'Payment or Credit Record Number',
		name: 'paymentKey',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show },
		description:
			'RECORDNO of the payment (with unapplied money), advance, or credit memo (AR adjustment) to apply',
	},
	{
		displayName: 'Apply Date',
		name: 'applyDate',
		type: 'dateTime',
		required: true,
		default: '',
		displayOptions: { show },
	},
	...applicationProperties(show),
	{ displayName: 'Memo', name: 'memo', type: 'string', default: '', displayOptions: { show } },
];

interface ApplyInput {
	paymentKey: string;
	applyDate: CalendarDate;
	memo: string;
	applications: Application[];
	keyMode: string;
	version: string;
}

export const applyPayment: BatchOperation = {
	kind: 'batch',
	description: properties,
	async run(this: IExecuteFunctions, indexes: number[], client: IntacctClient) {
		return runPlannedWrites<ApplyInput>(
			this,
			indexes,
			client,
			(i) => ({
				paymentKey: recordNoValue(
					stringParam(this, 'paymentKey', i, { required: true }),
					'paymentKey',
				),
				applyDate: parseCalendarDate(this.getNodeParameter('applyDate', i, ''), 'applyDate'),
				memo: stringParam(this, 'memo', i),
				applications: readApplications(this, i),
				keyMode: this.getNodeParameter('invoiceKey', i, 'number') as string,
				version: controlIdVersion(this, i),
			}),
			async (items) => {
				const numbers = items
					.filter((x) => x.input.keyMode === 'number')
					.flatMap((x) => x.input.applications.map((a) => a.invoice));
				const recordNos = await resolveInvoiceRecordNos(client, numbers);
				return items.map((x) => attempt(() => prepareApply(x.input, recordNos)));
			},
		);
	},
};

function prepareApply(input: ApplyInput, recordNos: Map<string, string>): PreparedWrite {
	const applied = input.applications.map((a, n) => ({
		invoicekey: recordNoFor(a, input.keyMode, recordNos, n),
		amount: formatMoney(a.amount),
	}));
	const body = legacy('apply_arpayment', {
		arpaymentkey: input.paymentKey,
		paymentdate: splitDate(input.applyDate),
		memo: input.memo || undefined,
		arpaymentitems: { arpaymentitem: applied },
	});
	return {
		label: `application of ${input.paymentKey}`,
		// The same application twice has the same content, so the same control id: applied once.
		call: {
			controlId: contentControlId('apply_arpayment', 'ARPYMT', body, input.version),
			name: 'apply_arpayment',
			xml: body,
		},
		output: () => ({
			paymentKey: input.paymentKey,
			applied: applied.map((a) => ({ RECORDNO: a.invoicekey, amount: a.amount })),
		}),
	};
}
