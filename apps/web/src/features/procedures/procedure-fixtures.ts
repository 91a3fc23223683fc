import type { Agency, DossierDetail, Procedure, ProcedureSummary } from '@onecity/contracts';

/** Test data: a ward-level birth registration and a department-level procedure, dossiers, and Huế's agencies. */

export const BIRTH_FORM_SCHEMA: Record<string, unknown> = {
  type: 'object',
  required: ['child_name', 'birth_date', 'gender'],
  properties: {
    child_name: { type: 'string', title: 'Họ và tên người được khai sinh', 'x-title-en': 'Full name of the child', minLength: 2, maxLength: 100 },
    birth_date: { type: 'string', format: 'date', title: 'Ngày sinh', 'x-title-en': 'Date of birth' },
    gender: { type: 'string', enum: ['male', 'female'], title: 'Giới tính', 'x-title-en': 'Sex', 'x-enum-labels-vi': ['Nam', 'Nữ'], 'x-enum-labels-en': ['Male', 'Female'] },
    birth_order: { type: 'integer', title: 'Con thứ', 'x-title-en': 'Birth order', minimum: 1, maximum: 20 },
    hospital_code: { type: 'string', title: 'Mã cơ sở y tế', 'x-title-en': 'Health facility code', description: 'Hai chữ cái in hoa và ba chữ số.', pattern: '^[A-Z]{2}[0-9]{3}$' },
    is_twin: { type: 'boolean', title: 'Sinh đôi', 'x-title-en': 'Twin' },
  },
};

export const BIRTH_REGISTRATION: Procedure = {
  code: '1.001193',
  nameVi: 'Đăng ký khai sinh',
  nameEn: 'Birth registration',
  fieldVi: 'Hộ tịch',
  fieldEn: 'Civil status',
  level: 'ward',
  agencyCode: null,
  agencyNameVi: null,
  agencyNameEn: null,
  processingTime: { amount: 3, unit: 'working_days' },
  fees: [{ code: 'le_phi', nameVi: 'Lệ phí đăng ký khai sinh', nameEn: 'Birth registration fee', amount: 8000 }],
  feeTotal: 8000,
  components: [
    { code: 'to_khai', nameVi: 'Tờ khai đăng ký khai sinh', nameEn: 'Birth registration form', isRequired: true, copies: 1, templateUrl: '/templates/to-khai-khai-sinh.pdf', isReusable: false },
    { code: 'giay_chung_sinh', nameVi: 'Giấy chứng sinh', nameEn: 'Birth certificate from the hospital', isRequired: true, copies: 1, templateUrl: null, isReusable: false },
    { code: 'giay_to_khac', nameVi: 'Giấy tờ khác', nameEn: 'Other papers', isRequired: false, copies: 1, templateUrl: 'javascript:alert(1)', isReusable: false },
  ],
  formSchema: BIRTH_FORM_SCHEMA,
  onlineLevel: 'full',
  resultType: 'both',
  resultTemplate: { titleVi: 'Giấy khai sinh', titleEn: 'Birth certificate', bodyVi: ['Họ và tên: {{child_name}}'] },
  workflow: [
    { code: 'receive', kind: 'reception', nameVi: 'Tiếp nhận hồ sơ', nameEn: 'Reception', role: 'desk_officer', agency: 'desk', share: 10 },
    { code: 'review', kind: 'review', nameVi: 'Thẩm định hồ sơ', nameEn: 'Review', role: 'officer', agency: 'unit:VP', share: 60 },
    { code: 'approve', kind: 'approval', nameVi: 'Phê duyệt', nameEn: 'Approval', role: 'unit_lead', agency: 'self', share: 30 },
  ],
  legalBasisVi: 'Luật Hộ tịch số 60/2014/QH13\nNghị định 123/2015/NĐ-CP',
  isActive: true,
};

const summaryOf = (procedure: Procedure): ProcedureSummary => ({
  code: procedure.code,
  nameVi: procedure.nameVi,
  nameEn: procedure.nameEn,
  fieldVi: procedure.fieldVi,
  fieldEn: procedure.fieldEn,
  level: procedure.level,
  agencyCode: procedure.agencyCode,
  agencyNameVi: procedure.agencyNameVi,
  agencyNameEn: procedure.agencyNameEn,
  processingTime: procedure.processingTime,
  feeTotal: procedure.feeTotal,
  onlineLevel: procedure.onlineLevel,
  resultType: procedure.resultType,
  isActive: procedure.isActive,
});

export const BIRTH_SUMMARY = summaryOf(BIRTH_REGISTRATION);
export const CONSTRUCTION_PERMIT_SUMMARY: ProcedureSummary = {
  code: '1.009972',
  nameVi: 'Cấp giấy phép xây dựng',
  nameEn: 'Construction permit',
  fieldVi: 'Hoạt động xây dựng',
  fieldEn: 'Construction',
  level: 'department',
  agencyCode: 'SXD',
  agencyNameVi: 'Sở Xây dựng',
  agencyNameEn: 'Department of Construction',
  processingTime: { amount: 20, unit: 'working_days' },
  feeTotal: 0,
  onlineLevel: 'partial',
  resultType: 'paper',
  isActive: true,
};

const agency = (code: string, kind: Agency['kind'], nameVi: string, nameEn: string, path: string, index: number): Agency => ({
  id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
  code,
  nameVi,
  nameEn,
  kind,
  parentId: null,
  path,
  isActive: true,
});

export const HUE_AGENCIES: Agency[] = [
  agency('HUE', 'city', 'UBND thành phố Huế', 'Huế City People’s Committee', 'HUE', 1),
  agency('PHUXUAN', 'ward', 'Phường Phú Xuân', 'Phu Xuan Ward', 'HUE.PHUXUAN', 2),
  agency('PHUXUAN_HCC', 'unit', 'Trung tâm Phục vụ hành chính công Phường Phú Xuân', 'Phu Xuan Public Administration Service Centre', 'HUE.PHUXUAN.PHUXUAN_HCC', 3),
  agency('THUANHOA', 'ward', 'Phường Thuận Hóa', 'Thuan Hoa Ward', 'HUE.THUANHOA', 4),
  agency('PHUVANG', 'commune', 'Xã Phú Vang', 'Phu Vang Commune', 'HUE.PHUVANG', 5),
  agency('SXD', 'department', 'Sở Xây dựng', 'Department of Construction', 'HUE.SXD', 6),
];

export const DOSSIER_CODE = 'PHUXUAN-261129-0001';

/** A dossier of the birth registration, just filed online at Phú Xuân; overrides change any part. */
export function makeDossier(overrides: Partial<DossierDetail> = {}): DossierDetail {
  return {
    code: DOSSIER_CODE,
    procedureCode: BIRTH_REGISTRATION.code,
    procedureNameVi: BIRTH_REGISTRATION.nameVi,
    procedureNameEn: BIRTH_REGISTRATION.nameEn,
    agencyCode: 'PHUXUAN',
    agencyNameVi: 'Phường Phú Xuân',
    agencyNameEn: 'Phu Xuan Ward',
    status: 'new',
    statusCode: 1,
    submittedAt: '2026-11-29T03:00:00.000Z',
    appointmentDate: '2026-12-02',
    finishedAt: null,
    applicantName: 'Nguyễn Thị Lan',
    channel: 'online',
    deliveryMethod: 'online',
    appointmentAt: '2026-12-02T10:00:00.000Z',
    currentStep: null,
    isOverdue: false,
    feeTotal: 8000,
    applicant: { fullName: 'Nguyễn Thị Lan', idNumber: '046190000123', phone: '0905000001', email: 'lan@example.vn', address: '12 Lê Lợi, Phú Xuân, Huế' },
    formData: { child_name: 'Trần Minh An', birth_date: '2026-11-20', gender: 'male', is_twin: false },
    formSchema: BIRTH_FORM_SCHEMA,
    components: BIRTH_REGISTRATION.components,
    files: [
      { id: 'f0000000-0000-4000-8000-000000000001', componentCode: 'to_khai', kind: 'component', fileName: 'to-khai.pdf', contentType: 'application/pdf', byteSize: 250_000, createdAt: '2026-11-29T02:59:00.000Z' },
    ],
    steps: [
      { index: 0, code: 'receive', kind: 'reception', nameVi: 'Tiếp nhận hồ sơ', nameEn: 'Reception', role: 'desk_officer', agencyCode: 'PHUXUAN_HCC', agencyNameVi: 'Trung tâm Phục vụ hành chính công Phường Phú Xuân', agencyNameEn: 'Phu Xuan Public Administration Service Centre', assignee: null, startedAt: '2026-11-29T03:00:00.000Z', dueAt: '2026-11-29T10:00:00.000Z', finishedAt: null, note: null },
      { index: 1, code: 'review', kind: 'review', nameVi: 'Thẩm định hồ sơ', nameEn: 'Review', role: 'officer', agencyCode: 'PHUXUAN_VP', agencyNameVi: 'Văn phòng HĐND và UBND Phường Phú Xuân', agencyNameEn: 'Phu Xuan Office', assignee: null, startedAt: null, dueAt: '2026-12-01T10:00:00.000Z', finishedAt: null, note: null },
    ],
    timeline: [{ at: '2026-11-29T03:00:00.000Z', action: 'submit', status: 'new', note: null, actorName: 'Nguyễn Thị Lan', agencyCode: 'PHUXUAN' }],
    supplementRequests: [],
    fees: BIRTH_REGISTRATION.fees,
    feePaidAt: null,
    feePaidVia: null,
    acceptedAt: null,
    deliveredAt: null,
    apologyRequired: false,
    survey: null,
    allowedActions: ['withdraw'],
    ...overrides,
  };
}
