import type { Xml, XmlElement } from '../../shared/xml';
import type { IntacctContext } from '../context';

/** What a successful function returns; failures throw FunctionFailure instead. */
export interface FunctionOutput {
	/** Legacy create_* functions: the new record's key, written as `<key>`. */
	key?: string;
	/** The `<data>` element. */
	data?: Xml;
	/** Billed API transactions by object, charged only if the function's work is kept. */
	billed?: Record<string, number>;
}

/** One `<function>` child element handler, e.g. readByQuery or create_invoice. */
export type FunctionHandler = (ctx: IntacctContext, element: XmlElement) => FunctionOutput;
