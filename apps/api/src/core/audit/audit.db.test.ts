import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, latestCode, loginToken, type TestApp } from '../../../test/harness.ts';
import { verifyAuditChain } from './audit.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.dispose());

describe('every state-changing request writes exactly one audit row', () => {
  it('for each mutation of the identity and agencies routes', async () => {
    const admin = await loginToken(t.app, 'admin@demo.onecity.local');
    const auth = { authorization: `Bearer ${admin}` };
    const steps: [string, () => Promise<number>][] = [
      ['register', async () => (await t.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { login: 'audit@example.vn', password: 'sổ ghi chép dài hơn', fullName: 'Kiểm Toán' } })).statusCode],
      ['verify', async () => (await t.app.inject({ method: 'POST', url: '/api/v1/auth/verify', payload: { login: 'audit@example.vn', code: await latestCode(t, 'audit@example.vn') } })).statusCode],
      ['login', async () => (await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'audit@example.vn', password: 'sổ ghi chép dài hơn' } })).statusCode],
      ['failed login', async () => (await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'audit@example.vn', password: 'sai mật khẩu nhé' } })).statusCode],
      ['profile', async () => (await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: auth, payload: { fullName: 'Quản trị viên' } })).statusCode],
      ['create agency', async () => (await t.app.inject({ method: 'POST', url: '/api/v1/agencies', headers: auth, payload: { code: 'SYT_KCB', nameVi: 'Phòng Khám chữa bệnh', nameEn: 'Medical Services Division', kind: 'unit', parentCode: 'SYT' } })).statusCode],
      ['create official', async () => (await t.app.inject({ method: 'POST', url: '/api/v1/admin/users', headers: auth, payload: { fullName: 'Cán Bộ Mới', email: 'moi@hue.gov.vn', password: 'một mật khẩu tốt', roles: [{ role: 'officer', agencyCode: 'SYT_KCB' }] } })).statusCode],
      ['reset request', async () => (await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/request', payload: { login: 'audit@example.vn' } })).statusCode],
      ['logout', async () => (await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: auth })).statusCode],
    ];
    for (const [name, step] of steps) {
      const before = await countRows(t, 'audit_log');
      const status = await step();
      expect(status, name).toBeLessThan(name === 'failed login' ? 500 : 300);
      expect(await countRows(t, 'audit_log'), name).toBe(before + 1);
    }
    const rows = await t.handle.db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(9).execute();
    expect(rows.map((row) => row.action).reverse()).toEqual([
      'user.register',
      'user.verify',
      'auth.login',
      'auth.login_failed',
      'user.update_profile',
      'agency.create',
      'user.create_official',
      'user.password_reset_requested',
      'auth.logout',
    ]);
    const profile = rows.find((row) => row.action === 'user.update_profile');
    expect(profile?.diff).toEqual({ before: { fullName: 'Quản trị hệ thống' }, after: { fullName: 'Quản trị viên' } });
    expect(profile?.request_id).toBeTruthy();
    expect(JSON.stringify(rows)).not.toMatch(/argon2/);
  });

  it('is readable by auditors only', async () => {
    const auditor = await loginToken(t.app, 'auditor@demo.onecity.local');
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/audit?action=agency.create&limit=5', headers: { authorization: `Bearer ${auditor}` } });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.every((row: { action: string }) => row.action === 'agency.create')).toBe(true);
    const citizen = await loginToken(t.app, 'citizen@demo.onecity.local');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/audit', headers: { authorization: `Bearer ${citizen}` } })).statusCode).toBe(403);
  });
});

describe('the hash chain', () => {
  it('verifies intact, refuses updates, and names the first altered or removed row', async () => {
    expect(await verifyAuditChain(t.handle.db)).toMatchObject({ ok: true });
    await expect(sql`update audit_log set action = 'x' where seq = 5`.execute(t.handle.db)).rejects.toThrow(/append-only/);

    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(t.handle.db);
    await sql`update audit_log set diff = '{"after":{"forged":true}}'::jsonb where seq = 7`.execute(t.handle.db);
    expect(await verifyAuditChain(t.handle.db, 3)).toMatchObject({ ok: false, firstBadSeq: 7, reason: 'altered' });
    const rest = await verifyAuditChain(t.handle.db);
    expect(rest).toMatchObject({ ok: false, firstBadSeq: 7 });

    await sql`delete from audit_log where seq = 4`.execute(t.handle.db);
    expect(await verifyAuditChain(t.handle.db)).toMatchObject({ ok: false, firstBadSeq: 4, reason: 'removed' });
    await sql`alter table audit_log enable trigger audit_log_append_only`.execute(t.handle.db);
  });
});
