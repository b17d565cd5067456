import type { AuthService, Caller } from './auth';
import type { IntacctConfig } from './config';
import type { IntacctStore } from './store';

/** What a function handler (and an object's business rules) can see while it runs. */
export interface IntacctContext {
	store: IntacctStore;
	config: IntacctConfig;
	auth: AuthService;
	/** The authenticated user, company and entity of the current operation. */
	caller: Caller;
	/** This sandbox's gateway URL (returned by getAPISession). */
	endpoint: string;
}
