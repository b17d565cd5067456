import type { Preset, PresetName } from '../preset';
import { creditNoteToIntacct } from './creditNoteToIntacct';
import { creditNoteToSage200 } from './creditNoteToSage200';
import { customerToIntacct } from './customerToIntacct';
import { customerToSage200 } from './customerToSage200';
import { intacctReceiptToLayer } from './intacctReceiptToLayer';
import { invoiceToIntacct } from './invoiceToIntacct';
import { invoiceToSage200 } from './invoiceToSage200';
import { paymentToIntacct } from './paymentToIntacct';
import { paymentToSage200 } from './paymentToSage200';
import { refundToIntacct } from './refundToIntacct';
import { refundToSage200 } from './refundToSage200';
import { sage200ReceiptToLayer } from './sage200ReceiptToLayer';

/** Every preset, by name: a missing one is a compile error. */
export const presets: Record<PresetName, Preset> = {
	customerToIntacct,
	customerToSage200,
	invoiceToIntacct,
	invoiceToSage200,
	paymentToIntacct,
	paymentToSage200,
	creditNoteToIntacct,
	creditNoteToSage200,
	refundToIntacct,
	refundToSage200,
	intacctReceiptToLayer,
	sage200ReceiptToLayer,
};
