export interface MeterSnapshot {
	/** HTTP requests received on the service endpoint(s), faulted ones included. */
	roundTrips: number;
	/** Calls per function/route name, counted when the call is received. */
	functions: Record<string, number>;
	/** Billed API transactions per object (Intacct: Performance Tier units). */
	billed: Record<string, number>;
	billedTotal: number;
	/** Faults injected, by fault type. */
	faults: Record<string, number>;
	/**
	 * Milliseconds the sandbox spent working on requests (parsing, applying, answering), injected
	 * latency excluded: the part of a round trip any real server adds on top of the network.
	 * Measured by the Intacct gateway (for the performance report); 0 in the other sandboxes.
	 */
	serverMs: number;
}

function bump(counter: Record<string, number>, key: string, by = 1): void {
	counter[key] = (counter[key] ?? 0) + by;
}

/** Usage counters a sandbox exposes so tests and benchmarks can assert on call efficiency. */
export class Meter {
	private roundTrips = 0;
	private functions: Record<string, number> = {};
	private billed: Record<string, number> = {};
	private faults: Record<string, number> = {};
	private serverMs = 0;

	roundTrip(): void {
		this.roundTrips += 1;
	}

	functionCall(name: string): void {
		bump(this.functions, name);
	}

	bill(object: string, transactions = 1): void {
		if (transactions > 0) bump(this.billed, object, transactions);
	}

	fault(type: string): void {
		bump(this.faults, type);
	}

	/** Adds the time the sandbox spent on one request, its injected latency excluded. */
	serverTime(ms: number): void {
		this.serverMs += ms;
	}

	snapshot(): MeterSnapshot {
		return {
			roundTrips: this.roundTrips,
			functions: { ...this.functions },
			billed: { ...this.billed },
			billedTotal: Object.values(this.billed).reduce((sum, n) => sum + n, 0),
			faults: { ...this.faults },
			serverMs: this.serverMs,
		};
	}

	reset(): void {
		this.roundTrips = 0;
		this.functions = {};
		this.billed = {};
		this.faults = {};
		this.serverMs = 0;
	}
}
