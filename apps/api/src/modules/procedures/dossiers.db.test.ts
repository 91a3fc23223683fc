import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, latestCode, loginToken, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
const tokens: Record<string, string> = {};

const TEST_PROCEDURE = {
  code: 'T.000001',
  nameVi: 'Đăng ký khai sinh (thử nghiệm)',
  nameEn: 'Birth registration (test)',
  fieldVi: 'Hộ tịch',
  fieldEn: 'Civil status',
  level: 'ward',
  agencyCode: null,
  processingTime: { amount: 3, unit: 'working_days' },
  fees: [],
  components: [
    { code: 'birth_certificate', nameVi: 'Giấy chứng sinh', nameEn: 'Birth certificate', isRequired: true, copies: 1, templateUrl: null, isReusable: false },
    { code: 'authorisation', nameVi: 'Văn bản ủy quyền', nameEn: 'Authorisation', isRequired: false, copies: 1, templateUrl: null, isReusable: false },
  ],
  formSchema: {
    type: 'object',
    required: ['childFullName', 'childBirthDate', 'childSex'],
    additionalProperties: false,
    properties: {
      childFullName: { type: 'string', title: 'Họ, chữ đệm, tên của trẻ', minLength: 2, maxLength: 100 },
      childBirthDate: { type: 'string', format: 'date', title: 'Ngày sinh' },
      childSex: { type: 'string', enum: ['male', 'female'], 'x-enum-labels-vi': ['Nam', 'Nữ'], title: 'Giới tính' },
    },
  },
  onlineLevel: 'full',
  resultType: 'both',
  resultTemplate: { titleVi: 'TRÍCH LỤC KHAI SINH', titleEn: 'Birth certificate extract', bodyVi: ['Họ, chữ đệm, tên: {{childFullName}}', 'Ngày sinh: {{childBirthDate}}; giới tính: {{childSex}}', 'Người yêu cầu: {{applicant.fullName}}'] },
  workflow: [
    { code: 'reception', kind: 'reception', nameVi: 'Tiếp nhận', nameEn: 'Reception', role: 'desk_officer', agency: 'desk', share: 0 },
    { code: 'review', kind: 'review', nameVi: 'Thẩm định', nameEn: 'Review', role: 'officer', agency: 'unit:VP', share: 60 },
    { code: 'approval', kind: 'approval', nameVi: 'Phê duyệt', nameEn: 'Approval', role: 'unit_lead', agency: 'self', share: 30 },
    { code: 'result', kind: 'result', nameVi: 'Trả kết quả', nameEn: 'Return of result', role: 'desk_officer', agency: 'desk', share: 10 },
  ],
};

const FEE_PROCEDURE = {
  ...TEST_PROCEDURE,
  code: 'T.000002',
  nameVi: 'Cấp phiếu lý lịch tư pháp (thử nghiệm)',
  nameEn: 'Judicial record certificate (test)',
  fieldVi: 'Lý lịch tư pháp',
  fieldEn: 'Judicial records',
  level: 'department',
  agencyCode: 'STP',
  processingTime: { amount: 10, unit: 'working_days' },
  fees: [{ code: 'fee', nameVi: 'Phí cung cấp thông tin lý lịch tư pháp', nameEn: 'Judicial record fee', amount: 200000 }],
  workflow: [
    { code: 'reception', kind: 'reception', nameVi: 'Tiếp nhận', nameEn: 'Reception', role: 'desk_officer', agency: 'desk', share: 10 },
    { code: 'review', kind: 'review', nameVi: 'Thẩm định', nameEn: 'Review', role: 'officer', agency: 'unit:HTCT', share: 60 },
    { code: 'approval', kind: 'approval', nameVi: 'Phê duyệt', nameEn: 'Approval', role: 'unit_lead', agency: 'self', share: 30 },
  ],
};

const APPLICANT = { fullName: 'Nguyễn Thị Hoa', idNumber: '046190000123', phone: '0905000001', email: 'citizen@demo.onecity.local', address: '12 Lê Lợi, phường Phú Xuân, Huế' };
const FORM = { childFullName: 'Nguyễn Minh An', childBirthDate: '2026-11-20', childSex: 'male' };

beforeAll(async () => {
  t = await createTestApp();
  for (const [name, login] of Object.entries({
    admin: 'admin@demo.onecity.local',
    citizen: 'citizen@demo.onecity.local',
    desk: 'desk.officer@demo.onecity.local',
    civil: 'civil.officer@demo.onecity.local',
    wardLead: 'ward.lead@demo.onecity.local',
    wardOfficer: 'ward.officer@demo.onecity.local',
    deptOfficer: 'dept.officer@demo.onecity.local',
    cityDesk: 'city.desk@demo.onecity.local',
    ioc: 'ioc@demo.onecity.local',
  })) {
    tokens[name] = await loginToken(t.app, login);
  }
  // A second citizen, to prove one citizen never sees another's dossier.
  await t.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { login: 'other.citizen@example.vn', password: 'một mật khẩu dài', fullName: 'Trần Văn Khác' } });
  await t.app.inject({ method: 'POST', url: '/api/v1/auth/verify', payload: { login: 'other.citizen@example.vn', code: await latestCode(t, 'other.citizen@example.vn') } });
  tokens.other = await loginToken(t.app, 'other.citizen@example.vn', 'một mật khẩu dài');
  for (const procedure of [TEST_PROCEDURE, FEE_PROCEDURE]) {
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/procedures', headers: as('admin'), payload: procedure });
    if (created.statusCode !== 201) throw new Error(created.body);
  }
});
afterAll(async () => t?.dispose());

const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
const act = (who: string, code: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${code}/actions`, headers: as(who), payload });
const detail = async (who: string, code: string) => (await t.app.inject({ method: 'GET', url: `/api/v1/dossiers/${code}`, headers: as(who) })).json();

async function pdfFile(text = 'Giấy chứng sinh'): Promise<Buffer> {
  const document = await PDFDocument.create();
  document.addPage([300, 200]).drawText(text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd'));
  return Buffer.from(await document.save());
}

async function upload(who: string, body: Buffer, contentType = 'application/pdf', name = 'giay-chung-sinh.pdf') {
  return t.app.inject({ method: 'POST', url: '/api/v1/dossiers/files', headers: { ...as(who), 'content-type': contentType, 'x-file-name': encodeURIComponent(name) }, payload: body });
}

async function fileDossier(who = 'citizen', overrides: Record<string, unknown> = {}) {
  const file = await upload(who, await pdfFile());
  expect(file.statusCode, file.body).toBe(201);
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: as(who),
    payload: { procedureCode: TEST_PROCEDURE.code, agencyCode: 'PHUXUAN', applicant: APPLICANT, formData: FORM, components: [{ componentCode: 'birth_certificate', fileIds: [file.json().fileId] }], deliveryMethod: 'online', ...overrides },
  });
  return response;
}

async function rowCount(table: 'dossiers' | 'dossier_events' | 'dossier_files' | 'procedures' | 'audit_log'): Promise<number> {
  const result = await sql<{ count: number }>`select count(*)::int as count from ${sql.table(table)}`.execute(t.handle.db);
  return result.rows[0]?.count ?? -1;
}

describe('the procedure catalogue', () => {
  it('finds procedures with or without diacritics and by code', async () => {
    for (const q of ['khai sinh', 'KHAI SINH', 'đăng ký khai sinh', 'dang ky khai sinh', 'T.000001']) {
      const found = await t.app.inject({ method: 'GET', url: `/api/v1/procedures?q=${encodeURIComponent(q)}` });
      expect(found.statusCode).toBe(200);
      expect(found.json().items.map((item: { code: string }) => item.code), q).toContain('T.000001');
    }
    const none = await t.app.inject({ method: 'GET', url: `/api/v1/procedures?q=${encodeURIComponent('không có thủ tục này')}` });
    expect(none.json().total).toBe(0);
  });

  it('refuses broken definitions and changes nothing', async () => {
    const before = await rowCount('procedures');
    const cases: [Record<string, unknown>, string][] = [
      [{ ...TEST_PROCEDURE, code: 'T.100', workflow: TEST_PROCEDURE.workflow.map((step) => ({ ...step, share: 10 })) }, 'workflow'],
      [{ ...TEST_PROCEDURE, code: 'T.101', workflow: [TEST_PROCEDURE.workflow[0], { ...TEST_PROCEDURE.workflow[1], agency: 'unit:NOPE', share: 70 }, TEST_PROCEDURE.workflow[2]] }, 'workflow.1.agency'],
      [{ ...TEST_PROCEDURE, code: 'T.102', formSchema: { type: 'object', properties: { a: { type: 'no-such-type' } } } }, 'formSchema'],
      [{ ...TEST_PROCEDURE, code: 'T.103', level: 'department', agencyCode: 'NOPE' }, 'agencyCode'],
    ];
    for (const [payload, field] of cases) {
      const response = await t.app.inject({ method: 'POST', url: '/api/v1/procedures', headers: as('admin'), payload });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().errors.map((error: { field: string }) => error.field)).toContain(field);
    }
    const citizen = await t.app.inject({ method: 'POST', url: '/api/v1/procedures', headers: as('citizen'), payload: { ...TEST_PROCEDURE, code: 'T.104' } });
    expect(citizen.statusCode).toBe(403);
    expect(await rowCount('procedures')).toBe(before);
  });

  it('exports the catalogue in its import format and imports it back', async () => {
    const exported = await t.app.inject({ method: 'GET', url: '/api/v1/procedures/export', headers: as('admin') });
    expect(exported.statusCode).toBe(200);
    const procedures = exported.json().procedures as { code: string; nameVi: string }[];
    const test = procedures.find((procedure) => procedure.code === 'T.000001');
    expect(test).toMatchObject({ nameVi: TEST_PROCEDURE.nameVi, workflow: TEST_PROCEDURE.workflow });
    // The form keeps its author's field order although jsonb reorders keys.
    expect((test as unknown as { formSchema: Record<string, unknown> }).formSchema['x-order']).toEqual(['childFullName', 'childBirthDate', 'childSex']);
    const imported = await t.app.inject({ method: 'POST', url: '/api/v1/procedures/import', headers: as('admin'), payload: { procedures: [{ ...test, nameEn: 'Birth registration (test, re-imported)' }] } });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toEqual({ created: 0, updated: 1 });
    const read = await t.app.inject({ method: 'GET', url: '/api/v1/procedures/T.000001' });
    expect(read.json().nameEn).toBe('Birth registration (test, re-imported)');
  });
});

describe('filing a dossier', () => {
  it('checks files by their content, not their declared type', async () => {
    const text = await upload('citizen', Buffer.from('this is not a pdf at all'), 'application/pdf');
    expect(text.statusCode).toBe(400);
    expect(text.json().code).toBe('dossiers.invalid_file');
    const full = await pdfFile();
    const truncated = await upload('citizen', full.subarray(0, Math.floor(full.length / 2)), 'application/pdf');
    expect(truncated.json().code).toBe('dossiers.invalid_file');
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#fff' } }).png().toBuffer();
    const asPdf = await upload('citizen', png, 'application/pdf', 'anh.pdf');
    expect(asPdf.statusCode).toBe(201);
    expect(asPdf.json().contentType).toBe('image/png');
    const word = await upload('citizen', Buffer.from('PK\u0003\u0004 docx'), 'application/msword');
    expect(word.statusCode).toBe(415);
  });

  it('names the failing form fields and missing components and writes nothing', async () => {
    const before = [await rowCount('dossiers'), await rowCount('dossier_events')];
    const badForm = await fileDossier('citizen', { formData: { childFullName: 'A', childSex: 'other', extra: 1 } });
    expect(badForm.statusCode).toBe(400);
    expect(badForm.json().code).toBe('dossiers.invalid_form');
    const fields = badForm.json().errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['formData.childFullName', 'formData.childBirthDate', 'formData.childSex', 'formData.extra']));

    const noComponent = await t.app.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: as('citizen'),
      payload: { procedureCode: TEST_PROCEDURE.code, agencyCode: 'PHUXUAN', applicant: APPLICANT, formData: FORM, components: [], deliveryMethod: 'online' },
    });
    expect(noComponent.statusCode).toBe(400);
    expect(noComponent.json().code).toBe('dossiers.missing_components');
    expect(noComponent.json().errors[0].field).toBe('components.birth_certificate');

    const noWard = await fileDossier('citizen', { agencyCode: 'SXD' });
    expect(noWard.json().code).toBe('dossiers.agency_required');
    const otherFile = await upload('other', await pdfFile());
    const stolen = await fileDossier('citizen', { components: [{ componentCode: 'birth_certificate', fileIds: [otherFile.json().fileId] }] });
    expect(stolen.json().code).toBe('dossiers.file_unusable');
    const paperByCitizen = await fileDossier('citizen', { channel: 'in_person' });
    expect(paperByCitizen.statusCode).toBe(403);
    expect([await rowCount('dossiers'), await rowCount('dossier_events')]).toEqual(before);
  });

  it('gives the code {agency}-{yymmdd}-{NNNN} and the appointment from the working-day calendar', async () => {
    const response = await fileDossier();
    expect(response.statusCode, response.body).toBe(201);
    const dossier = response.json();
    expect(dossier.code).toMatch(/^PHUXUAN-\d{6}-\d{4}$/);
    expect(dossier.status).toBe('new');
    expect(dossier.statusCode).toBe(1);
    const deadline = await t.app.inject({ method: 'GET', url: `/api/v1/calendar/deadline?from=${encodeURIComponent(dossier.submittedAt)}&workingDays=3` });
    expect(dossier.appointmentDate).toBe(deadline.json().dueDate);
    expect(new Date(dossier.appointmentAt).toISOString()).toBe(new Date(deadline.json().dueAt).toISOString());
    // Every step has its own due date, the last one with the appointment.
    expect(dossier.steps.map((step: { kind: string }) => step.kind)).toEqual(['reception', 'review', 'approval', 'result']);
    expect(new Date(dossier.steps[3].dueAt).toISOString()).toBe(new Date(dossier.appointmentAt).toISOString());
    expect(dossier.steps.map((step: { agencyCode: string }) => step.agencyCode)).toEqual(['PHUXUAN_HCC', 'PHUXUAN_VP', 'PHUXUAN', 'PHUXUAN_HCC']);
  });

  it('never gives two concurrent filings the same code', async () => {
    const files = await Promise.all(Array.from({ length: 8 }, async () => (await upload('citizen', await pdfFile())).json().fileId as string));
    const responses = await Promise.all(
      files.map((fileId) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/dossiers',
          headers: as('citizen'),
          payload: { procedureCode: TEST_PROCEDURE.code, agencyCode: 'PHUXUAN', applicant: APPLICANT, formData: FORM, components: [{ componentCode: 'birth_certificate', fileIds: [fileId] }], deliveryMethod: 'post' },
        }),
      ),
    );
    const codes = responses.map((response) => response.json().code as string);
    expect(responses.every((response) => response.statusCode === 201)).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe('who sees a dossier', () => {
  let code = '';
  beforeAll(async () => {
    code = (await fileDossier()).json().code;
  });

  it('shows it to its owner and the agencies of its steps only', async () => {
    for (const who of ['citizen', 'desk', 'civil', 'wardLead', 'admin']) {
      const response = await t.app.inject({ method: 'GET', url: `/api/v1/dossiers/${code}`, headers: as(who) });
      expect(response.statusCode, who).toBe(200);
    }
    for (const who of ['other', 'wardOfficer', 'deptOfficer', 'ioc']) {
      const response = await t.app.inject({ method: 'GET', url: `/api/v1/dossiers/${code}`, headers: as(who) });
      expect(response.statusCode, who).toBe(404);
    }
    const fileId = (await detail('citizen', code)).files[0].id;
    const file = await t.app.inject({ method: 'GET', url: `/api/v1/dossiers/${code}/files/${fileId}`, headers: as('other') });
    expect(file.statusCode).toBe(404);
    const own = await t.app.inject({ method: 'GET', url: `/api/v1/dossiers/${code}/files/${fileId}`, headers: as('citizen') });
    expect(own.statusCode).toBe(200);
    expect(own.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const mine = await t.app.inject({ method: 'GET', url: '/api/v1/dossiers', headers: as('other') });
    expect(mine.json().items.map((item: { code: string }) => item.code)).not.toContain(code);
  });

  it('answers the public look-up by code without personal data', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/dossiers/lookup?code=${code}` });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ code, status: 'new', agencyCode: 'PHUXUAN', procedureCode: 'T.000001' });
    expect(response.body).not.toContain(APPLICANT.fullName);
    expect(response.body).not.toContain(APPLICANT.idNumber);
    expect(response.body).not.toContain('Nguyễn Minh An');
    const unknown = await t.app.inject({ method: 'GET', url: '/api/v1/dossiers/lookup?code=PHUXUAN-000101-9999' });
    expect(unknown.statusCode).toBe(404);
    const malformed = await t.app.inject({ method: 'GET', url: '/api/v1/dossiers/lookup?code=%27%3Bdrop' });
    expect(malformed.statusCode).toBe(400);
  });

  it('keeps a ward officer of another unit from acting on the step', async () => {
    const response = await act('wardOfficer', code, { type: 'accept' });
    expect(response.statusCode).toBe(404);
    const civil = await act('civil', code, { type: 'accept' });
    expect(civil.statusCode).toBe(403);
    expect((await detail('desk', code)).status).toBe('new');
  });
});

describe('a birth registration from filing to survey', () => {
  let code = '';

  it('runs intake, supplement, approval, delivery and survey', async () => {
    code = (await fileDossier()).json().code;
    const intake = await t.app.inject({ method: 'GET', url: '/api/v1/dossiers?queue=intake', headers: as('desk') });
    expect(intake.json().items.map((item: { code: string }) => item.code)).toContain(code);
    expect((await detail('desk', code)).allowedActions).toEqual(expect.arrayContaining(['accept', 'reject', 'request_supplement']));

    const accepted = await act('desk', code, { type: 'accept', note: 'Hồ sơ đủ thành phần' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', currentStep: { kind: 'review', agencyCode: 'PHUXUAN_VP' } });

    const work = await t.app.inject({ method: 'GET', url: '/api/v1/dossiers?queue=mine', headers: as('civil') });
    expect(work.json().items.map((item: { code: string }) => item.code)).toContain(code);

    // Say the dossier was received long ago: the request records that appointment, completion recomputes it.
    await t.handle.db.updateTable('dossiers').set({ appointment_date: '2026-01-05', received_on: '2026-01-01' }).where('code', '=', code).execute();
    // A supplement request lists every missing item at once.
    const request = await act('civil', code, { type: 'request_supplement', items: [{ componentCode: 'authorisation', text: 'Bổ sung văn bản ủy quyền có chứng thực' }, { componentCode: null, text: 'Ghi rõ nơi sinh' }] });
    expect(request.statusCode, request.body).toBe(200);
    expect(request.json().status).toBe('supplement_requested');
    expect(request.json().supplementRequests).toHaveLength(1);
    expect((await detail('citizen', code)).allowedActions).toEqual(expect.arrayContaining(['complete_supplement', 'withdraw']));

    const file = await upload('citizen', await pdfFile('Van ban uy quyen'), 'application/pdf', 'uy-quyen.pdf');
    const completed = await act('citizen', code, { type: 'complete_supplement', components: [{ componentCode: 'authorisation', fileIds: [file.json().fileId] }] });
    expect(completed.statusCode, completed.body).toBe(200);
    const afterSupplement = completed.json();
    expect(afterSupplement.status).toBe('accepted');
    const deadline = await t.app.inject({ method: 'GET', url: `/api/v1/calendar/deadline?from=${encodeURIComponent(afterSupplement.supplementRequests[0].completedAt)}&workingDays=3` });
    expect(afterSupplement.appointmentDate).toBe(deadline.json().dueDate);
    expect(afterSupplement.supplementRequests[0]).toMatchObject({ previousAppointmentDate: '2026-01-05', newAppointmentDate: deadline.json().dueDate });

    const forwarded = await act('civil', code, { type: 'forward', note: 'Đủ điều kiện, trình phê duyệt' });
    expect(forwarded.json()).toMatchObject({ status: 'processing', currentStep: { kind: 'approval', agencyCode: 'PHUXUAN' } });
    expect((await act('civil', code, { type: 'approve' })).statusCode).toBe(403);

    const approved = await act('wardLead', code, { type: 'approve', note: 'Đồng ý' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'done', currentStep: { kind: 'result' } });
    expect(approved.json().files.some((f: { kind: string }) => f.kind === 'result')).toBe(true);

    const result = await t.app.inject({ method: 'GET', url: `/api/v1/dossiers/${code}/result.pdf`, headers: as('citizen') });
    expect(result.statusCode).toBe(200);
    expect(result.headers['content-type']).toBe('application/pdf');
    const pdfPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-')), 'result.pdf');
    fs.writeFileSync(pdfPath, result.rawPayload);
    const text = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('TRÍCH LỤC KHAI SINH');
    expect(text).toContain('Họ, chữ đệm, tên: Nguyễn Minh An');
    expect(text).toContain('Ngày sinh: 20/11/2026; giới tính: Nam');
    expect(text).toContain(code);

    // An online result is delivered by the citizen's download.
    const delivered = await detail('citizen', code);
    expect(delivered.status).toBe('delivered');
    expect(delivered.deliveredAt).not.toBeNull();

    const answers = { overall: 5, ease_of_use: 4, on_time: 5, staff_attitude: 5, time_vs_legal_limit: 4, number_of_contacts: 5, number_of_agencies: 5, one_stop_reception: 5, publicity: 4, feedback_handling: 4, online_service_quality: 5, result_accuracy: 5 };
    const survey = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${code}/survey`, headers: as('citizen'), payload: { answers, comment: 'Nhanh, gọn' } });
    expect(survey.statusCode, survey.body).toBe(201);
    expect(survey.json().survey.answers).toEqual(answers);
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${code}/survey`, headers: as('citizen'), payload: { answers } });
    expect(again.statusCode).toBe(409);
    const byOther = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${code}/survey`, headers: as('desk'), payload: { answers } });
    expect(byOther.statusCode).toBe(403);

    const timeline = (await detail('citizen', code)).timeline.map((event: { action: string }) => event.action);
    expect(timeline).toEqual(['submit', 'accept', 'request_supplement', 'complete_supplement', 'forward', 'approve', 'download_result', 'survey']);
    const audited = await t.handle.db.selectFrom('audit_log').select('action').where('target_id', '=', code).orderBy('seq').execute();
    expect(audited.map((row) => row.action)).toEqual(['dossier.submit', 'dossier.accept', 'dossier.request_supplement', 'dossier.complete_supplement', 'dossier.forward', 'dossier.approve', 'dossier.deliver', 'dossier.survey']);
    const inbox = await t.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: as('citizen') });
    expect(JSON.stringify(inbox.json())).toContain(`Hồ sơ ${code} cần bổ sung giấy tờ`);
    expect(JSON.stringify(inbox.json())).toContain(`Hồ sơ ${code} đã được chuyển sang bước xử lý tiếp theo`);
  });

  it('refuses actions the status does not allow, and changes nothing', async () => {
    const before = await rowCount('dossier_events');
    const response = await act('wardLead', code, { type: 'approve' });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('dossiers.action_not_allowed');
    expect(response.json().detail).toContain('Đã trả kết quả');
    const withdraw = await act('citizen', code, { type: 'withdraw', reason: 'Không cần nữa' });
    expect(withdraw.statusCode).toBe(409);
    expect(await rowCount('dossier_events')).toBe(before);
  });
});

describe('late dossiers, second supplements, withdrawal, fees and paper dossiers', () => {
  it('requires an apology letter with a new working-day date before approving an overdue dossier, and counts it late', async () => {
    const code = (await fileDossier()).json().code;
    await act('desk', code, { type: 'accept' });
    await act('civil', code, { type: 'forward' });
    const past = new Date(Date.now() - 60_000);
    await t.handle.db.updateTable('dossiers').set({ appointment_at: past, legal_due_at: past }).where('code', '=', code).execute();
    const refused = await act('wardLead', code, { type: 'approve' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('dossiers.apology_required');
    expect((await detail('wardLead', code)).apologyRequired).toBe(true);

    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const badDate = await act('wardLead', code, { type: 'issue_apology', newAppointmentDate: yesterday, reason: 'Chờ xác minh' });
    expect(badDate.statusCode).toBe(400);
    const next = await t.app.inject({ method: 'GET', url: `/api/v1/calendar/deadline?from=${encodeURIComponent(new Date().toISOString())}&workingDays=2` });
    const apology = await act('wardLead', code, { type: 'issue_apology', newAppointmentDate: next.json().dueDate, reason: 'Cần xác minh thêm thông tin nơi sinh' });
    expect(apology.statusCode, apology.body).toBe(200);
    expect(apology.json().appointmentDate).toBe(next.json().dueDate);
    const letter = apology.json().files.find((f: { kind: string }) => f.kind === 'apology');
    const pdf = await t.app.inject({ method: 'GET', url: `/api/v1/dossiers/${code}/files/${letter.id}`, headers: as('citizen') });
    const pdfPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'apology-')), 'apology.pdf');
    fs.writeFileSync(pdfPath, pdf.rawPayload);
    const text = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('THƯ XIN LỖI');
    expect(text).toContain('Cần xác minh thêm thông tin nơi sinh');

    const approved = await act('wardLead', code, { type: 'approve' });
    expect(approved.statusCode, approved.body).toBe(200);
    const row = await t.handle.db.selectFrom('dossiers').select(['is_late', 'apology_count']).where('code', '=', code).executeTakeFirstOrThrow();
    expect(row).toEqual({ is_late: true, apology_count: 1 });
  });

  it('counts a dossier with two supplement requests as late even when on time', async () => {
    const code = (await fileDossier()).json().code;
    await act('desk', code, { type: 'accept' });
    for (let round = 0; round < 2; round += 1) {
      expect((await act('civil', code, { type: 'request_supplement', items: [{ componentCode: null, text: `Lần ${round + 1}` }] })).statusCode).toBe(200);
      const file = await upload('citizen', await pdfFile());
      expect((await act('citizen', code, { type: 'complete_supplement', components: [{ componentCode: 'authorisation', fileIds: [file.json().fileId] }] })).statusCode).toBe(200);
    }
    await act('civil', code, { type: 'forward' });
    expect((await act('wardLead', code, { type: 'approve' })).statusCode).toBe(200);
    const row = await t.handle.db.selectFrom('dossiers').select(['is_late', 'supplement_count']).where('code', '=', code).executeTakeFirstOrThrow();
    expect(row).toEqual({ is_late: true, supplement_count: 2 });
  });

  it('lets the citizen withdraw before the result', async () => {
    const code = (await fileDossier()).json().code;
    expect((await act('other', code, { type: 'withdraw', reason: 'x' })).statusCode).toBe(404);
    const withdrawn = await act('citizen', code, { type: 'withdraw', reason: 'Nộp nhầm thủ tục' });
    expect(withdrawn.json().status).toBe('withdrawn');
    expect((await act('desk', code, { type: 'accept' })).statusCode).toBe(409);
  });

  it('holds a fee-bearing dossier until the fee is recorded, and lets the desk receive paper dossiers', async () => {
    const file = await upload('cityDesk', await pdfFile());
    const paper = await t.app.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: as('cityDesk'),
      payload: { procedureCode: FEE_PROCEDURE.code, applicant: APPLICANT, formData: FORM, components: [{ componentCode: 'birth_certificate', fileIds: [file.json().fileId] }], deliveryMethod: 'in_person', channel: 'in_person' },
    });
    expect(paper.statusCode, paper.body).toBe(201);
    const dossier = paper.json();
    expect(dossier.code).toMatch(/^STP-\d{6}-\d{4}$/);
    expect(dossier).toMatchObject({ status: 'fee_due', channel: 'in_person', feeTotal: 200000, currentStep: { kind: 'review', agencyCode: 'STP_HTCT' } });
    expect(dossier.allowedActions).toContain('record_payment');
    const paid = await act('cityDesk', dossier.code, { type: 'record_payment', reference: 'BL-000123' });
    expect(paid.json()).toMatchObject({ status: 'accepted', feePaidVia: 'desk' });
    // The ward desk has no business with a department's dossier.
    expect((await act('desk', dossier.code, { type: 'record_payment', reference: 'x' })).statusCode).toBe(404);
  });
});

describe('reusing papers from earlier dossiers', () => {
  it('copies a file of an earlier dossier for a component marked reusable, never for others or for another citizen', async () => {
    const reusable = { ...TEST_PROCEDURE, code: 'T.000003', nameVi: 'Cấp bản sao trích lục (thử nghiệm)', components: TEST_PROCEDURE.components.map((component) => ({ ...component, isReusable: true })) };
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/procedures', headers: as('admin'), payload: reusable })).statusCode).toBe(201);
    const earlier = (await fileDossier()).json();
    const earlierFile = earlier.files[0];
    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/dossiers/files/reusable', headers: as('citizen') });
    expect(listed.json().items.map((item: { fileId: string }) => item.fileId)).toContain(earlierFile.id);
    const components = [{ componentCode: 'birth_certificate', fileIds: [earlierFile.id] }];
    const body = { procedureCode: 'T.000003', agencyCode: 'PHUXUAN', applicant: APPLICANT, formData: FORM, components, deliveryMethod: 'online' };

    const notReusable = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: as('citizen'), payload: { ...body, procedureCode: TEST_PROCEDURE.code } });
    expect(notReusable.json().code).toBe('dossiers.file_unusable');
    const byOther = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: as('other'), payload: body });
    expect(byOther.json().code).toBe('dossiers.file_unusable');

    const reused = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: as('citizen'), payload: body });
    expect(reused.statusCode, reused.body).toBe(201);
    const copy = reused.json().files[0];
    expect(copy.id).not.toBe(earlierFile.id);
    const hashes = await t.handle.db.selectFrom('dossier_files').select(['id', 'sha256', 'dossier_id']).where('id', 'in', [copy.id, earlierFile.id]).execute();
    expect(new Set(hashes.map((row) => row.sha256)).size).toBe(1);
    expect((await detail('citizen', earlier.code)).files.map((file: { id: string }) => file.id)).toContain(earlierFile.id);
  });
});

describe('statistics', () => {
  it('match the dossiers behind them', async () => {
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/dossiers/statistics?agencyCode=PHUXUAN&from=${today}&to=${today}`, headers: as('wardLead') });
    expect(response.statusCode, response.body).toBe(200);
    const stats = response.json();
    const rows = await t.handle.db
      .selectFrom('dossiers')
      .select(['status', 'channel', 'finished_at', 'is_late', 'received_on', 'has_electronic_result', 'closed_at'])
      .where('code', 'like', 'PHUXUAN-%')
      .execute();
    const counted = rows.filter((row) => row.status !== 1 && row.status !== 3 && row.received_on === today);
    expect(stats.received).toBe(counted.length);
    expect(stats.carriedOver).toBe(rows.filter((row) => row.status !== 1 && row.status !== 3 && row.received_on < today && !row.finished_at && !row.closed_at).length);
    expect(stats.doneLate).toBe(rows.filter((row) => row.finished_at && row.is_late).length);
    expect(stats.doneOnTime).toBe(rows.filter((row) => row.finished_at && !row.is_late).length);
    expect(stats.done).toBe(stats.doneLate + stats.doneOnTime);
    expect(stats.doneLate).toBeGreaterThanOrEqual(2);
    expect(stats.byChannel.online).toBe(counted.filter((row) => row.channel === 'online').length);
    expect(stats.withdrawnOrStopped).toBe(rows.filter((row) => row.status === 7 || row.status === 8).length);
    expect(stats.electronicResults).toBe(rows.filter((row) => row.has_electronic_result).length);
    expect(stats.toProcess).toBe(stats.received + stats.carriedOver);

    const csv = await t.app.inject({ method: 'GET', url: `/api/v1/dossiers/statistics?agencyCode=PHUXUAN&from=${today}&to=${today}&format=csv`, headers: as('wardLead') });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain(`PHUXUAN,${today},${today},received,"Tiếp nhận mới trong kỳ",${stats.received}`);
    const forbidden = await t.app.inject({ method: 'GET', url: `/api/v1/dossiers/statistics?agencyCode=STP&from=${today}&to=${today}`, headers: as('wardLead') });
    expect(forbidden.statusCode).toBe(403);
  });
});
