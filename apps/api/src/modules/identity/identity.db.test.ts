import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, latestCode, loginToken, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { LOGIN_MAX_FAILURES: '3', LOGIN_MAX_FAILURES_PER_IP: '8' } });
});
afterAll(async () => t?.dispose());

const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload, headers: { ...headers } });

describe('citizen registration, verification, login and logout', () => {
  it('runs the whole journey with a bearer token', async () => {
    const register = await post('/api/v1/auth/register', { login: 'hoa.tran@example.vn', password: 'sông Hương xanh mãi', fullName: 'Trần Thị Hoa' });
    expect(register.statusCode).toBe(201);
    expect(register.json().verification).toEqual({ channel: 'email', destination: 'ho***@example.vn' });
    expect(register.json().user).toMatchObject({ isVerified: false, assurance: 1, roles: [{ role: 'citizen', agencyId: null }] });

    const early = await post('/api/v1/auth/login', { login: 'hoa.tran@example.vn', password: 'sông Hương xanh mãi' });
    expect(early.statusCode).toBe(403);
    expect(early.json().code).toBe('identity.not_verified');

    const wrong = await post('/api/v1/auth/verify', { login: 'hoa.tran@example.vn', code: '000000' === (await latestCode(t, 'hoa.tran@example.vn')) ? '111111' : '000000' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('identity.invalid_code');

    const verify = await post('/api/v1/auth/verify', { login: 'hoa.tran@example.vn', code: await latestCode(t, 'hoa.tran@example.vn') });
    expect(verify.statusCode).toBe(200);
    expect(verify.json().user.isVerified).toBe(true);

    const login = await post('/api/v1/auth/login', { login: 'HOA.TRAN@example.vn', password: 'sông Hương xanh mãi' });
    expect(login.statusCode).toBe(200);
    const { token, user } = login.json();
    expect(user.email).toBe('hoa.tran@example.vn');
    expect(login.body).not.toMatch(/password_hash|passwordHash|argon2/);

    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().fullName).toBe('Trần Thị Hoa');

    const logout = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { authorization: `Bearer ${token}` } });
    expect(logout.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('auth.invalid_token');
  });

  it('registers by phone and refuses a taken login', async () => {
    const register = await post('/api/v1/auth/register', { login: '+84 912 345 678', password: 'một mật khẩu dài', fullName: 'Lê Văn Nam' });
    expect(register.statusCode).toBe(201);
    expect(register.json().user.phone).toBe('0912345678');
    expect(register.json().verification.channel).toBe('sms');
    const again = await post('/api/v1/auth/register', { login: '0912345678', password: 'một mật khẩu dài', fullName: 'Lê Văn Nam' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('identity.login_taken');
  });

  it('refuses weak passwords with a localised reason', async () => {
    const users = await countRows(t, 'users');
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      headers: { 'accept-language': 'en' },
      payload: { login: 'weak@example.vn', password: '1234567890', fullName: 'Weak User' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().detail).toMatch(/common password/);
    expect(await countRows(t, 'users')).toBe(users);
  });
});

describe('cookie sessions and CSRF', () => {
  it('sets an HttpOnly SameSite cookie and demands the CSRF token on changes', async () => {
    const login = await post('/api/v1/auth/login', { login: 'citizen@demo.onecity.local', password: 'OneCity-demo-2026', session: 'cookie' });
    expect(login.statusCode).toBe(200);
    expect(login.json().token).toBeUndefined();
    const setCookie = String(login.headers['set-cookie']);
    expect(setCookie).toMatch(/onecity_session=/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const cookie = setCookie.split(';')[0] ?? '';
    const csrf = login.json().csrfToken as string;

    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().csrfToken).toBe(csrf);

    const noToken = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie }, payload: { locale: 'en' } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().code).toBe('auth.csrf_invalid');
    const wrongToken = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie, 'x-csrf-token': 'x'.repeat(csrf.length) }, payload: { locale: 'en' } });
    expect(wrongToken.statusCode).toBe(403);

    const ok = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie, 'x-csrf-token': csrf }, payload: { locale: 'en' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().locale).toBe('en');
    await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie, 'x-csrf-token': csrf }, payload: { locale: 'vi' } });

    const logout = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie, 'x-csrf-token': csrf } });
    expect(logout.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).statusCode).toBe(401);
  });
});

describe('throttling, lockout and password reset', () => {
  it('locks an account after consecutive failures and unlocks it by reset', async () => {
    await post('/api/v1/auth/register', { login: 'lock.me@example.vn', password: 'mật khẩu ban đầu', fullName: 'Khóa Thử' });
    await post('/api/v1/auth/verify', { login: 'lock.me@example.vn', code: await latestCode(t, 'lock.me@example.vn') });
    const ip = { 'x-forwarded-for': '1' };
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await post('/api/v1/auth/login', { login: 'lock.me@example.vn', password: 'sai mật khẩu rồi' }, ip)).statusCode);
    expect(statuses).toEqual([401, 401, 423]);
    const locked = await post('/api/v1/auth/login', { login: 'lock.me@example.vn', password: 'mật khẩu ban đầu' });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().code).toBe('identity.account_locked');

    expect((await post('/api/v1/auth/password-reset/request', { login: 'lock.me@example.vn' })).statusCode).toBe(202);
    expect((await post('/api/v1/auth/password-reset/request', { login: 'nobody@example.vn' })).statusCode).toBe(202);
    const bad = await post('/api/v1/auth/password-reset/confirm', { login: 'lock.me@example.vn', code: '999999', newPassword: 'mật khẩu mới tinh' });
    expect(bad.statusCode).toBe(400);
    const code = await latestCode(t, 'lock.me@example.vn');
    const reset = await post('/api/v1/auth/password-reset/confirm', { login: 'lock.me@example.vn', code, newPassword: 'mật khẩu mới tinh' });
    expect(reset.statusCode).toBe(204);
    const reused = await post('/api/v1/auth/password-reset/confirm', { login: 'lock.me@example.vn', code, newPassword: 'mật khẩu khác nữa' });
    expect(reused.statusCode).toBe(400);
    expect((await post('/api/v1/auth/login', { login: 'lock.me@example.vn', password: 'mật khẩu ban đầu' })).statusCode).toBe(401);
    expect((await post('/api/v1/auth/login', { login: 'lock.me@example.vn', password: 'mật khẩu mới tinh' })).statusCode).toBe(200);
  });

  it('throttles one address after too many failures', async () => {
    const remote = { remoteAddress: '203.0.113.7' };
    const statuses: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: `ghost${i}@example.vn`, password: 'whatever-password' }, ...remote });
      statuses.push(response.statusCode);
      if (response.statusCode === 429) expect(response.headers['retry-after']).toBeDefined();
    }
    expect(statuses.slice(0, 8).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(8)).toEqual([429, 429]);
    const other = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'citizen@demo.onecity.local', password: 'OneCity-demo-2026' }, remoteAddress: '198.51.100.1' });
    expect(other.statusCode).toBe(200);
  });
});

describe('officials and roles', () => {
  it('lets an admin create an official whose grants show in /me', async () => {
    const admin = await loginToken(t.app, 'admin@demo.onecity.local');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/users',
      headers: { authorization: `Bearer ${admin}` },
      payload: { fullName: 'Ngô Văn Phúc', email: 'phuc@hue.gov.vn', password: 'một mật khẩu tốt', roles: [{ role: 'officer', agencyCode: 'KIMLONG_KT' }] },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ isVerified: true, assurance: 2, roles: [{ role: 'officer', agencyCode: 'KIMLONG_KT' }] });
    const token = await loginToken(t.app, 'phuc@hue.gov.vn', 'một mật khẩu tốt');
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.json().roles[0].agencyName).toBe('Phòng Kinh tế, Hạ tầng và Đô thị Phường Kim Long');

    const grant = await t.app.inject({ method: 'POST', url: `/api/v1/admin/users/${created.json().id}/roles`, headers: { authorization: `Bearer ${admin}` }, payload: { role: 'unit_lead', agencyCode: 'KIMLONG' } });
    expect(grant.statusCode).toBe(201);
    const duplicate = await t.app.inject({ method: 'POST', url: `/api/v1/admin/users/${created.json().id}/roles`, headers: { authorization: `Bearer ${admin}` }, payload: { role: 'unit_lead', agencyCode: 'KIMLONG' } });
    expect(duplicate.statusCode).toBe(409);
    const noAgency = await t.app.inject({ method: 'POST', url: `/api/v1/admin/users/${created.json().id}/roles`, headers: { authorization: `Bearer ${admin}` }, payload: { role: 'officer' } });
    expect(noAgency.statusCode).toBe(400);
    expect(noAgency.json().code).toBe('identity.grant_needs_agency');
  });

  it('keeps a ward admin inside their subtree', async () => {
    const admin = await loginToken(t.app, 'admin@demo.onecity.local');
    const wardAdmin = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/users',
      headers: { authorization: `Bearer ${admin}` },
      payload: { fullName: 'Quản trị Phú Xuân', email: 'admin.phuxuan@hue.gov.vn', password: 'quản trị phường tốt', roles: [{ role: 'admin', agencyCode: 'PHUXUAN' }] },
    });
    expect(wardAdmin.statusCode).toBe(201);
    const token = await loginToken(t.app, 'admin.phuxuan@hue.gov.vn', 'quản trị phường tốt');
    const inside = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/users',
      headers: { authorization: `Bearer ${token}` },
      payload: { fullName: 'Cán bộ Phú Xuân', email: 'cb.phuxuan@hue.gov.vn', password: 'cán bộ phường tốt', roles: [{ role: 'officer', agencyCode: 'PHUXUAN_HCC' }] },
    });
    expect(inside.statusCode).toBe(201);
    const users = await countRows(t, 'users');
    const outside = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/users',
      headers: { authorization: `Bearer ${token}` },
      payload: { fullName: 'Cán bộ Sở', email: 'cb.sxd@hue.gov.vn', password: 'cán bộ sở xây dựng', roles: [{ role: 'officer', agencyCode: 'SXD' }] },
    });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().code).toBe('agencies.outside_scope');
    expect(await countRows(t, 'users')).toBe(users);
  });

  it('shows the user list (personal data) to admins only', async () => {
    for (const login of ['citizen@demo.onecity.local', 'ward.officer@demo.onecity.local', 'ioc@demo.onecity.local']) {
      const token = await loginToken(t.app, login);
      const response = await t.app.inject({ method: 'GET', url: '/api/v1/admin/users', headers: { authorization: `Bearer ${token}` } });
      expect(response.statusCode, login).toBe(403);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/admin/users' })).statusCode).toBe(401);
    const admin = await loginToken(t.app, 'admin@demo.onecity.local');
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/admin/users?role=officer&agency=SXD', headers: { authorization: `Bearer ${admin}` } });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((u: { email: string }) => u.email)).toContain('dept.officer@demo.onecity.local');
    expect(list.json().items.map((u: { email: string }) => u.email)).not.toContain('ward.officer@demo.onecity.local');
  });

  it('seeds a demo account for every role', async () => {
    const expected: Record<string, string> = {
      'citizen@demo.onecity.local': 'citizen',
      'ward.officer@demo.onecity.local': 'officer',
      'dept.officer@demo.onecity.local': 'officer',
      'desk.officer@demo.onecity.local': 'desk_officer',
      'ioc@demo.onecity.local': 'ioc_operator',
      'admin@demo.onecity.local': 'admin',
      'unit.lead@demo.onecity.local': 'unit_lead',
      'auditor@demo.onecity.local': 'auditor',
    };
    for (const [login, role] of Object.entries(expected)) {
      const response = await post('/api/v1/auth/login', { login, password: 'OneCity-demo-2026' });
      expect(response.statusCode, login).toBe(200);
      expect(response.json().user.roles.map((r: { role: string }) => r.role)).toContain(role);
    }
  });
});
