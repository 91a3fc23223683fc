/**
 * A few demo dossiers in different statuses, filed and handled through the same use cases as real ones (so their
 * timelines, audit rows and notices are real): one waiting at the desk, one waiting for its fee, one waiting for a
 * supplement, one in review, one done, one delivered with its survey and one finished late (after a second supplement
 * request). Seeded once, when there are no dossiers.
 */
import type { SubmitDossierRequest } from '@onecity/contracts';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { AuditContext } from '../core/audit/audit.ts';
import type { Actor } from '../core/auth/actor.ts';
import type { AppContext } from '../core/context.ts';
import { listUserGrants } from '../modules/identity/index.ts';
import { actOnDossier, submitDossier, submitSurvey, uploadDossierFile } from '../modules/procedures/index.ts';
import { PROCEDURE_CATALOGUE } from './procedure-catalogue.ts';

const SYSTEM: AuditContext = { actorId: null, actorRole: 'system', ip: null, requestId: 'seed:demo-dossiers' };

const APPLICANT = { fullName: 'Nguyễn Thị Hoa', idNumber: '046190000123', phone: '0905000001', email: 'citizen@demo.onecity.local', address: '12 Lê Lợi, phường Phú Xuân, thành phố Huế' };

/** Plausible answers to the required fields of a procedure's form. */
export function sampleAnswers(schema: Record<string, unknown>): Record<string, unknown> {
  const properties = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  const required = (schema.required ?? []) as string[];
  const answers: Record<string, unknown> = {};
  for (const name of required) {
    const property = properties[name] ?? {};
    if (Array.isArray(property.enum)) answers[name] = property.enum[0];
    else if (property.format === 'date') answers[name] = '2026-11-20';
    else if (property.type === 'integer' || property.type === 'number') answers[name] = Number(property.minimum ?? 1);
    else if (property.type === 'boolean') answers[name] = true;
    else {
      const max = Number(property.maxLength ?? 200);
      const min = Number(property.minLength ?? 0);
      const value = min >= 9 && max <= 12 ? '046190000123' : /name|ten/i.test(name) ? 'Nguyễn Minh An' : /address|place|noi|dia/i.test(name) ? '12 Lê Lợi, phường Phú Xuân, thành phố Huế' : String(property.title ?? name);
      answers[name] = value.slice(0, max).padEnd(min, '.');
    }
  }
  return answers;
}

async function samplePdf(title: string): Promise<Buffer> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  document.addPage([420, 595]).drawText(`OneCity demo: ${title.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd')}`, { x: 30, y: 540, size: 11, font });
  return Buffer.from(await document.save());
}

async function actorFor(ctx: AppContext, email: string): Promise<Actor> {
  const user = await ctx.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  return { userId: user.id, sessionId: 'seed', via: 'bearer', csrfToken: '', grants: await listUserGrants(ctx, user.id) };
}

/** Seeds the demo dossiers once; returns how many were filed. */
export async function seedDemoDossiers(ctx: AppContext): Promise<number> {
  const any = await ctx.db.selectFrom('dossiers').select('id').limit(1).executeTakeFirst();
  if (any) return 0;
  const actors: Record<string, Actor> = {};
  for (const [name, email] of Object.entries({
    citizen: 'citizen@demo.onecity.local',
    desk: 'desk.officer@demo.onecity.local',
    civil: 'civil.officer@demo.onecity.local',
    lead: 'ward.lead@demo.onecity.local',
  })) {
    actors[name] = await actorFor(ctx, email);
  }
  const as = (name: string) => actors[name] as Actor;

  async function file(procedureCode: string): Promise<string> {
    const procedure = PROCEDURE_CATALOGUE.find((candidate) => candidate.code === procedureCode);
    if (!procedure) throw new Error(`seed: procedure ${procedureCode} is not in the catalogue`);
    const components: SubmitDossierRequest['components'] = [];
    for (const component of procedure.components.filter((candidate) => candidate.isRequired)) {
      const uploaded = await uploadDossierFile(ctx, SYSTEM, as('citizen'), await samplePdf(component.nameVi), `${component.code}.pdf`);
      components.push({ componentCode: component.code, fileIds: [uploaded.fileId] });
    }
    const dossier = await submitDossier(ctx, SYSTEM, as('citizen'), {
      procedureCode,
      agencyCode: procedure.level === 'ward' ? 'PHUXUAN' : undefined,
      applicant: APPLICANT,
      formData: sampleAnswers(procedure.formSchema),
      components,
      deliveryMethod: 'online',
    });
    return dossier.code;
  }
  const act = (who: string, code: string, action: Parameters<typeof actOnDossier>[4]) => actOnDossier(ctx, SYSTEM, as(who), code, action);

  // 1. Waiting at the one-stop desk.
  await file('1.001193');
  // 2. Accepted with a fee due (certified copies are charged per page).
  const feeDue = await file('2.000815');
  await act('desk', feeDue, { type: 'accept', note: 'Hồ sơ hợp lệ, chờ nộp lệ phí' });
  // 3. A supplement requested during review.
  const supplement = await file('1.004873');
  await act('desk', supplement, { type: 'accept' });
  await act('desk', supplement, { type: 'record_payment', reference: 'BL-0000123' });
  await act('civil', supplement, { type: 'request_supplement', items: [{ componentCode: null, text: 'Bổ sung bản sao giấy chứng nhận ly hôn (nếu đã từng kết hôn)' }] });
  // 4. In review at the ward office.
  const review = await file('1.000656');
  await act('desk', review, { type: 'accept' });
  await act('civil', review, { type: 'assign', officerId: as('civil').userId });
  // 5. Done: the result waits for the citizen.
  const done = await file('1.000894');
  await act('desk', done, { type: 'accept' });
  await act('civil', done, { type: 'forward', note: 'Đủ điều kiện đăng ký kết hôn' });
  await act('lead', done, { type: 'approve', note: 'Đồng ý' });
  // 6. Delivered at the desk and rated by the citizen.
  const delivered = await file('1.001193');
  await act('desk', delivered, { type: 'accept' });
  await act('civil', delivered, { type: 'forward' });
  await act('lead', delivered, { type: 'approve' });
  await act('desk', delivered, { type: 'deliver', note: 'Công dân nhận trực tuyến và bản giấy tại bộ phận một cửa' });
  const answers = { overall: 5, ease_of_use: 4, on_time: 5, staff_attitude: 5, time_vs_legal_limit: 5, number_of_contacts: 5, number_of_agencies: 5, one_stop_reception: 5, publicity: 4, feedback_handling: 4, online_service_quality: 4, result_accuracy: 5 };
  await submitSurvey(ctx, SYSTEM, as('citizen'), delivered, { answers, comment: 'Thủ tục nhanh, cán bộ hướng dẫn tận tình.' });
  // 7. Finished late: Decision 766/QĐ-TTg (indicator 2.1) counts a dossier whose supplement was requested a second time
  // as overdue however fast it is then finished, and the procedures module marks it late, so the operations centre's
  // on-time figures have a late dossier to trace in the demo city.
  const late = await file('HUE-CUTRU-XNTTCT');
  await act('desk', late, { type: 'accept' });
  for (const text of ['Tờ khai CT01 chưa có chữ ký của người đề nghị', 'Tờ khai CT01 ghi thiếu địa chỉ nơi ở hiện tại']) {
    await act('civil', late, { type: 'request_supplement', items: [{ componentCode: 'to_khai', text }] });
    const form = await uploadDossierFile(ctx, SYSTEM, as('citizen'), await samplePdf('Tờ khai CT01 (bổ sung)'), 'to_khai.pdf');
    await act('citizen', late, { type: 'complete_supplement', components: [{ componentCode: 'to_khai', fileIds: [form.fileId] }] });
  }
  await act('civil', late, { type: 'forward', note: 'Đã đối chiếu Cơ sở dữ liệu về cư trú' });
  await act('lead', late, { type: 'approve' });
  return 7;
}
