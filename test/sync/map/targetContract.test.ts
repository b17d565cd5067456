import type { IDataObject, INodeProperties, INodeType } from 'n8n-workflow';

import type { PresetName } from '../../../nodes/SageSync/actions/map/preset';
import { Sage200 } from '../../../nodes/Sage200/Sage200.node';
import { SageIntacct } from '../../../nodes/SageIntacct/SageIntacct.node';
import { TheLayer } from '../../../nodes/TheLayer/TheLayer.node';
import { CUSTOMER, INVOICE, mapRecord } from './fixtures';

/**
 * The presets promise to output the target node's own parameter names. This reads the target
 * nodes' descriptions, so renaming a parameter there without the preset fails here.
 */
type Target = { node: INodeType; resource: string; operation: string };

const intacct = new SageIntacct();
const sage200 = new Sage200();
const layer = new TheLayer();
const on = (node: INodeType, resource: string, operation = 'create'): Target => ({
	node,
	resource,
	operation,
});

function shown(target: Target): INodeProperties[] {
	const wanted: Record<string, string> = { resource: target.resource, operation: target.operation };
	return target.node.description.properties.filter((p) => {
		const { show = {}, hide = {} } = p.displayOptions ?? {};
		return Object.entries(wanted).every(
			([key, value]) =>
				(show[key] === undefined || show[key]?.includes(value)) && !hide[key]?.includes(value),
		);
	});
}

/** Every output key is a parameter of one of the targets (and option values are allowed values). */
function expectTakenBy(output: IDataObject, targets: Target[], informational: string[]): void {
	const properties = targets.flatMap(shown);
	const byName = new Map(properties.map((p) => [p.name, p]));
	for (const [key, value] of Object.entries(output)) {
		if (informational.includes(key)) continue;
		const property = byName.get(key);
		expect({ key, known: property !== undefined }).toEqual({ key, known: true });
		if (!property) continue;
		if (property.type === 'collection') {
			const names = (property.options as INodeProperties[]).map((o) => o.name);
			for (const sub of Object.keys(value as IDataObject)) expect(names).toContain(sub);
		}
		if (property.type === 'options' && !property.typeOptions?.loadOptionsMethod) {
			expect((property.options as Array<{ value: unknown }>).map((o) => o.value)).toContain(value);
		}
	}
}

const PAYMENT = {
	id: 'pay_1',
	customerId: 'cus_0001',
	paymentMethodId: 'pm_0001',
	amount: 233.76,
	currency: 'GBP',
	date: '2025-06-02',
	reference: 'BACS-1',
	allocations: [{ invoiceId: 'inv_0001', amount: 233.76 }],
};
const CREDIT_NOTE = {
	id: 'crn_1',
	number: 'CRN-1',
	customerId: 'cus_0001',
	invoiceId: 'inv_0001',
	issueDate: '2025-05-03',
	currency: 'GBP',
	lines: [
		{
			description: 'W',
			quantity: 1,
			unitPrice: 10,
			discountPercent: 0,
			taxRate: 20,
			nominalCode: '4000',
		},
	],
	allocations: [{ invoiceId: 'inv_0001', amount: 12 }],
};
const REFUND = {
	id: 'ref_1',
	number: 'RFD-1',
	customerId: 'cus_0001',
	paymentMethodId: 'pm_0002',
	amount: 5,
	currency: 'GBP',
	date: '2025-05-12',
};
const ARPYMT = {
	RECORDNO: '9',
	CUSTOMERID: 'C1',
	RECEIPTDATE: '06/02/2025',
	TOTALENTERED: '5.00',
	CURRENCY: 'GBP',
};
const POSTED = {
	id: 7,
	customer_id: 1,
	transaction_date: '2025-06-02T00:00:00',
	document_gross_value: -5,
};

const CASES: Array<[PresetName, IDataObject, Target[], string[]]> = [
	['customerToIntacct', CUSTOMER, [on(intacct, 'customer')], ['source', 'sageCompany']],
	[
		'customerToSage200',
		CUSTOMER,
		[on(sage200, 'customer'), on(sage200, 'customerContact')],
		['source', 'hasContact'],
	],
	['invoiceToIntacct', INVOICE, [on(intacct, 'arInvoice')], ['source', 'totals']],
	['invoiceToSage200', INVOICE, [on(sage200, 'salesInvoice')], ['source', 'totals', 'currency']],
	['paymentToIntacct', PAYMENT, [on(intacct, 'arPayment')], ['source', 'totals']],
	[
		'paymentToSage200',
		PAYMENT,
		[on(sage200, 'salesReceipt'), on(sage200, 'allocation')],
		['source', 'totals', 'currency'],
	],
	[
		'creditNoteToIntacct',
		CREDIT_NOTE,
		[on(intacct, 'arAdjustment'), on(intacct, 'arPayment', 'apply')],
		['source', 'totals'],
	],
	[
		'creditNoteToSage200',
		CREDIT_NOTE,
		[on(sage200, 'salesCreditNote'), on(sage200, 'allocation')],
		['source', 'totals', 'currency'],
	],
	['refundToIntacct', REFUND, [on(intacct, 'arAdjustment')], ['source', 'totals']],
	['refundToSage200', REFUND, [on(sage200, 'salesRefund')], ['source', 'currency']],
	['intacctReceiptToLayer', ARPYMT, [on(layer, 'sageTransaction')], ['source', 'totals']],
	['sage200ReceiptToLayer', POSTED, [on(layer, 'sageTransaction')], ['source', 'totals']],
];

describe('Map › every preset outputs the parameter names its target node takes', () => {
	it.each(CASES)('%s', (preset, record, targets, informational) => {
		const output = mapRecord(preset, record, {
			tables: {
				subCompany: { '*': '1:1' },
				paymentMethod: { '*': { bankAccount: '1', glAccount: '1010' } },
				nominalCode: { '*': '4000' },
				taxRate: { '*': '1' },
			},
			options: { sageCompany: 'DEMO' },
		});
		for (const target of targets) expect(shown(target).length).toBeGreaterThan(0);
		expectTakenBy(output, targets, informational);
	});
});
