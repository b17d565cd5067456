import type { XmlElement } from '../../shared/xml';
import type { IntacctContext } from '../context';
import type { IntacctError } from '../errors';

/**
 * How a field is stored and compared. Internally: integer and money are numbers (money in minor
 * units), date is `YYYY-MM-DD`, datetime `YYYY-MM-DDTHH:MM:SS`, boolean `true|false`, status
 * `active|inactive`, text and enum plain strings.
 */
export type FieldType =
	| 'text'
	| 'integer'
	| 'money'
	| 'date'
	| 'datetime'
	| 'boolean'
	| 'status'
	| 'enum';

export interface FieldDef {
	/** UPPERCASE; nested fields are dotted, e.g. `DISPLAYCONTACT.MAILADDRESS.CITY`. */
	name: string;
	type: FieldType;
	required?: boolean;
	/** Maintained by the system; ignored when sent in create/update. */
	readOnly?: boolean;
	/** Valid values for enum fields. */
	values?: readonly string[];
	/** Query-literal aliases, e.g. GLACCOUNT ACCOUNTTYPE `'N'` -> `balancesheet`. */
	queryAliases?: Readonly<Record<string, string>>;
	/** Value stored on create when the field is not sent. */
	defaultValue?: string;
}

export type FieldValue = string | number;
export type Row = Readonly<Record<string, FieldValue | undefined>>;

export interface StoredRecord {
	readonly recordNo: number;
	readonly values: Row;
	/** Owned line items (invoice lines, payment details), returned by `read` only. */
	readonly lines?: readonly Row[];
}

export interface LineCollection {
	/** Wrapper element, e.g. `ARINVOICEITEMS`. */
	collection: string;
	/** Item element, e.g. `ARINVOICEITEM`. */
	item: string;
	fields: FieldDef[];
}

/** The fields of one generic create/update object, flattened to dotted names. */
export interface GenericInput {
	values: Map<string, string>;
	element: XmlElement;
}

export interface ObjectDef {
	/** UPPERCASE object name as used in `<object>` and create elements. */
	name: string;
	/** Human label used in messages, e.g. "Could not create Customer record." */
	label: string;
	/** The ID field readByName and update use, e.g. CUSTOMERID; undefined = RECORDNO only. */
	idField?: string;
	/** Store sequence for RECORDNO (AR records share `PRRECORD`, like Intacct's prrecord). */
	sequence: string;
	/** Whether the store stamps WHENCREATED with the creation time (else the object sets it). */
	stampsCreated: boolean;
	fields: FieldDef[];
	lines?: LineCollection;
	/** Which generic write functions the object supports. */
	generic: { create: boolean; update: boolean; delete: boolean };
	/** Error for a duplicate ID field value (default: "Another <label> with the given value(s)…"). */
	duplicateError?(id: string): IntacctError;
	/** Extra create/update rules after per-field parsing; may add derived values. */
	validate?(
		ctx: IntacctContext,
		values: Record<string, FieldValue | undefined>,
		existing: StoredRecord | undefined,
	): void;
	/** Full control of a generic create (ARPYMT); returns the new record. */
	createRecord?(ctx: IntacctContext, input: GenericInput): StoredRecord;
	/** Rules checked before a delete; throw FunctionFailure to refuse. */
	beforeDelete?(ctx: IntacctContext, record: StoredRecord): void;
	/** Computed read-only values (e.g. CUSTOMER TOTALDUE), prepared once per read call. */
	derive?(ctx: IntacctContext): (record: StoredRecord) => Row;
}
