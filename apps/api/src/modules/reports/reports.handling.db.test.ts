import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginToken, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
const tokens: Record<string, string> = {};
const PHU_XUAN = { lat: 16.4698, lng: 107.5786 };

beforeAll(async () => {
  t = await createTestApp();
  for (const [name, login] of Object.entries({
    citizen: 'citizen@demo.onecity.local',
    wardOfficer: 'ward.officer@demo.onecity.local',
    deptOfficer: 'dept.officer@demo.onecity.local',
    lead: 'unit.lead@demo.onecity.local',
    ioc: 'ioc@demo.onecity.local',
  })) {
    tokens[name] = await loginToken(t.app, login);
  }
});
afterAll(async () => t?.dispose());

const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
const act = (who: string, code: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/v1/reports/${code}/actions`, headers: as(who), payload });

async function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 640, height: 480, channels: 3, background: '#888' } })
    .jpeg()
    .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '16/1 28/1 11/1', GPSLongitudeRef: 'E', GPSLongitude: '107/1 34/1 43/1' } })
    .toBuffer();
}

async function upload(who: string, kind: 'before' | 'after', body: Buffer, contentType = 'image/jpeg') {
  return t.app.inject({ method: 'POST', url: `/api/v1/reports/photos?kind=${kind}`, headers: { ...as(who), 'content-type': contentType }, payload: body });
}

describe('a report from photo to rating', () => {
  let code = '';

  it('files a report with a photo whose public copy has no location', async () => {
    const uploaded = await upload('citizen', 'before', await photoWithGps());
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const submitted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: as('citizen'),
      payload: { categoryCode: 'ENCROACHMENT', description: 'Xe tải đậu chắn hết lối đi trên vỉa hè đường Lê Duẩn.', location: PHU_XUAN, photoIds: [uploaded.json().photoId] },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    code = submitted.json().code;
    // A citizen's photo is public once staff publish it (reports.photo-review.db.test.ts).
    const review = await t.app.inject({ method: 'POST', url: `/api/v1/reports/${code}/photos/${uploaded.json().photoId}/review`, headers: as('wardOfficer'), payload: { decision: 'publish' } });
    expect(review.statusCode, review.body).toBe(200);
    const page = await t.app.inject({ method: 'GET', url: `/api/v1/reports/${code}` });
    expect(page.json().photos).toHaveLength(1);
    const image = await t.app.inject({ method: 'GET', url: page.json().photos[0].url });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/jpeg');
    expect((await sharp(image.rawPayload).metadata()).exif).toBeUndefined();
    const thumb = await t.app.inject({ method: 'GET', url: page.json().photos[0].thumbnailUrl });
    expect((await sharp(thumb.rawPayload).metadata()).width).toBeLessThanOrEqual(320);

    // Staff paint over a licence plate in the top-left quarter; the citizen and other units may not.
    const photoId = page.json().photos[0].id;
    const box = { boxes: [{ x: 0, y: 0, width: 0.5, height: 0.5 }] };
    const redactUrl = `/api/v1/reports/${code}/photos/${photoId}/redact`;
    expect((await t.app.inject({ method: 'POST', url: redactUrl, headers: as('citizen'), payload: box })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: redactUrl, headers: as('deptOfficer'), payload: box })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: redactUrl, headers: as('wardOfficer'), payload: { boxes: [{ x: 0, y: 0, width: 2, height: 1 }] } })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'POST', url: redactUrl, headers: as('wardOfficer'), payload: box })).statusCode).toBe(204);
    const redacted = await t.app.inject({ method: 'GET', url: page.json().photos[0].url });
    const pixels = await sharp(redacted.rawPayload).raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) => pixels.data[(y * pixels.info.width + x) * pixels.info.channels] ?? -1;
    expect(at(10, 10)).toBeLessThan(20);
    expect(at(pixels.info.width - 10, pixels.info.height - 10)).toBeGreaterThan(100);
    // The same photo cannot be attached twice.
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: as('citizen'),
      payload: { categoryCode: 'ENCROACHMENT', description: 'Gửi lại cùng một ảnh lần thứ hai.', location: PHU_XUAN, photoIds: [uploaded.json().photoId] },
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe('reports.photo_unusable');
  });

  it('refuses files that are not photos', async () => {
    expect((await upload('citizen', 'before', Buffer.from('%PDF-1.4 pretending'))).json().code).toBe('reports.invalid_photo');
    expect((await upload('citizen', 'before', Buffer.alloc(0))).statusCode).toBe(400);
    expect((await upload('citizen', 'before', Buffer.from('GIF89a'), 'image/gif')).statusCode).toBe(415);
    expect((await upload('citizen', 'before', Buffer.alloc(11 * 1024 * 1024))).statusCode).toBe(413);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/reports/photos', headers: { 'content-type': 'image/jpeg' }, payload: await photoWithGps() })).statusCode).toBe(401);
  });

  it("keeps the reporter hidden from the unit and visible to the IOC", async () => {
    const unitQueue = await t.app.inject({ method: 'GET', url: '/api/v1/console/reports?unit=PHUXUAN_KT', headers: as('wardOfficer') });
    expect(unitQueue.statusCode).toBe(200);
    const item = unitQueue.json().items.find((r: { code: string }) => r.code === code);
    expect(item).toMatchObject({ status: 'assigned', unitCode: 'PHUXUAN_KT', reporter: null });
    expect(unitQueue.body).not.toMatch(/citizen@demo|Nguyễn Thị Hoa/);
    const iocView = await t.app.inject({ method: 'GET', url: '/api/v1/console/reports?unit=PHUXUAN_KT', headers: as('ioc') });
    expect(iocView.json().items.find((r: { code: string }) => r.code === code).reporter).toMatchObject({ fullName: 'Nguyễn Thị Hoa', email: 'citizen@demo.onecity.local' });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/console/reports?unit=SXD', headers: as('wardOfficer') })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/console/reports?triage=true', headers: as('wardOfficer') })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/console/reports?unit=PHUXUAN_KT', headers: as('citizen') })).statusCode).toBe(403);

    expect((await t.app.inject({ method: 'POST', url: `/api/v1/reports/${code}/reveal-reporter`, headers: as('wardOfficer'), payload: { reason: 'Cần liên hệ xác minh' } })).statusCode).toBe(403);
    const reveal = await t.app.inject({ method: 'POST', url: `/api/v1/reports/${code}/reveal-reporter`, headers: as('ioc'), payload: { reason: 'Đơn vị cần liên hệ để xác minh vị trí' } });
    expect(reveal.statusCode).toBe(204);
    const revealed = await t.app.inject({ method: 'GET', url: '/api/v1/console/reports?unit=PHUXUAN_KT', headers: as('wardOfficer') });
    expect(revealed.json().items.find((r: { code: string }) => r.code === code).reporter.fullName).toBe('Nguyễn Thị Hoa');
    const audit = await t.handle.db.selectFrom('audit_log').select(['diff']).where('action', '=', 'report.reveal_reporter').execute();
    expect(audit).toHaveLength(1);
  });

  it('is taken, answered with an after-photo, confirmed and rated', async () => {
    expect((await act('deptOfficer', code, { type: 'take' })).statusCode).toBe(403);
    expect((await act('wardOfficer', code, { type: 'take' })).json().status).toBe('in_progress');
    const noPhoto = await act('wardOfficer', code, { type: 'resolve', answer: 'Đã yêu cầu chủ xe di chuyển.' });
    expect(noPhoto.statusCode).toBe(400);
    expect(noPhoto.json().code).toBe('reports.action_invalid');
    const after = await upload('wardOfficer', 'after', await photoWithGps());
    const resolved = await act('wardOfficer', code, { type: 'resolve', answer: 'Kính gửi Quý Ông/Bà: đã lập biên bản và yêu cầu chủ xe di chuyển.', photoIds: [after.json().photoId] });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json().status).toBe('resolved');

    const stranger = await loginToken(t.app, 'admin@demo.onecity.local');
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/reports/${code}/rating`, headers: { authorization: `Bearer ${stranger}` }, payload: { rating: 1 } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/reports/${code}/rating`, headers: as('citizen'), payload: { rating: 6 } })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/reports/${code}/rating`, headers: as('citizen'), payload: { rating: 5, comment: 'Xử lý nhanh' } })).statusCode).toBe(204);
    expect((await act('citizen', code, { type: 'confirm' })).json().status).toBe('closed');
    expect((await act('citizen', code, { type: 'reopen', reason: 'Xe lại đậu' })).statusCode).toBe(409);

    const page = (await t.app.inject({ method: 'GET', url: `/api/v1/reports/${code}` })).json();
    expect(page).toMatchObject({ status: 'closed', rating: 5, answer: 'Kính gửi Quý Ông/Bà: đã lập biên bản và yêu cầu chủ xe di chuyển.' });
    expect(page.photos.map((p: { kind: string }) => p.kind)).toEqual(['before', 'after']);
    expect(page.timeline.map((e: { type: string }) => e.type)).toEqual(['submit', 'route', 'resolve', 'rate', 'confirm']);
    expect(JSON.stringify(page)).not.toMatch(/officerId|requestedBy|Nguyễn Thị Hoa|Trần Văn Bình/);
  });
});

describe('IOC triage', () => {
  async function fileOther(description: string) {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/reports', headers: as('citizen'), payload: { categoryCode: 'OTHER', description, location: PHU_XUAN } });
    return response.json().code as string;
  }

  it('accepts to a unit, rejects with a reason, merges duplicates', async () => {
    const first = await fileOther('Biển quảng cáo che khuất đèn tín hiệu giao thông.');
    const second = await fileOther('Biển quảng cáo che đèn giao thông ở ngã tư.');
    const spam = await fileOther('Quảng cáo bán hàng không liên quan gì cả.');
    const triage = await t.app.inject({ method: 'GET', url: '/api/v1/console/reports?triage=true', headers: as('ioc') });
    expect(triage.json().items.map((r: { code: string }) => r.code)).toEqual(expect.arrayContaining([first, second, spam]));
    expect((await act('wardOfficer', first, { type: 'accept', unitCode: 'PHUXUAN_KT' })).statusCode).toBe(403);
    const accepted = await act('ioc', first, { type: 'accept', unitCode: 'SXD_GT' });
    expect(accepted.json().status).toBe('assigned');
    expect((await act('ioc', spam, { type: 'reject', reason: '  ' })).statusCode).toBe(400);
    expect((await act('ioc', spam, { type: 'reject', reason: 'Nội dung quảng cáo, không phải phản ánh' })).json().status).toBe('rejected');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/reports/${spam}` })).statusCode).toBe(404);
    expect((await act('ioc', second, { type: 'merge', intoCode: first })).json().status).toBe('merged');
    const merged = (await t.app.inject({ method: 'GET', url: `/api/v1/reports/${second}` })).json();
    expect(merged.timeline.at(-1)).toMatchObject({ type: 'merge', details: { intoCode: first } });
    expect(JSON.stringify(merged.timeline)).not.toMatch(/intoReportId/);
    expect(triage.json().total).toBeGreaterThanOrEqual(3);
    expect((await act('ioc', first, { type: 'accept', unitCode: 'NOPE' })).statusCode).toBe(404);
  });
});

describe('extensions and transfers', () => {
  it('lets a lead decide an extension and a unit transfer a report away', async () => {
    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: as('citizen'),
      payload: { categoryCode: 'FLOODING', description: 'Cống thoát nước bị tắc, nước tràn lên mặt đường.', location: PHU_XUAN },
    });
    const { code, dueAt } = filed.json();
    expect(filed.json().unit.code).toBe('SXD_HTKT');
    // A lead hands the report to an officer of the unit; an officer cannot hand it to someone else.
    const officerId = (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: as('deptOfficer') })).json().id;
    const wardOfficerId = (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: as('wardOfficer') })).json().id;
    expect((await act('lead', code, { type: 'take', officerId: wardOfficerId })).statusCode).toBe(400);
    const assigned = await act('lead', code, { type: 'take', officerId });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json().status).toBe('in_progress');
    expect((await act('deptOfficer', code, { type: 'take', officerId: wardOfficerId })).statusCode).toBe(403);
    expect((await act('deptOfficer', code, { type: 'request_extension', workingDays: 3, reason: 'Chờ vật tư thay nắp cống' })).statusCode).toBe(200);
    expect((await act('deptOfficer', code, { type: 'request_extension', workingDays: 2, reason: 'Lần nữa' })).statusCode).toBe(409);
    expect((await act('deptOfficer', code, { type: 'decide_extension', approve: true })).statusCode).toBe(403);
    const approved = await act('lead', code, { type: 'decide_extension', approve: true });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(new Date(approved.json().dueAt).getTime()).toBeGreaterThan(new Date(dueAt).getTime());
    expect((await act('deptOfficer', code, { type: 'transfer', unitCode: 'SXD_HTKT', reason: 'Nhầm' })).statusCode).toBe(400);
    const moved = await act('deptOfficer', code, { type: 'transfer', unitCode: 'CSDT', reason: 'Thuộc hệ thống chiếu sáng ngầm' });
    expect(moved.json().status).toBe('assigned');
    expect((await act('deptOfficer', code, { type: 'take' })).statusCode).toBe(403);
    const timeline = (await t.app.inject({ method: 'GET', url: `/api/v1/reports/${code}` })).json().timeline;
    expect(timeline.at(-1)).toMatchObject({ type: 'transfer', details: { unitCode: 'CSDT', fromUnitCode: 'SXD_HTKT', reason: 'Thuộc hệ thống chiếu sáng ngầm' } });
    expect(timeline.map((e: { type: string }) => e.type)).not.toContain('request_extension');
  });
});
