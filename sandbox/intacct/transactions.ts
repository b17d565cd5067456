import type { Meter } from '../shared/meter';
import type { IntacctContext } from './context';
import { errors, FunctionFailure, intacctError } from './errors';
import { FUNCTIONS } from './functions';
import type { FunctionOutput } from './functions/types';
import type { FunctionResult, ParsedFunction, ParsedOperation } from './protocol';

interface Outcome {
	result: FunctionResult;
	output?: FunctionOutput;
}

function failure(fn: ParsedFunction, failed: FunctionFailure): FunctionResult {
	return {
		status: 'failure',
		function: fn.name,
		controlid: fn.controlId,
		data: failed.data,
		errors: failed.errors,
	};
}

const aborted = (fn: ParsedFunction): FunctionResult => ({
	status: 'aborted',
	function: fn.name,
	controlid: fn.controlId,
	errors: [errors.transactionRolledBack()],
});

/** Runs one function inside its own savepoint: a failing function leaves no partial writes. */
function runFunction(ctx: IntacctContext, fn: ParsedFunction): Outcome {
	const handler = Object.hasOwn(FUNCTIONS, fn.name) ? FUNCTIONS[fn.name] : undefined;
	if (!handler)
		return {
			result: failure(fn, new FunctionFailure([errors.unsupported(`The function ${fn.name}`)])),
		};
	const mark = ctx.store.mark();
	try {
		const output = handler(ctx, fn.element);
		return {
			result: {
				status: 'success',
				function: fn.name,
				controlid: fn.controlId,
				key: output.key,
				data: output.data,
			},
			output,
		};
	} catch (error) {
		ctx.store.rollbackTo(mark);
		if (error instanceof FunctionFailure) return { result: failure(fn, error) };
		// A sandbox bug must not take the server down: report it as a simulator-specific failure.
		const message = error instanceof Error ? error.message : String(error);
		return {
			result: failure(
				fn,
				new FunctionFailure([intacctError('SBX-INTERNAL', message, 'Sandbox error')]),
			),
		};
	}
}

/**
 * Runs an operation's functions in order (spec §2.2, §9, §13.4):
 * - `uniqueid=true`: a controlid already completed for this company fails (simulator-specific
 *   SBX-DUPCONTROLID); only successful, committed functions sent with uniqueid=true are remembered,
 *   so a failed or rolled-back function can be retried with the same controlid;
 * - `transaction="true"`: the first failure rolls back every earlier function, and every other
 *   function is reported `aborted` with XL03000009 (those after the failure are not run);
 * - billing is charged only for work that is kept.
 */
export function runOperation(
	ctx: IntacctContext,
	operation: ParsedOperation,
	uniqueIdOn: boolean,
	meter: Meter,
): FunctionResult[] {
	const { functions, transaction } = operation;
	const mixedSession = functions.length > 1 && functions.some((fn) => fn.name === 'getAPISession');
	const transactionMark = ctx.store.mark();
	const outcomes: Outcome[] = [];
	const claimed = new Set<string>();
	let failedAt = -1;

	for (const fn of functions) {
		meter.functionCall(fn.name);
		if (transaction && failedAt >= 0) {
			outcomes.push({ result: aborted(fn) });
			continue;
		}
		let outcome: Outcome;
		if (
			uniqueIdOn &&
			(claimed.has(fn.controlId) || ctx.store.isCompleted(ctx.caller.companyId, fn.controlId))
		) {
			outcome = {
				result: failure(fn, new FunctionFailure([errors.duplicateControlId(fn.controlId)])),
			};
		} else if (mixedSession && fn.name === 'getAPISession') {
			outcome = { result: failure(fn, new FunctionFailure([errors.sessionMixed()])) };
		} else {
			outcome = runFunction(ctx, fn);
		}
		if (outcome.result.status === 'success') claimed.add(fn.controlId);
		else if (failedAt < 0) failedAt = outcomes.length;
		outcomes.push(outcome);
	}

	if (transaction && failedAt >= 0) {
		ctx.store.rollbackTo(transactionMark);
		return outcomes.map((o, i) => (i === failedAt ? o.result : aborted(functions[i])));
	}
	outcomes.forEach((o, i) => {
		if (o.result.status !== 'success') return;
		for (const [object, count] of Object.entries(o.output?.billed ?? {})) meter.bill(object, count);
		if (uniqueIdOn) ctx.store.markCompleted(ctx.caller.companyId, functions[i].controlId);
	});
	return outcomes.map((o) => o.result);
}
