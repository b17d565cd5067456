import { UNAUTHORIZED_SENDER } from '../../../sandbox/intacct/seed';
import {
	call,
	child,
	envelope,
	errorsOf,
	fn,
	one,
	postRaw,
	readByQuery,
	results,
	startSandbox,
	statusOf,
	text,
} from './helpers';
import type { IntacctSandbox } from './helpers';

let sandbox: IntacctSandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => sandbox.close());

const READ = fn('r-1', readByQuery('DEPARTMENT', '', 'DEPARTMENTID'));

describe('control level', () => {
	it('answers unparseable XML with control failure XL03000003 over HTTP 200', async () => {
		const reply = await postRaw(sandbox, '<request><control><senderid>x</control></request>');
		expect(reply.status).toBe(200);
		expect(reply.contentType).toBe('text/xml; charset=utf-8');
		expect(text(reply.root, 'control/status')).toBe('failure');
		expect(errorsOf(reply.root)[0].errorno).toBe('XL03000003');
		expect(child(reply.root, 'operation')).toBeUndefined();
	});

	it('rejects a wrong sender password and echoes the control block', async () => {
		const reply = await call(sandbox, [READ], {
			senderPassword: 'nope',
			controlId: 'ctl-42',
			uniqueId: true,
		});
		expect(text(reply.root, 'control/status')).toBe('failure');
		expect(text(reply.root, 'control/senderid')).toBe(sandbox.credentials.senderId);
		expect(text(reply.root, 'control/controlid')).toBe('ctl-42');
		expect(text(reply.root, 'control/uniqueid')).toBe('true');
		expect(text(reply.root, 'control/dtdversion')).toBe('3.0');
		expect(errorsOf(reply.root)).toEqual([
			{
				errorno: 'XL03000006',
				description: '',
				description2: 'Incorrect Intacct XML Partner ID or password.',
			},
		]);
	});

	it('rejects an unknown sender id', async () => {
		const reply = await call(sandbox, [READ], { senderId: 'someone_else' });
		expect(errorsOf(reply.root)[0].errorno).toBe('XL03000006');
	});

	it('requires dtdversion 3.0', async () => {
		const reply = await call(sandbox, [READ], { dtdVersion: '2.1' });
		expect(text(reply.root, 'control/status')).toBe('failure');
		expect(text(reply.root, 'control/dtdversion')).toBe('2.1');
		expect(errorsOf(reply.root)[0].errorno).toBe('XL03000003');
	});

	it('requires a controlid attribute on every function', async () => {
		const body = envelope(sandbox, ['<function><getAPISession/></function>']);
		const reply = await postRaw(sandbox, body);
		expect(text(reply.root, 'control/status')).toBe('failure');
		expect(errorsOf(reply.root)[0].description2).toMatch(/controlid/);
	});

	it('only serves POST on the gateway path', async () => {
		expect((await fetch(sandbox.endpoint)).status).toBe(405);
		expect((await fetch(`${sandbox.url}/elsewhere`, { method: 'POST' })).status).toBe(404);
	});
});

describe('authentication level', () => {
	it('fails a bad user password with XL03000006 and echoes userid/companyid', async () => {
		const reply = await call(sandbox, [READ], { auth: { password: 'wrong' } });
		expect(text(reply.root, 'control/status')).toBe('success');
		expect(text(reply.root, 'operation/authentication/status')).toBe('failure');
		expect(text(reply.root, 'operation/authentication/userid')).toBe(sandbox.credentials.userId);
		expect(text(reply.root, 'operation/authentication/companyid')).toBe(
			sandbox.credentials.companyId,
		);
		expect(errorsOf(child(reply.root, 'operation'))).toEqual([
			{ errorno: 'XL03000006', description: '', description2: 'Sign-in information is incorrect' },
		]);
		expect(results(reply)).toHaveLength(0);
	});

	it('fails an unknown company or user the same way', async () => {
		for (const auth of [{ companyid: 'NOPE' }, { userid: 'nobody' }]) {
			const reply = await call(sandbox, [READ], { auth });
			expect(errorsOf(child(reply.root, 'operation'))[0].description2).toBe(
				'Sign-in information is incorrect',
			);
		}
	});

	it('refuses a valid sender that the company has not authorized', async () => {
		const reply = await call(sandbox, [READ], {
			senderId: UNAUTHORIZED_SENDER.senderId,
			senderPassword: UNAUTHORIZED_SENDER.senderPassword,
		});
		expect(text(reply.root, 'control/status')).toBe('success');
		expect(text(reply.root, 'operation/authentication/status')).toBe('failure');
		const [error] = errorsOf(child(reply.root, 'operation'));
		expect(error).toEqual({
			errorno: 'XL03000006',
			description: 'Invalid Web Services Authorization',
			description2: `The sender ID 'other_sender' is not authorized to make Web Services requests to company ID 'THELAYER-DEMO'.`,
		});
	});

	it('accepts the company|client|entity form and reports the entity', async () => {
		const reply = await call(sandbox, [READ], { auth: { companyid: 'THELAYER-DEMO||UK' } });
		expect(text(reply.root, 'operation/authentication/status')).toBe('success');
		expect(text(reply.root, 'operation/authentication/locationid')).toBe('UK');
	});

	it('returns ISO-8601 session timestamps with an offset on success', async () => {
		const reply = await call(sandbox, [READ]);
		const auth = child(child(reply.root, 'operation'), 'authentication');
		expect(text(auth, 'status')).toBe('success');
		expect(text(auth, 'locationid')).toBe('');
		expect(text(auth, 'sessiontimestamp')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
		expect(text(auth, 'sessiontimeout')).toMatch(/\+00:00$/);
	});
});

describe('result level', () => {
	it('echoes function name and controlid per result', async () => {
		const reply = await call(sandbox, [READ, fn('r-2', readByQuery('LOCATION', '', 'LOCATIONID'))]);
		expect(
			results(reply).map((r) => [text(r, 'function'), text(r, 'controlid'), statusOf(r)]),
		).toEqual([
			['readByQuery', 'r-1', 'success'],
			['readByQuery', 'r-2', 'success'],
		]);
	});

	it('fails an unknown function without affecting the others', async () => {
		const reply = await call(sandbox, [fn('x', '<create_bill/>'), READ]);
		const [bad, good] = results(reply);
		expect(statusOf(bad)).toBe('failure');
		expect(errorsOf(bad)[0].errorno).toBe('SBX-UNSUPPORTED');
		expect(statusOf(good)).toBe('success');
	});

	it('answers lookup with the field list', async () => {
		const result = await one(sandbox, '<lookup><object>GLACCOUNT</object></lookup>');
		expect(child(child(result, 'data'), 'Type')?.attrs.Name).toBe('GLACCOUNT');
		expect(text(result, 'data/Type/Fields/Field/ID')).toBe('RECORDNO');
	});
});
