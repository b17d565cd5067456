import { invalidQuery } from '../errors';
import { instantOf } from '../values';

/**
 * `$filter` as the Sage 200 guide describes it (spec §6): eq ne gt ge lt le, and/or/not,
 * brackets, 'quoted strings' ('' escapes a quote), numbers, true/false/null, dates
 * (2016-02-23) and datetimes, which must end in Z (2016-02-24T09:52:11.452Z), plus
 * contains/startswith/endswith. Text compares case-insensitively, as SQL Server's default
 * collation under Sage does.
 */

export type Json = Record<string, unknown>;
export type Predicate = (row: Json) => boolean;

type Token =
	| { t: 'punct'; v: '(' | ')' | ',' }
	| { t: 'string'; v: string }
	| { t: 'number'; v: number }
	| { t: 'instant'; v: number; text: string }
	| { t: 'word'; v: string };

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?/;
const DATE = /^\d{4}-\d{2}-\d{2}(?![\d:T])/;
const NUMBER = /^-?\d+(?:\.\d+)?(?![\w.-])/;
const WORD = /^[A-Za-z_][A-Za-z0-9_]*/;

function instant(text: string, iso: string): Token {
	const v = instantOf(iso);
	if (Number.isNaN(v)) throw invalidQuery(`'${text}' is not a valid date.`);
	return { t: 'instant', v, text };
}

function tokenize(source: string): Token[] {
	const tokens: Token[] = [];
	let rest = source;
	while ((rest = rest.replace(/^\s+/, '')) !== '') {
		const c = rest[0];
		let m: RegExpExecArray | null;
		if (c === '(' || c === ')' || c === ',') {
			tokens.push({ t: 'punct', v: c });
			rest = rest.slice(1);
		} else if (c === "'") {
			const end = /^'((?:[^']|'')*)'/.exec(rest);
			if (!end) throw invalidQuery(`There is an unterminated string literal in '${source}'.`);
			tokens.push({ t: 'string', v: end[1].replace(/''/g, "'") });
			rest = rest.slice(end[0].length);
		} else if ((m = DATE_TIME.exec(rest))) {
			if (m[1] === undefined) {
				throw invalidQuery(
					`The datetime literal '${m[0]}' has no time zone; datetimes in $filter must end in Z.`,
				);
			}
			tokens.push(instant(m[0], m[0]));
			rest = rest.slice(m[0].length);
		} else if ((m = DATE.exec(rest))) {
			tokens.push(instant(m[0], `${m[0]}T00:00:00Z`));
			rest = rest.slice(m[0].length);
		} else if ((m = NUMBER.exec(rest))) {
			tokens.push({ t: 'number', v: Number(m[0]) });
			rest = rest.slice(m[0].length);
		} else if ((m = WORD.exec(rest))) {
			tokens.push({ t: 'word', v: m[0] });
			rest = rest.slice(m[0].length);
		} else {
			throw invalidQuery(`Syntax error at '${rest.slice(0, 20)}' in '${source}'.`);
		}
	}
	return tokens;
}

type Value =
	| { type: 'string'; v: string }
	| { type: 'number'; v: number }
	| { type: 'boolean'; v: boolean }
	| { type: 'instant'; v: number }
	| { type: 'null' };
type Operand = (row: Json) => Value;

const STORED_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/;
const EDM: Record<Value['type'], string> = {
	string: 'Edm.String',
	number: 'Edm.Decimal',
	boolean: 'Edm.Boolean',
	instant: 'Edm.DateTimeOffset',
	null: 'null',
};
const OPERATORS = ['eq', 'ne', 'gt', 'ge', 'lt', 'le'] as const;
type Operator = (typeof OPERATORS)[number];
const OPERATOR_KIND: Record<Operator, string> = {
	eq: 'Equal',
	ne: 'NotEqual',
	gt: 'GreaterThan',
	ge: 'GreaterThanOrEqual',
	lt: 'LessThan',
	le: 'LessThanOrEqual',
};

function valueOf(raw: unknown, field: string): Value {
	if (raw === null || raw === undefined) return { type: 'null' };
	if (typeof raw === 'number') return { type: 'number', v: raw };
	if (typeof raw === 'boolean') return { type: 'boolean', v: raw };
	if (typeof raw === 'string') {
		return STORED_DATE_TIME.test(raw)
			? { type: 'instant', v: instantOf(raw) }
			: { type: 'string', v: raw };
	}
	throw invalidQuery(`The property '${field}' is a complex type and cannot be used in $filter.`);
}

function compare(a: Value, b: Value, op: Operator): boolean {
	if (a.type === 'null' || b.type === 'null') {
		const same = a.type === b.type;
		return op === 'eq' ? same : op === 'ne' ? !same : false;
	}
	if (a.type !== b.type) {
		throw invalidQuery(
			`A binary operator with incompatible types was detected. Found operand types '${EDM[a.type]}' and '${EDM[b.type]}' for operator kind '${OPERATOR_KIND[op]}'.`,
		);
	}
	let x: string | number | boolean = a.v;
	let y: string | number | boolean = (b as typeof a).v;
	if (typeof x === 'string') [x, y] = [x.toLowerCase(), String(y).toLowerCase()];
	switch (op) {
		case 'eq':
			return x === y;
		case 'ne':
			return x !== y;
		case 'gt':
			return x > y;
		case 'ge':
			return x >= y;
		case 'lt':
			return x < y;
		case 'le':
			return x <= y;
	}
}

const FUNCTIONS: Record<string, (haystack: string, needle: string) => boolean> = {
	contains: (h, n) => h.includes(n),
	startswith: (h, n) => h.startsWith(n),
	endswith: (h, n) => h.endsWith(n),
};

/** Recursive-descent parser: or < and < not < comparison. */
class Parser {
	private at = 0;

	constructor(
		private readonly tokens: Token[],
		private readonly source: string,
		private readonly hasField: (name: string) => boolean,
		private readonly typeName: string,
	) {}

	parse(): Predicate {
		const predicate = this.or();
		if (this.at < this.tokens.length) this.fail();
		return predicate;
	}

	private fail(): never {
		const token = this.tokens[this.at];
		const near = token ? `'${'text' in token ? token.text : String(token.v)}'` : 'the end';
		throw invalidQuery(`Syntax error at ${near} in '${this.source}'.`);
	}

	private peekWord(...words: string[]): boolean {
		const token = this.tokens[this.at];
		return token?.t === 'word' && words.includes(token.v);
	}

	private expect(v: '(' | ')' | ','): void {
		const token = this.tokens[this.at];
		if (token?.t !== 'punct' || token.v !== v) this.fail();
		this.at += 1;
	}

	private or(): Predicate {
		const parts = [this.and()];
		while (this.peekWord('or')) {
			this.at += 1;
			parts.push(this.and());
		}
		return parts.length === 1 ? parts[0] : (row) => parts.some((p) => p(row));
	}

	private and(): Predicate {
		const parts = [this.not()];
		while (this.peekWord('and')) {
			this.at += 1;
			parts.push(this.not());
		}
		return parts.length === 1 ? parts[0] : (row) => parts.every((p) => p(row));
	}

	private not(): Predicate {
		if (this.peekWord('not')) {
			this.at += 1;
			const inner = this.not();
			return (row) => !inner(row);
		}
		return this.comparison();
	}

	private comparison(): Predicate {
		const token = this.tokens[this.at];
		if (token?.t === 'punct' && token.v === '(') {
			this.at += 1;
			const inner = this.or();
			this.expect(')');
			return inner;
		}
		const left = this.operand();
		const next = this.tokens[this.at];
		if (next?.t === 'word' && (OPERATORS as readonly string[]).includes(next.v)) {
			this.at += 1;
			const right = this.operand();
			const op = next.v as Operator;
			return (row) => compare(left(row), right(row), op);
		}
		return (row) => {
			const value = left(row);
			return value.type === 'boolean' && value.v;
		};
	}

	private operand(): Operand {
		const token = this.tokens[this.at];
		if (!token) this.fail();
		this.at += 1;
		switch (token.t) {
			case 'string':
				return () => ({ type: 'string', v: token.v });
			case 'number':
				return () => ({ type: 'number', v: token.v });
			case 'instant':
				return () => ({ type: 'instant', v: token.v });
			case 'punct':
				return this.fail();
			case 'word':
				return this.word(token.v);
		}
	}

	private word(name: string): Operand {
		if (name === 'true' || name === 'false') return () => ({ type: 'boolean', v: name === 'true' });
		if (name === 'null') return () => ({ type: 'null' });
		const fn = FUNCTIONS[name.toLowerCase()];
		const open = this.tokens[this.at];
		if (fn && open?.t === 'punct' && open.v === '(') {
			this.at += 1;
			const haystack = this.operand();
			this.expect(',');
			const needle = this.operand();
			this.expect(')');
			return (row) => {
				const h = haystack(row);
				const n = needle(row);
				if (h.type === 'null' || n.type === 'null') return { type: 'boolean', v: false };
				if (h.type !== 'string' || n.type !== 'string') {
					throw invalidQuery(`The function '${name}' takes two text arguments.`);
				}
				return { type: 'boolean', v: fn(h.v.toLowerCase(), n.v.toLowerCase()) };
			};
		}
		if (!this.hasField(name)) {
			throw invalidQuery(`Could not find a property named '${name}' on type '${this.typeName}'.`);
		}
		return (row) => valueOf(row[name], name);
	}
}

/**
 * Compiles a `$filter` into a predicate over API-shaped rows. `hasField` says which property
 * names exist on the resource (unknown ones are a 400, as in OData).
 */
export function compileFilter(
	source: string,
	hasField: (name: string) => boolean,
	typeName: string,
): Predicate {
	const tokens = tokenize(source);
	if (tokens.length === 0) throw invalidQuery('The $filter query option is empty.');
	return new Parser(tokens, source, hasField, typeName).parse();
}
