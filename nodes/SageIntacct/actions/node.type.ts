export type IntacctResource =
	| 'customer'
	| 'arInvoice'
	| 'arPayment'
	| 'arAdjustment'
	| 'glAccount'
	| 'bankAccount'
	| 'location'
	| 'department'
	| 'entity'
	| 'customObject';
