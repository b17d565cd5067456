/**
 * Process environment for running the n8n engine outside jest (jest gets the same from
 * test/setup/env.js). Import this before anything that loads n8n-core: n8n-core keeps an
 * encryption-key file under $N8N_USER_FOLDER, which must not be the developer's ~/.n8n.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

if (process.env.N8N_USER_FOLDER === undefined) {
	const folder = mkdtempSync(path.join(tmpdir(), 'n8n-bench-'));
	process.env.N8N_USER_FOLDER = folder;
	process.on('exit', () => rmSync(folder, { recursive: true, force: true }));
}
process.env.N8N_ENCRYPTION_KEY ??= 'bench-encryption-key-not-secret';
// n8n-core logs every node error with its stack; the bench reports failures itself.
process.env.N8N_LOG_LEVEL ??= 'silent';
