import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import sharp from 'sharp';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index.ts';
import { createTestApp, createTestDatabase, latestCode, loginToken, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
const tokens: Record<string, string> = {};
const PHU_XUAN = { lat: 16.4698, lng: 107.5786 };
const BBOX = '107.5,16.4,107.7,16.5';
const WITHHOLD_REASON = 'Ảnh thấy rõ biển số xe và mặt người đi đường';
const OTHER_CITIZEN = { login: 'ngo.thi.lan@example.vn', password: 'hoa phượng đỏ sân trường', fullName: 'Ngô Thị Lan' };
const xml = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'request' });

beforeAll(async () => {
  t = await createTestApp();
  for (const [name, login] of Object.entries({
    citizen: 'citizen@demo.onecity.local',
    wardOfficer: 'ward.officer@demo.onecity.local',
    deptOfficer: 'dept.officer@demo.onecity.local',
    ioc: 'ioc@demo.onecity.local',
    auditor: 'auditor@demo.onecity.local',
  })) {
    tokens[name] = await loginToken(t.app, login);
  }
  // A second citizen, who did not file the report.
  await t.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: OTHER_CITIZEN });
  await t.app.inject({ method: 'POST', url: '/api/v1/auth/verify', payload: { login: OTHER_CITIZEN.login, code: await latestCode(t, OTHER_CITIZEN.login) } });
  tokens.otherCitizen = await loginToken(t.app, OTHER_CITIZEN.login, OTHER_CITIZEN.password);
});
afterAll(async () => t?.dispose());

const as = (who: string | null): Record<string, string> => (who ? { authorization: `Bearer ${tokens[who]}` } : {});
const get = (url: string, who: string | null = null) => t.app.inject({ method: 'GET', url, headers: as(who) });
const review = (who: string, code: string, photoId: string, payload: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: `/api/v1/reports/${code}/photos/${photoId}/review`, headers: { ...as(who), ...headers }, payload });

async function uploadPhoto(who: string, kind: 'before' | 'after'): Promise<string> {
  const body = await sharp({ create: { width: 400, height: 300, channels: 3, background: kind === 'before' ? '#8a5a2b' : '#2f6b3a' } }).jpeg().toBuffer();
  const response = await t.app.inject({ method: 'POST', url: `/api/v1/reports/photos?kind=${kind}`, headers: { ...as(who), 'content-type': 'image/jpeg' }, payload: body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().photoId;
}

async function fileWithPhoto(): Promise<{ code: string; photoId: string }> {
  const photoId = await uploadPhoto('citizen', 'before');
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/reports',
    headers: as('citizen'),
    payload: { categoryCode: 'ENCROACHMENT', description: 'Xe tải đậu chắn hết vỉa hè, thấy rõ biển số và người đi đường.', location: PHU_XUAN, photoIds: [photoId] },
  });
  expect(response.statusCode, response.body).toBe(201);
  return { code: response.json().code, photoId };
}

/** What every public surface shows of the report's photos: the public page, the map list, Open311 JSON and XML. */
async function publicView(code: string) {
  const page = await get(`/api/v1/reports/${code}`);
  expect(page.statusCode).toBe(200);
  const list = await get(`/api/v1/reports?bbox=${BBOX}&limit=1000`);
  expect(list.json().items.some((item: { code: string }) => item.code === code)).toBe(true);
  const open311Json = await get(`/open311/v2/requests/${code}.json`);
  expect(open311Json.statusCode, open311Json.body).toBe(200);
  const open311Xml = await get(`/open311/v2/requests/${code}.xml`);
  expect(open311Xml.statusCode).toBe(200);
  const xmlRequest = (xml.parse(open311Xml.body) as { service_requests: { request: { media_url: string }[] } }).service_requests.request[0];
  return {
    photoIds: (page.json().photos as { id: string }[]).map((photo) => photo.id),
    bodies: [page.body, list.body, open311Json.body, open311Xml.body],
    mediaUrlJson: (open311Json.json() as { media_url: string | null }[])[0]?.media_url,
    mediaUrlXml: xmlRequest?.media_url,
  };
}

const photoUrl = (code: string, photoId: string) => `/api/v1/reports/${code}/photos/${photoId}`;

async function auditActions(photoId: string) {
  return t.handle.db.selectFrom('audit_log').select(['action', 'diff', 'actor_id']).where('target_id', '=', photoId).where('action', '=', 'report_photo.review').orderBy('seq').execute();
}

async function reviewEvents(code: string) {
  return t.handle.db
    .selectFrom('report_events as e')
    .innerJoin('reports as r', 'r.id', 'e.report_id')
    .select(['e.type', 'e.is_public', 'e.actor_kind', 'e.details'])
    .where('r.code', '=', code)
    .where('e.type', '=', 'photo_review')
    .orderBy('e.id')
    .execute();
}

describe("a citizen's photo before review", () => {
  let code = '';
  let photoId = '';
  beforeAll(async () => {
    ({ code, photoId } = await fileWithPhoto());
  });

  it('is on no public surface: page, map list, Open311 JSON and XML, or the image address', async () => {
    const view = await publicView(code);
    expect(view.photoIds).toEqual([]);
    for (const body of view.bodies) expect(body).not.toContain(photoId);
    expect(view.mediaUrlJson).toBeNull();
    expect(view.mediaUrlXml).toBe('');
    const listing = await get('/open311/v2/requests.json?service_code=ENCROACHMENT');
    expect(listing.body).toContain(code);
    expect(listing.body).not.toContain(photoId);
    for (const size of ['full', 'thumb']) {
      const image = await get(`${photoUrl(code, photoId)}?size=${size}`);
      expect(image.statusCode).toBe(404);
      expect(image.json().code).toBe('reports.photo_not_found');
    }
  });

  it('is shown to its reporter, marked pending, never cached by shared caches', async () => {
    const mine = await get(`/api/v1/reports/${code}/photos`, 'citizen');
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toEqual({
      items: [{ id: photoId, kind: 'before', width: 400, height: 300, url: photoUrl(code, photoId), thumbnailUrl: `${photoUrl(code, photoId)}?size=thumb`, reviewStatus: 'pending', reviewedAt: null, reviewReason: null }],
      canReview: false,
    });
    const image = await get(photoUrl(code, photoId), 'citizen');
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/jpeg');
    expect(image.headers['cache-control']).toBe('private, no-store');
  });

  it('is not shown to a citizen who did not file the report', async () => {
    const theirs = await get(`/api/v1/reports/${code}/photos`, 'otherCitizen');
    expect(theirs.statusCode).toBe(403);
    expect((await get(photoUrl(code, photoId), 'otherCitizen')).statusCode).toBe(404);
    expect((await get(`/api/v1/reports/${code}`, 'otherCitizen')).json().photos).toEqual([]);
    expect((await get(`/api/v1/reports/${code}/photos`)).statusCode).toBe(401);
  });

  it("is shown to the handling unit's officer and the IOC, who may review it, and to auditors, who may not", async () => {
    for (const who of ['wardOfficer', 'ioc']) {
      const staff = await get(`/api/v1/reports/${code}/photos`, who);
      expect(staff.statusCode, who).toBe(200);
      expect(staff.json()).toMatchObject({ items: [{ id: photoId, reviewStatus: 'pending' }], canReview: true });
      expect((await get(photoUrl(code, photoId), who)).statusCode).toBe(200);
    }
    const auditor = await get(`/api/v1/reports/${code}/photos`, 'auditor');
    expect(auditor.json()).toMatchObject({ items: [{ id: photoId, reviewStatus: 'pending' }], canReview: false });
    const queue = await get('/api/v1/console/reports?unit=PHUXUAN_KT', 'wardOfficer');
    expect(queue.json().items.find((item: { code: string }) => item.code === code)).toMatchObject({ pendingPhotos: 1 });
  });

  it('may not be reviewed by an officer of another unit, an auditor or the reporter', async () => {
    expect((await get(`/api/v1/reports/${code}/photos`, 'deptOfficer')).statusCode).toBe(403);
    for (const who of ['deptOfficer', 'auditor', 'citizen', 'otherCitizen']) {
      const response = await review(who, code, photoId, { decision: 'publish' });
      expect(response.statusCode, who).toBe(403);
      expect(response.json().code).toBe('auth.forbidden');
    }
    expect(await auditActions(photoId)).toEqual([]);
    expect((await publicView(code)).photoIds).toEqual([]);
  });

  it('refuses a withholding without a reason and other bad input, in the caller language, writing nothing', async () => {
    const noReason = await review('wardOfficer', code, photoId, { decision: 'withhold' }, { 'accept-language': 'en' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ code: 'reports.review_reason_required', detail: 'Give a reason for withholding the photo.', errors: [{ field: 'reason' }] });
    const blank = await review('wardOfficer', code, photoId, { decision: 'withhold', reason: '   ' });
    expect(blank.json()).toMatchObject({ code: 'reports.review_reason_required', detail: 'Cần nêu lý do không công bố ảnh.' });
    expect((await review('wardOfficer', code, photoId, { decision: 'maybe' })).json().code).toBe('http.validation_failed');
    expect((await review('wardOfficer', code, photoId, { decision: 'publish', extra: true })).statusCode).toBe(400);
    expect((await review('wardOfficer', code, 'not-a-uuid', { decision: 'publish' })).statusCode).toBe(400);
    const unknown = await review('wardOfficer', code, '00000000-0000-4000-8000-000000000000', { decision: 'publish' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('reports.photo_not_found');
    const other = await fileWithPhoto();
    expect((await review('wardOfficer', other.code, photoId, { decision: 'publish' })).statusCode).toBe(404);
    expect(await auditActions(photoId)).toEqual([]);
    expect(await reviewEvents(code)).toEqual([]);
  });
});

describe('reviewing a photo', () => {
  let code = '';
  let photoId = '';
  beforeAll(async () => {
    ({ code, photoId } = await fileWithPhoto());
  });

  it('publishes it on every public surface, audited and on the staff-only timeline', async () => {
    const published = await review('wardOfficer', code, photoId, { decision: 'publish' });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ isChanged: true, photo: { id: photoId, reviewStatus: 'published', reviewReason: null, reviewedAt: expect.any(String) } });

    const view = await publicView(code);
    expect(view.photoIds).toEqual([photoId]);
    const absolute = `${t.app.ctx.config.publicUrl}${photoUrl(code, photoId)}`;
    expect(view.mediaUrlJson).toBe(absolute);
    expect(view.mediaUrlXml).toBe(absolute);
    const image = await get(photoUrl(code, photoId));
    expect(image.statusCode).toBe(200);
    expect(image.headers['cache-control']).toBe('public, max-age=600');
    expect((await get(`${photoUrl(code, photoId)}?size=thumb`)).statusCode).toBe(200);
    expect((await get(`/api/v1/reports/${code}/photos`, 'citizen')).json().items[0]).toMatchObject({ reviewStatus: 'published' });

    const ward = await t.handle.db.selectFrom('users').select('id').where('email', '=', 'ward.officer@demo.onecity.local').executeTakeFirstOrThrow();
    expect(await auditActions(photoId)).toEqual([
      { action: 'report_photo.review', actor_id: ward.id, diff: { before: { reviewStatus: 'pending' }, after: { reviewStatus: 'published' }, details: { reportCode: code, kind: 'before' } } },
    ]);
    expect(await reviewEvents(code)).toEqual([{ type: 'photo_review', is_public: false, actor_kind: 'unit_officer', details: { photoId, kind: 'before', from: 'pending', to: 'published' } }]);
    const timeline = (await get(`/api/v1/reports/${code}`)).json().timeline.map((event: { type: string }) => event.type);
    expect(timeline).not.toContain('photo_review');
    expect((await get('/open311/v2/servicerequestupdates.json')).body).not.toContain(photoId);
    const queue = await get('/api/v1/console/reports?unit=PHUXUAN_KT', 'wardOfficer');
    expect(queue.json().items.find((item: { code: string }) => item.code === code)).toMatchObject({ pendingPhotos: 0 });
  });

  it('changes nothing and records nothing when the same decision comes again', async () => {
    const again = await review('ioc', code, photoId, { decision: 'publish' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ isChanged: false, photo: { reviewStatus: 'published' } });
    expect(await auditActions(photoId)).toHaveLength(1);
    expect(await reviewEvents(code)).toHaveLength(1);
  });

  it('withholds a published photo with a reason that only staff see', async () => {
    const withheld = await review('ioc', code, photoId, { decision: 'withhold', reason: `  ${WITHHOLD_REASON} ` });
    expect(withheld.statusCode, withheld.body).toBe(200);
    expect(withheld.json()).toMatchObject({ isChanged: true, photo: { reviewStatus: 'withheld', reviewReason: WITHHOLD_REASON } });

    const view = await publicView(code);
    expect(view.photoIds).toEqual([]);
    expect(view.mediaUrlJson).toBeNull();
    for (const body of [...view.bodies, (await get('/open311/v2/servicerequestupdates.json')).body]) {
      expect(body).not.toContain(photoId);
      expect(body).not.toContain(WITHHOLD_REASON);
    }
    expect((await get(photoUrl(code, photoId))).statusCode).toBe(404);
    expect((await get(`/api/v1/reports/${code}/photos`, 'wardOfficer')).json().items[0]).toMatchObject({ reviewStatus: 'withheld', reviewReason: WITHHOLD_REASON });
    const reporterView = (await get(`/api/v1/reports/${code}/photos`, 'citizen')).json().items[0];
    expect(reporterView).toMatchObject({ reviewStatus: 'withheld', reviewReason: null });

    const again = await review('wardOfficer', code, photoId, { decision: 'withhold', reason: 'Một lý do khác' });
    expect(again.json()).toMatchObject({ isChanged: false, photo: { reviewReason: WITHHOLD_REASON } });
    const audits = await auditActions(photoId);
    expect(audits.map((row) => row.diff)).toEqual([
      expect.objectContaining({ after: { reviewStatus: 'published' } }),
      { before: { reviewStatus: 'published' }, after: { reviewStatus: 'withheld' }, details: { reportCode: code, kind: 'before', reason: WITHHOLD_REASON } },
    ]);
    expect((await reviewEvents(code)).map((event) => [event.actor_kind, event.details.to])).toEqual([
      ['unit_officer', 'published'],
      ['ioc', 'withheld'],
    ]);
  });

  it('still lets staff paint over a photo, then publish it', async () => {
    const redacted = await t.app.inject({ method: 'POST', url: `${photoUrl(code, photoId)}/redact`, headers: as('wardOfficer'), payload: { boxes: [{ x: 0, y: 0, width: 0.5, height: 0.5 }] } });
    expect(redacted.statusCode).toBe(204);
    expect((await review('wardOfficer', code, photoId, { decision: 'publish' })).json()).toMatchObject({ isChanged: true, photo: { reviewStatus: 'published', reviewReason: null } });
    const image = await get(photoUrl(code, photoId));
    const pixels = await sharp(image.rawPayload).raw().toBuffer({ resolveWithObject: true });
    expect(pixels.data[(10 * pixels.info.width + 10) * pixels.info.channels]).toBeLessThan(20);
  });

  it("publishes the officials' after-photos with their answer at once", async () => {
    const filed = await fileWithPhoto();
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/reports/${filed.code}/actions`, headers: as('wardOfficer'), payload: { type: 'take' } })).statusCode).toBe(200);
    const afterId = await uploadPhoto('wardOfficer', 'after');
    const resolved = await t.app.inject({
      method: 'POST',
      url: `/api/v1/reports/${filed.code}/actions`,
      headers: as('wardOfficer'),
      payload: { type: 'resolve', answer: 'Đã lập biên bản, xe đã được di chuyển.', photoIds: [afterId] },
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    const view = await publicView(filed.code);
    // The citizen's photo still waits for review; the answer's photo is public and is the report's media.
    expect(view.photoIds).toEqual([afterId]);
    expect(view.mediaUrlJson).toBe(`${t.app.ctx.config.publicUrl}${photoUrl(filed.code, afterId)}`);
    const staff = (await get(`/api/v1/reports/${filed.code}/photos`, 'wardOfficer')).json().items;
    expect(staff.map((photo: { kind: string; reviewStatus: string }) => [photo.kind, photo.reviewStatus])).toEqual([
      ['before', 'pending'],
      ['after', 'published'],
    ]);
    // Once published, the citizen's photo comes first.
    await review('wardOfficer', filed.code, filed.photoId, { decision: 'publish' });
    expect((await publicView(filed.code)).mediaUrlJson).toBe(`${t.app.ctx.config.publicUrl}${photoUrl(filed.code, filed.photoId)}`);
  });
});

describe('photos stored before the review existed', () => {
  it('stay published, so nothing disappears from existing data', async () => {
    const database = await createTestDatabase();
    try {
      const db = database.handle.db;
      const names = Object.keys(migrations).sort();
      const previous = names[names.indexOf('20261130090000_add-report-photo-review') - 1];
      if (previous === undefined) throw new Error('the review migration is not in the history');
      const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
      expect((await migrator.migrateTo(previous)).error).toBeUndefined();
      const user = await sql<{ id: string }>`insert into users (full_name, email, password_hash) values ('Người tải ảnh', 'uploader@example.vn', 'x') returning id`.execute(db);
      const uploader = user.rows[0]?.id;
      await sql`insert into report_photos (kind, uploaded_by, content_type, width, height, image, thumbnail, byte_size) values ('before', ${uploader}, 'image/jpeg', 1, 1, '\\x00', '\\x00', 1)`.execute(db);
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      const old = await sql<{ review_status: string; reviewed_by: string | null }>`select review_status, reviewed_by from report_photos`.execute(db);
      expect(old.rows).toEqual([{ review_status: 'published', reviewed_by: null }]);
      // New rows start pending, and a withheld photo always says who withheld it, when and why.
      await sql`insert into report_photos (kind, uploaded_by, content_type, width, height, image, thumbnail, byte_size) values ('before', ${uploader}, 'image/jpeg', 1, 1, '\\x00', '\\x00', 1)`.execute(db);
      const statuses = await sql<{ review_status: string }>`select review_status from report_photos order by created_at, review_status`.execute(db);
      expect(statuses.rows.map((row) => row.review_status).sort()).toEqual(['pending', 'published']);
      await expect(sql`update report_photos set review_status = 'withheld' where review_status = 'pending'`.execute(db)).rejects.toThrow(/report_photos_review_check/);
    } finally {
      await database.dispose();
    }
  });
});
