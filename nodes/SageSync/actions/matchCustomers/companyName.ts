/** Legal-form words dropped from the end of a name: "Acme Ltd", "Acme Limited" and "ACME" are one. */
const LEGAL_SUFFIXES = [
	['public', 'limited', 'company'],
	['limited', 'liability', 'partnership'],
	['limited', 'liability', 'company'],
	['ltd'],
	['limited'],
	['plc'],
	['llp'],
	['llc'],
	['lp'],
	['inc'],
	['incorporated'],
	['corp'],
	['corporation'],
	['co'],
	['company'],
	['gmbh'],
];

function endsWith(words: string[], suffix: string[]): boolean {
	if (words.length <= suffix.length) return false;
	return suffix.every((w, i) => words[words.length - suffix.length + i] === w);
}

/**
 * The company name as the Company Name strategy compares it: accents, case and punctuation
 * dropped, "&" read as "and", a leading "The" and trailing legal forms (Ltd, Limited, PLC, LLP,
 * Inc, Co, …) removed. Two different companies that normalise alike are reported as ambiguous by
 * the matcher, never merged.
 */
export function normaliseCompanyName(name: string): string {
	const plain = name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/['’.]/g, '')
		.replace(/[&+]/g, ' and ')
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
	let words = plain ? plain.split(' ') : [];
	if (words.length > 1 && words[0] === 'the') words = words.slice(1);
	let changed = true;
	while (changed) {
		changed = false;
		for (const suffix of LEGAL_SUFFIXES) {
			if (endsWith(words, suffix)) {
				words = words.slice(0, words.length - suffix.length);
				changed = true;
			}
		}
		if (words.length > 1 && words[words.length - 1] === 'and') {
			words = words.slice(0, -1);
			changed = true;
		}
	}
	return words.join(' ');
}
