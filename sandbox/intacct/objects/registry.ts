import type { StoreSchema } from '../store';
import { arAdjustmentObject } from './aradjustment';
import { arInvoiceObject } from './arinvoice';
import { arPaymentObject } from './arpymt';
import { checkingAccountObject } from './checkingaccount';
import { customerObject } from './customer';
import { departmentObject } from './department';
import { glAccountObject } from './glaccount';
import { locationObject } from './location';
import { locationEntityObject } from './locationentity';
import type { ObjectDef } from './types';

/** Every object the sandbox models; anything else is "Object definition X not found". */
export const OBJECTS: readonly ObjectDef[] = [
	customerObject,
	arInvoiceObject,
	arPaymentObject,
	arAdjustmentObject,
	glAccountObject,
	checkingAccountObject,
	locationObject,
	locationEntityObject,
	departmentObject,
];

const byName = new Map(OBJECTS.map((def) => [def.name, def]));

/** Looks an object up by name, case-insensitively (Intacct object names are UPPERCASE). */
export function findObject(name: string): ObjectDef | undefined {
	return byName.get(name.trim().toUpperCase());
}

export const storeSchema: StoreSchema = {
	sequenceOf: (object) => findObject(object)?.sequence ?? object,
	stampsCreated: (object) => findObject(object)?.stampsCreated ?? true,
};
