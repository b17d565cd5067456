import type { IDataObject } from 'n8n-workflow';

import { firstText, text } from '../../core/records';
import { SyncError } from '../../core/syncError';

/**
 * Records a preset may need besides the one it maps: the Layer customers (for their Sage link and
 * sub-company) and the invoices (to turn an allocation's invoice ID, or Intacct's RECORDKEY, into
 * the invoice number Sage knows). Fed by expressions such as `{{ $('Get invoices').all() }}`.
 */
export class Lookups {
	private readonly customers = new Map<string, IDataObject>();
	private readonly invoices = new Map<string, IDataObject>();

	constructor(customers: IDataObject[] = [], invoices: IDataObject[] = []) {
		for (const customer of customers) {
			const id = text(customer.id);
			if (id) this.customers.set(id, customer);
		}
		for (const invoice of invoices) {
			for (const key of [text(invoice.id), text(invoice.RECORDNO)]) {
				if (key) this.invoices.set(key, invoice);
			}
		}
	}

	get customerList(): IDataObject[] {
		return [...this.customers.values()];
	}

	customer(id: string): IDataObject | undefined {
		return id ? this.customers.get(id) : undefined;
	}

	invoice(id: string): IDataObject | undefined {
		return id ? this.invoices.get(id) : undefined;
	}

	/** The number of an invoice known by its Layer ID (or Intacct RECORDNO). */
	invoiceNumber(id: string, needer: string): string {
		const invoice = this.invoice(id);
		const number = invoice ? firstText(invoice.number, invoice.RECORDID) : '';
		if (!number)
			throw new SyncError(
				`${needer}: invoice "${id}" is not in Lookups › Invoices, so its number is unknown`,
				'Pass the invoices under Lookups › Invoices, e.g. {{ $("Get invoices").all() }}',
			);
		return number;
	}
}
