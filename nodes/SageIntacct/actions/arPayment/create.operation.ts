import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parseCalendarDate, type CalendarDate } from '../../../shared/dates';
import { FieldError } from '../../../shared/fieldError';
import { formatMoney, sumMoney } from '../../../shared/money';
import type { IntacctClient } from '../../transport/client';
import { contentControlId, controlIdFor } from '../../transport/controlId';
import { create, usDate } from '../../transport/functions';
import {
	applicationProperties,
	readApplications,
	recordNoFor,
	resolveInvoiceRecordNos,
	type Application,
} from '../common/applications';
import type { BatchOperation, PreparedWrite } from '../common/operation';
import { collectionParam, controlIdVersion, stringParam } from '../common/params';
import { customerLocator } from '../common/rlc';
import { attempt, runPlannedWrites } from '../common/runWritesPrepared';

const show = { resource: ['arPayment'], operation: ['create'] };

export const PAYMENT_METHODS = [
	'Printed Check',
	'Check',
	'Cash',
	'EFT',
	'Credit Card',
	'Online Charge Card',
	'Online ACH Debit',
];

const properties: INodeProperties[] = [
	customerLocator(show),
	{
		displayName: 'Bank Account Name or ID',
		name: 'bankAccountId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getBankAccounts' },
		default: '',
		displayOptions: { show },
		description:
			'Checking account the receipt is deposited to (FINANCIALENTITY). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Payment Method',
		name: 'paymentMethod',
		type: 'options',
		options: PAYMENT_METHODS.map((m) => ({ name: m, value: m })),
		default: 'EFT',
		displayOptions: { show },
	},
	{
		displayName: 'Receipt Date',
		name: 'receiptDate',
		type: 'dateTime',
		required: true,
		default: '',
		displayOptions: { show },
	},
	{
		displayName: 'Reference',
		name: 'reference',
		type: 'string',
		default: '',
		displayOptions: { show },
		description:
			'DOCNUMBER, e.g. the payment ID in The Layer. Also the idempotency key: a re-run returns the payment already created.',
	},
	...applicationProperties(show),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Currency',
				name: 'currency',
				type: 'string',
				default: '',
				placeholder: 'GBP',
			},
			{ displayName: 'Description', name: 'description', type: 'string', default: '' },
			{ displayName: 'Payment Date', name: 'paymentDate', type: 'dateTime', default: '' },
			{
				displayName: 'Summary (Batch) Key',
				name: 'batchKey',
				type: 'string',
				default: '',
				description: 'PRBATCH, when AR payment summaries are user-specified',
			},
			{
				displayName: 'Undeposited Funds GL Account',
				name: 'undepositedAccountNo',
				type: 'string',
				default: '',
			},
		],
	},
];

interface PaymentInput {
	customerId: string;
	bankAccountId: string;
	paymentMethod: string;
	receiptDate: CalendarDate;
	reference: string;
	extra: Record<string, unknown>;
	applications: Application[];
	keyMode: string;
	version: string;
}

export const createPayment: BatchOperation = {
	kind: 'batch',
	description: properties,
	async run(this: IExecuteFunctions, indexes: number[], client: IntacctClient) {
		return runPlannedWrites<PaymentInput>(
			this,
			indexes,
			client,
			(i) => {
				const paymentMethod = stringParam(this, 'paymentMethod', i, { required: true });
				if (!PAYMENT_METHODS.includes(paymentMethod)) {
					throw new FieldError(
						'paymentMethod',
						`"${paymentMethod}" is not an Intacct payment method`,
						`Use one of: ${PAYMENT_METHODS.join(', ')}`,
					);
				}
				return {
					customerId: stringParam(this, 'customerId', i, { required: true, label: 'customer' }),
					bankAccountId: stringParam(this, 'bankAccountId', i),
					paymentMethod,
					receiptDate: parseCalendarDate(
						this.getNodeParameter('receiptDate', i, ''),
						'receiptDate',
					),
					reference: stringParam(this, 'reference', i, { maxLength: 45 }),
					extra: collectionParam(this, 'additionalFields', i),
					applications: readApplications(this, i),
					keyMode: this.getNodeParameter('invoiceKey', i, 'number') as string,
					version: controlIdVersion(this, i),
				};
			},
			async (items) => {
				const numbers = items
					.filter((x) => x.input.keyMode === 'number')
					.flatMap((x) => x.input.applications.map((a) => a.invoice));
				const recordNos = await resolveInvoiceRecordNos(client, numbers);
				return items.map((x) => attempt(() => preparePayment(x.input, recordNos)));
			},
		);
	},
};

function preparePayment(input: PaymentInput, recordNos: Map<string, string>): PreparedWrite {
	const str = (key: string) =>
		typeof input.extra[key] === 'string' && input.extra[key] !== ''
			? (input.extra[key] as string)
			: undefined;
	const details = input.applications.map((a, n) => ({
		RECORDKEY: recordNoFor(a, input.keyMode, recordNos, n),
		TRX_PAYMENTAMOUNT: formatMoney(a.amount),
	}));
	const body = create('ARPYMT', {
		FINANCIALENTITY: input.bankAccountId || undefined,
		UNDEPOSITEDACCOUNTNO: str('undepositedAccountNo'),
		PRBATCH: str('batchKey'),
		PAYMENTMETHOD: input.paymentMethod,
		CUSTOMERID: input.customerId,
		RECEIPTDATE: usDate(input.receiptDate),
		PAYMENTDATE: str('paymentDate')
			? usDate(parseCalendarDate(input.extra.paymentDate, 'paymentDate'))
			: undefined,
		CURRENCY: str('currency'),
		DOCNUMBER: input.reference || undefined,
		DESCRIPTION: str('description'),
		ARPYMTDETAILS: { ARPYMTDETAIL: details },
	});
	const total = formatMoney(sumMoney(input.applications.map((a) => a.amount)));
	return {
		label: input.reference
			? `payment ${input.reference}`
			: `payment from customer ${input.customerId}`,
		call: {
			controlId: input.reference
				? controlIdFor('create', 'ARPYMT', `${input.customerId}:${input.reference}`, input.version)
				: contentControlId('create', 'ARPYMT', body, input.version),
			name: 'create',
			xml: body,
		},
		lookup: input.reference
			? { object: 'ARPYMT', field: 'DOCNUMBER', value: input.reference }
			: undefined,
		output: (result) => ({
			...result.records[0],
			CUSTOMERID: input.customerId,
			DOCNUMBER: input.reference,
			TOTALENTERED: total,
			applied: details,
		}),
	};
}
