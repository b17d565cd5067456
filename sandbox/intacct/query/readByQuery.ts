import { errors, fail } from '../errors';
import type { ObjectDef } from '../objects/types';
import * as p from './predicates';
import type { CompareOp, Predicate } from './predicates';

/**
 * The readByQuery `<query>` string grammar (spec §5.1):
 *
 *   expr       := term (OR term)*
 *   term       := factor (AND factor)*
 *   factor     := NOT factor | '(' expr ')' | condition
 *   condition  := FIELD op literal | FIELD [NOT] LIKE literal | FIELD [NOT] IN '(' literal, … ')'
 *               | FIELD IS [NOT] NULL
 *   op         := = | != | <> | < | <= | > | >=
 *   literal    := 'single-quoted, \' escapes a quote, \\ a backslash' | number
 *
 * Keywords and field names are case-insensitive; string comparisons are case-sensitive.
 * An empty query matches every record. `rownum` is not modelled.
 */
type Token =
	| { kind: 'word'; text: string; upper: string }
	| { kind: 'string'; text: string }
	| { kind: 'number'; text: string }
	| { kind: 'op'; text: CompareOp }
	| { kind: 'punct'; text: '(' | ')' | ',' };

const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'LIKE', 'IN', 'IS', 'NULL']);

function syntaxError(query: string, at: number): never {
	const near = query.slice(at, at + 20) || 'end of query';
	fail(errors.queryError(`Syntax error in query near '${near}'.`));
}

export function tokenize(query: string): Array<Token & { at: number }> {
	const tokens: Array<Token & { at: number }> = [];
	let i = 0;
	while (i < query.length) {
		const ch = query[i];
		if (/\s/.test(ch)) {
			i++;
			continue;
		}
		const at = i;
		if (ch === "'") {
			let value = '';
			i++;
			for (;;) {
				if (i >= query.length) syntaxError(query, at);
				const c = query[i];
				if (c === '\\' && (query[i + 1] === "'" || query[i + 1] === '\\')) {
					value += query[i + 1];
					i += 2;
				} else if (c === "'") {
					i++;
					break;
				} else {
					value += c;
					i++;
				}
			}
			tokens.push({ kind: 'string', text: value, at });
			continue;
		}
		const rest = query.slice(i);
		const number = /^-?\d+(\.\d+)?/.exec(rest);
		if (number) {
			tokens.push({ kind: 'number', text: number[0], at });
			i += number[0].length;
			continue;
		}
		const op = /^(<=|>=|<>|!=|=|<|>)/.exec(rest);
		if (op) {
			tokens.push({ kind: 'op', text: op[0] === '<>' ? '!=' : (op[0] as CompareOp), at });
			i += op[0].length;
			continue;
		}
		if (ch === '(' || ch === ')' || ch === ',') {
			tokens.push({ kind: 'punct', text: ch, at });
			i++;
			continue;
		}
		const word = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(rest);
		if (!word) syntaxError(query, at);
		tokens.push({ kind: 'word', text: word[0], upper: word[0].toUpperCase(), at });
		i += word[0].length;
	}
	return tokens;
}

/** Parses and type-checks a readByQuery query string into a predicate over the object's rows. */
export function compileReadByQuery(def: ObjectDef, query: string): Predicate {
	const tokens = tokenize(query);
	if (tokens.length === 0) return p.matchAll;
	let pos = 0;
	const peek = () => tokens[pos];
	const atEnd = () => pos >= tokens.length;
	const error = (): never => syntaxError(query, atEnd() ? query.length : tokens[pos].at);
	const isKeyword = (kw: string) => {
		const t = peek();
		return t?.kind === 'word' && t.upper === kw;
	};
	const expectKeyword = (kw: string) => (isKeyword(kw) ? pos++ : error());
	const isPunct = (ch: string) => peek()?.kind === 'punct' && peek().text === ch;
	const expectPunct = (ch: string) => (isPunct(ch) ? pos++ : error());
	const literal = (): string => {
		const t = peek();
		if (t?.kind !== 'string' && t?.kind !== 'number') return error();
		pos++;
		return t.text;
	};

	const condition = (): Predicate => {
		const t = peek();
		if (t?.kind !== 'word' || KEYWORDS.has(t.upper)) return error();
		pos++;
		const field = p.resolveQueryField(def, t.text);
		const next = peek();
		if (next?.kind === 'op') {
			pos++;
			return p.comparison(field, next.text, literal());
		}
		if (isKeyword('IS')) {
			pos++;
			const negated = isKeyword('NOT') ? (pos++, true) : false;
			expectKeyword('NULL');
			return p.isNull(field, negated);
		}
		const negated = isKeyword('NOT') ? (pos++, true) : false;
		if (isKeyword('LIKE')) {
			pos++;
			return p.like(field, literal(), negated);
		}
		if (isKeyword('IN')) {
			pos++;
			expectPunct('(');
			const values = [literal()];
			while (isPunct(',')) {
				pos++;
				values.push(literal());
			}
			expectPunct(')');
			return p.inList(field, values, negated);
		}
		return error();
	};

	const factor = (): Predicate => {
		if (isKeyword('NOT')) {
			pos++;
			return p.not(factor());
		}
		if (isPunct('(')) {
			pos++;
			const inner = expr();
			expectPunct(')');
			return inner;
		}
		return condition();
	};

	const term = (): Predicate => {
		const parts = [factor()];
		while (isKeyword('AND')) {
			pos++;
			parts.push(factor());
		}
		return parts.length === 1 ? parts[0] : p.and(parts);
	};

	const expr = (): Predicate => {
		const parts = [term()];
		while (isKeyword('OR')) {
			pos++;
			parts.push(term());
		}
		return parts.length === 1 ? parts[0] : p.or(parts);
	};

	const predicate = expr();
	if (!atEnd()) error();
	return predicate;
}
