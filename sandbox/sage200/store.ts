import type { Clock } from '../shared/clock';
import { dayOf, sageTimestamp } from './values';
import type {
	Bank,
	Contact,
	Currency,
	Customer,
	NominalCode,
	PostedTransaction,
	Site,
	Stamped,
	TaxCode,
} from './types';

/** One collection of a company, in insertion (= id) order. Records are mutated in place. */
export class Table<T extends Stamped> {
	private rows = new Map<number, T>();

	all(): T[] {
		return [...this.rows.values()];
	}

	get(id: number): T | undefined {
		return this.rows.get(id);
	}

	find(predicate: (record: T) => boolean): T | undefined {
		for (const record of this.rows.values()) if (predicate(record)) return record;
		return undefined;
	}

	filter(predicate: (record: T) => boolean): T[] {
		return this.all().filter(predicate);
	}

	insert(record: T): T {
		if (this.rows.has(record.id)) throw new Error(`Duplicate id ${record.id}`);
		this.rows.set(record.id, record);
		return record;
	}

	delete(id: number): boolean {
		return this.rows.delete(id);
	}

	get size(): number {
		return this.rows.size;
	}
}

export interface AllocationSession {
	date: string;
	lines: Array<{ transactionId: number; value: number }>;
}

export interface CompanyInfo {
	name: string;
	telephone: string;
	email: string;
	website: string;
	tax_registration_number: string;
	/** Country (id in country_codes terms) and address of the company itself. */
	country_code_id: number;
	/** Defaults for new customers: tax code record id and sales nominal reference. */
	default_tax_code_id: number;
	default_sales_nominal: string;
	/** Nominal references the ledger posts to. */
	debtors_control_nominal: string;
	sales_tax_nominal: string;
	address: { address_1: string; city: string; postcode: string; country: string };
}

/**
 * Everything one Sage 200 company holds. Ids come from one sequence per company (Sage's are
 * per-database record ids), URNs from another.
 */
export class CompanyData {
	readonly customers = new Table<Customer>();
	readonly contacts = new Table<Contact>();
	readonly transactions = new Table<PostedTransaction>();
	readonly banks = new Table<Bank>();
	readonly nominalCodes = new Table<NominalCode>();
	readonly taxCodes = new Table<TaxCode>();
	readonly currencies = new Table<Currency>();
	/** Customer id by (upper-case) reference: references are unique and never change. */
	readonly customerReferences = new Map<string, number>();
	/** Each POST /sales_allocations: which transactions it touched and by how much. */
	readonly allocationSessions = new Map<number, AllocationSession>();
	private lastId = 27000;
	private lastUrn = 0;
	private lastSession = 0;

	constructor(
		readonly site: Site,
		readonly companyId: number,
		readonly info: CompanyInfo,
		readonly clock: Clock,
	) {}

	newId(): number {
		this.lastId += 1;
		return this.lastId;
	}

	newUrn(): number {
		this.lastUrn += 1;
		return this.lastUrn;
	}

	newAllocationSession(session: AllocationSession): number {
		this.lastSession += 1;
		this.allocationSessions.set(this.lastSession, session);
		return this.lastSession;
	}

	/** Now, as `date_time_*` fields print it. */
	now(): string {
		return sageTimestamp(this.clock.now());
	}

	/** Today's date (the "system date" Sage defaults transaction dates to). */
	today(): string {
		return dayOf(this.clock.now());
	}

	/** Fresh id and timestamps for a new record. */
	stamp(): Stamped {
		const now = this.now();
		return { id: this.newId(), date_time_created: now, date_time_updated: now };
	}

	touch(record: Stamped): void {
		record.date_time_updated = this.now();
	}

	baseCurrency(): Currency {
		const base = this.currencies.find((c) => c.row.is_base_currency === true);
		if (!base) throw new Error(`Company ${this.companyId} has no base currency`);
		return base;
	}
}

/** All sandbox state: the sites the Sage ID user can see and each company's data. */
export class Sage200Store {
	sites: Site[] = [];
	private companies = new Map<number, CompanyData>();

	constructor(
		readonly clock: Clock,
		private readonly seeder: (store: Sage200Store) => void = () => undefined,
	) {
		this.reset();
	}

	reset(): void {
		this.sites = [];
		this.companies.clear();
		this.seeder(this);
	}

	addSite(site: Omit<Site, 'companies'>): Site {
		const added = { ...site, companies: [] };
		this.sites.push(added);
		return added;
	}

	addCompany(site: Site, companyId: number, info: CompanyInfo): CompanyData {
		if (this.companies.has(companyId)) throw new Error(`Duplicate company id ${companyId}`);
		site.companies.push({ company_id: companyId, company_name: info.name });
		const data = new CompanyData(site, companyId, info, this.clock);
		this.companies.set(companyId, data);
		return data;
	}

	/** A company by its id (company ids are unique across sites here). */
	company(companyId: number): CompanyData | undefined {
		return this.companies.get(companyId);
	}

	/** A company by name, e.g. `Demo UK Ltd` (handy in tests). */
	companyNamed(name: string): CompanyData {
		for (const data of this.companies.values()) if (data.info.name === name) return data;
		throw new Error(`No company named ${name}`);
	}

	allCompanies(): CompanyData[] {
		return [...this.companies.values()];
	}
}
