/** Node parameters shared by several Intacct tests. */
export const invoiceParams = {
	resource: 'arInvoice',
	operation: 'create',
	customerId: '={{ { "__rl": true, "mode": "id", "value": $json.customer } }}',
	invoiceNo: '={{ $json.number }}',
	invoiceDate: '={{ $json.date }}',
	dueDate: '={{ $json.due }}',
	linesInput: 'json',
	linesJson: '={{ $json.lines }}',
	additionalFields: { description: '={{ $json.description }}' },
};
