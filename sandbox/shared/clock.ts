/**
 * An injectable clock. By default it follows the system time; tests freeze it or move it forward
 * to drive timestamps and session expiry deterministically.
 */
export class Clock {
	private frozenAt: number | undefined;
	private offsetMs = 0;

	now(): Date {
		return new Date(this.frozenAt ?? Date.now() + this.offsetMs);
	}

	/** Stops the clock at the given instant (it stays there until advanced or released). */
	freeze(at: Date | string | number = Date.now()): void {
		const ms = new Date(at).getTime();
		if (Number.isNaN(ms)) throw new Error(`Invalid clock time: ${String(at)}`);
		this.frozenAt = ms;
	}

	/** Moves the clock forward (works whether frozen or running). */
	advance(ms: number): void {
		if (this.frozenAt !== undefined) this.frozenAt += ms;
		else this.offsetMs += ms;
	}

	/** Back to the system time. */
	release(): void {
		this.frozenAt = undefined;
		this.offsetMs = 0;
	}

	get isFrozen(): boolean {
		return this.frozenAt !== undefined;
	}
}
