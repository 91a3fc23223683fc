import type { Agency, DossierDetail, DossierStatistics, DossierSummary, Role, User } from '@onecity/contracts';
import { makeUser } from '../../../test/api-mock.ts';

/** Test data for the dossier screens: Phú Xuân ward's birth registration, as the demo city has it. */

const HOUR = 3600 * 1000;
/** An instant `hours` from now (negative: in the past), for live countdowns. */
export const hoursFromNow = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

const agency = (code: string, nameVi: string, kind: Agency['kind'], path: string, index: number): Agency => ({
  id: `10000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
  code,
  nameVi,
  nameEn: nameVi,
  kind,
  parentId: null,
  path,
  isActive: true,
});

export const AGENCIES: Agency[] = [
  agency('HUE', 'Thành phố Huế', 'city', 'HUE', 1),
  agency('PHUXUAN', 'Phường Phú Xuân', 'ward', 'HUE.PHUXUAN', 2),
  agency('PHUXUAN_HCC', 'Trung tâm Phục vụ hành chính công Phường Phú Xuân', 'unit', 'HUE.PHUXUAN.PHUXUAN_HCC', 3),
  agency('PHUXUAN_VP', 'Văn phòng HĐND và UBND Phường Phú Xuân', 'unit', 'HUE.PHUXUAN.PHUXUAN_VP', 4),
  agency('THUANHOA', 'Phường Thuận Hóa', 'ward', 'HUE.THUANHOA', 5),
];

/** A staff user holding `role` at `agencyCode` (and citizen, as the API always adds). */
export function staffUser(role: Role, agencyCode: string): User {
  const base = makeUser();
  return {
    ...base,
    roles: [...base.roles, { role, agencyId: '00000000-0000-4000-8000-0000000000aa', agencyCode, agencyName: AGENCIES.find((entry) => entry.code === agencyCode)?.nameVi ?? agencyCode }],
  };
}

export function makeSummary(overrides: Partial<DossierSummary> = {}): DossierSummary {
  return {
    code: 'PHUXUAN-261129-0001',
    procedureCode: '1.001193',
    procedureNameVi: 'Đăng ký khai sinh',
    procedureNameEn: 'Birth registration',
    agencyCode: 'PHUXUAN',
    agencyNameVi: 'Phường Phú Xuân',
    agencyNameEn: 'Phu Xuan Ward',
    status: 'processing',
    statusCode: 4,
    submittedAt: '2026-11-29T02:00:00.000Z',
    appointmentDate: '2026-12-02',
    finishedAt: null,
    applicantName: 'Trần Thị Mai',
    channel: 'online',
    deliveryMethod: 'online',
    appointmentAt: '2026-12-02T10:00:00.000Z',
    currentStep: {
      index: 1,
      kind: 'review',
      nameVi: 'Thẩm định hồ sơ',
      nameEn: 'Review',
      agencyCode: 'PHUXUAN_VP',
      role: 'officer',
      dueAt: hoursFromNow(2 * 24 + 3 + 0.2),
      assigneeName: null,
    },
    isOverdue: false,
    feeTotal: 0,
    ...overrides,
  };
}

const step = (index: number, overrides: Partial<DossierDetail['steps'][number]>): DossierDetail['steps'][number] => ({
  index,
  code: 'review',
  kind: 'review',
  nameVi: 'Thẩm định hồ sơ',
  nameEn: 'Review',
  role: 'officer',
  agencyCode: 'PHUXUAN_VP',
  agencyNameVi: 'Văn phòng HĐND và UBND Phường Phú Xuân',
  agencyNameEn: 'Phu Xuan Office',
  assignee: null,
  startedAt: '2026-11-29T03:00:00.000Z',
  dueAt: '2026-12-01T10:00:00.000Z',
  finishedAt: null,
  note: null,
  ...overrides,
});

export const OFFICER_ID = '00000000-0000-4000-8000-0000000000b2';
export const PDF_FILE_ID = '20000000-0000-4000-8000-000000000001';
export const PHOTO_FILE_ID = '20000000-0000-4000-8000-000000000002';

export function makeDetail(overrides: Partial<DossierDetail> = {}): DossierDetail {
  return {
    ...makeSummary(),
    applicant: { fullName: 'Trần Thị Mai', idNumber: '046190000123', phone: '0905123456', email: null, address: '12 Lê Lợi, Phú Xuân, Huế' },
    formSchema: {
      type: 'object',
      properties: {
        childName: { type: 'string', title: 'Họ, chữ đệm và tên của trẻ', 'x-title-en': "Child's full name" },
        childSex: { type: 'string', title: 'Giới tính', 'x-title-en': 'Sex', enum: ['male', 'female'], 'x-enum-labels-vi': ['Nam', 'Nữ'], 'x-enum-labels-en': ['Male', 'Female'] },
        birthDate: { type: 'string', format: 'date', title: 'Ngày sinh', 'x-title-en': 'Date of birth' },
        isDeclared: { type: 'boolean', const: true, title: 'Tôi cam đoan những nội dung trên là đúng sự thật', 'x-title-en': 'I declare the above is true' },
      },
    },
    formData: { childName: 'Nguyễn Minh An', childSex: 'female', birthDate: '2026-11-20', isDeclared: true },
    components: [
      { code: 'birth_certificate', nameVi: 'Giấy chứng sinh', nameEn: 'Birth certificate', isRequired: true, copies: 1, templateUrl: null, isReusable: false },
      { code: 'marriage_certificate', nameVi: 'Giấy chứng nhận kết hôn', nameEn: 'Marriage certificate', isRequired: true, copies: 1, templateUrl: null, isReusable: true },
      { code: 'authorisation', nameVi: 'Văn bản ủy quyền', nameEn: 'Authorisation', isRequired: false, copies: 1, templateUrl: null, isReusable: false },
    ],
    files: [
      { id: PDF_FILE_ID, componentCode: 'birth_certificate', kind: 'component', fileName: 'giay-chung-sinh.pdf', contentType: 'application/pdf', byteSize: 250_000, createdAt: '2026-11-29T02:00:00.000Z' },
      { id: PHOTO_FILE_ID, componentCode: 'birth_certificate', kind: 'component', fileName: 'anh-chup.jpg', contentType: 'image/jpeg', byteSize: 1_200_000, createdAt: '2026-11-29T02:00:00.000Z' },
    ],
    steps: [
      step(0, { code: 'reception', kind: 'reception', nameVi: 'Tiếp nhận hồ sơ', nameEn: 'Reception', role: 'desk_officer', agencyCode: 'PHUXUAN_HCC', agencyNameVi: 'Trung tâm Phục vụ hành chính công Phường Phú Xuân', assignee: { id: 'd1', fullName: 'Hoàng Thu Hà' }, finishedAt: '2026-11-29T03:00:00.000Z', note: 'Đủ hồ sơ' }),
      step(1, {}),
      step(2, { code: 'approval', kind: 'approval', nameVi: 'Phê duyệt', nameEn: 'Approval', role: 'unit_lead', agencyCode: 'PHUXUAN', agencyNameVi: 'Phường Phú Xuân', startedAt: null, dueAt: '2026-12-02T08:00:00.000Z' }),
    ],
    timeline: [
      { at: '2026-11-29T02:00:00.000Z', action: 'submit', status: 'new', note: null, actorName: 'Trần Thị Mai', agencyCode: 'PHUXUAN' },
      { at: '2026-11-29T03:00:00.000Z', action: 'accept', status: 'processing', note: 'Đủ hồ sơ', actorName: 'Hoàng Thu Hà', agencyCode: 'PHUXUAN_HCC' },
    ],
    supplementRequests: [],
    fees: [],
    feePaidAt: null,
    feePaidVia: null,
    acceptedAt: '2026-11-29T03:00:00.000Z',
    deliveredAt: null,
    apologyRequired: false,
    survey: null,
    allowedActions: ['assign', 'forward', 'send_back', 'request_supplement', 'withdraw'],
    ...overrides,
  };
}

export function makeStatistics(overrides: Partial<DossierStatistics> = {}): DossierStatistics {
  return {
    agencyCode: 'PHUXUAN',
    from: '2026-11-01',
    to: '2026-11-30',
    received: 1234,
    carriedOver: 6,
    toProcess: 1240,
    doneOnTime: 28,
    doneLate: 4,
    inProgressNotDue: 5,
    inProgressNearlyDue: 2,
    inProgressOverdue: 1,
    withdrawnOrStopped: 0,
    onTimeRate: 0.875,
    byChannel: { online: 30, in_person: 9, post: 1 },
    onlineShare: 0.75,
    feeBearing: 0,
    feePaidOnline: 0,
    feePaidOnlineShare: null,
    done: 32,
    electronicResults: 20,
    electronicResultShare: 0.625,
    ...overrides,
  };
}
