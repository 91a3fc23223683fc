/**
 * Demo catalogue of administrative procedures for Huế: the civil-status, certification, residence, household-business,
 * construction and land procedures a ward handles since the 2025 two-level reform, and a few department procedures
 * (food safety, notaries, tourism, trade promotion, construction permits).
 *
 * CHECK BEFORE PRODUCTION. National procedure codes, processing times and fees are as published on the National Public
 * Service Portal or as recalled from the legal texts cited in `legalBasisVi`; they must be checked against
 * dichvucong.gov.vn and the city's own published list (Quyết định công bố danh mục TTHC of the City People's
 * Committee) before real use. In particular:
 * - codes starting with "HUE-" are local placeholders: the national code was not confirmed;
 * - fees set by the city People's Council (civil-status fees, household-business registration, construction permits,
 *   land certificates) are typical figures, not Huế's resolution;
 * - where the law gives "immediately, or up to N days when verification is needed", the ordinary time is used.
 *
 * Fees are integer đồng; an empty list means no fee. Workflow shares are percentages of the legal time.
 */
import type { ProcedureComponent, ProcedureFee, ProcedureInput, WorkflowStep } from '@onecity/contracts';

// ------------------------------------------------------------------ workflow

const reception = (share: number): WorkflowStep => ({
  code: 'reception', kind: 'reception', nameVi: 'Tiếp nhận hồ sơ', nameEn: 'Reception', role: 'desk_officer', agency: 'desk', share,
});
const review = (agency: string, share: number, nameVi = 'Thẩm định', nameEn = 'Specialist review', code = 'review'): WorkflowStep => ({
  code, kind: 'review', nameVi, nameEn, role: 'officer', agency, share,
});
const approval = (share: number): WorkflowStep => ({
  code: 'approval', kind: 'approval', nameVi: 'Phê duyệt', nameEn: 'Leader approval', role: 'unit_lead', agency: 'self', share,
});
const returnOfResult = (share: number): WorkflowStep => ({
  code: 'result', kind: 'result', nameVi: 'Trả kết quả', nameEn: 'Return of result', role: 'desk_officer', agency: 'desk', share,
});

/** Reception, review, approval and result shares: same-day, short (2–5 days) and long procedures. */
const SAME_DAY = [10, 50, 30, 10] as const;
const SHORT = [10, 55, 25, 10] as const;
const LONG = [5, 65, 25, 5] as const;

/** The usual four steps: the one-stop desk receives, a unit reviews, the leader approves, the desk returns the result. */
function standardWorkflow(reviewAt: string, shares: readonly [number, number, number, number], reviewVi?: string, reviewEn?: string): WorkflowStep[] {
  return [reception(shares[0]), review(reviewAt, shares[1], reviewVi, reviewEn), approval(shares[2]), returnOfResult(shares[3])];
}

// ------------------------------------------------------------------ components and fees

function doc(code: string, nameVi: string, nameEn: string, options: { required?: boolean; copies?: number; reusable?: boolean } = {}): ProcedureComponent {
  return { code, nameVi, nameEn, isRequired: options.required ?? true, copies: options.copies ?? 1, templateUrl: null, isReusable: options.reusable ?? false };
}

const fee = (code: string, nameVi: string, nameEn: string, amount: number): ProcedureFee => ({ code, nameVi, nameEn, amount });

const IDENTITY_DOC = doc(
  'giay_to_tuy_than',
  'Giấy tờ tùy thân của người yêu cầu (thẻ căn cước, hộ chiếu hoặc giấy tờ có ảnh khác), nếu thông tin chưa có trong Cơ sở dữ liệu quốc gia về dân cư',
  "Applicant's identity document (identity card, passport or other photo ID), if not already in the National Population Database",
  { required: false, reusable: true },
);
const AUTHORISATION_DOC = doc(
  'van_ban_uy_quyen',
  'Văn bản ủy quyền (trường hợp ủy quyền thực hiện thủ tục)',
  'Power of attorney (when someone files on the requester’s behalf)',
  { required: false },
);

// ------------------------------------------------------------------ application forms (JSON Schema draft-07)

type JsonSchema = Record<string, unknown>;

const text = (titleVi: string, titleEn: string, maxLength = 200): JsonSchema => ({ type: 'string', title: titleVi, 'x-title-en': titleEn, minLength: 1, maxLength });
const date = (titleVi: string, titleEn: string): JsonSchema => ({ type: 'string', format: 'date', title: titleVi, 'x-title-en': titleEn });
const integer = (titleVi: string, titleEn: string, minimum: number, maximum: number): JsonSchema => ({ type: 'integer', title: titleVi, 'x-title-en': titleEn, minimum, maximum });
const yesNo = (titleVi: string, titleEn: string): JsonSchema => ({ type: 'boolean', title: titleVi, 'x-title-en': titleEn });
/** A choice: [value, Vietnamese label, English label] per option. */
const choice = (titleVi: string, titleEn: string, options: [string, string, string][]): JsonSchema => ({
  type: 'string',
  title: titleVi,
  'x-title-en': titleEn,
  enum: options.map(([value]) => value),
  'x-enum-labels-vi': options.map(([, vi]) => vi),
  'x-enum-labels-en': options.map(([, , en]) => en),
});
/** Optional text answers may be left empty, so only required ones keep their minLength. */
function form(required: string[], properties: Record<string, JsonSchema>): JsonSchema {
  const props = Object.fromEntries(
    Object.entries(properties).map(([name, schema]) => {
      if (required.includes(name) || schema.minLength === undefined) return [name, schema];
      const { minLength: _minLength, ...rest } = schema;
      return [name, rest];
    }),
  );
  return { type: 'object', required, properties: props, additionalProperties: false };
}

const SEX = choice('Giới tính', 'Sex', [['male', 'Nam', 'Male'], ['female', 'Nữ', 'Female']]);
const ID_NUMBER = (titleVi: string, titleEn: string): JsonSchema => ({ ...text(titleVi, titleEn, 12), minLength: 9 });

// ------------------------------------------------------------------ fields (lĩnh vực)

const CIVIL_STATUS = { fieldVi: 'Hộ tịch', fieldEn: 'Civil status' };
const CERTIFICATION = { fieldVi: 'Chứng thực', fieldEn: 'Certification' };
const RESIDENCE = { fieldVi: 'Cư trú', fieldEn: 'Residence' };
const HOUSEHOLD_BUSINESS = { fieldVi: 'Hộ kinh doanh', fieldEn: 'Household business' };
const CONSTRUCTION = { fieldVi: 'Xây dựng', fieldEn: 'Construction' };
const LAND = { fieldVi: 'Đất đai', fieldEn: 'Land' };
const FOOD_SAFETY = { fieldVi: 'An toàn thực phẩm', fieldEn: 'Food safety' };
const NOTARY = { fieldVi: 'Công chứng', fieldEn: 'Notarisation' };
const TOURISM = { fieldVi: 'Du lịch', fieldEn: 'Tourism' };
const TRADE_PROMOTION = { fieldVi: 'Xúc tiến thương mại', fieldEn: 'Trade promotion' };

const CIVIL_STATUS_LAW = 'Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP; Thông tư 04/2020/TT-BTP';
const CERTIFICATION_LAW = 'Nghị định 23/2015/NĐ-CP; Thông tư 01/2020/TT-BTP; Thông tư 226/2016/TT-BTC';
const PERMIT_VALIDITY = 'Giấy phép xây dựng có hiệu lực khởi công trong thời hạn 12 tháng kể từ ngày cấp; quá thời hạn trên thì phải đề nghị gia hạn giấy phép xây dựng.';

// ------------------------------------------------------------------ the catalogue

export const PROCEDURE_CATALOGUE: ProcedureInput[] = [
  // ================================================================ ward: civil status (Văn phòng HĐND và UBND)
  {
    code: '1.001193',
    nameVi: 'Đăng ký khai sinh',
    nameEn: 'Birth registration',
    ...CIVIL_STATUS,
    level: 'ward',
    agencyCode: null,
    // Immediately after receipt; a request received after 15:00 is settled the next working day.
    processingTime: { amount: 1, unit: 'working_days' },
    fees: [],
    components: [
      doc('to_khai', 'Tờ khai đăng ký khai sinh (theo mẫu)', 'Birth registration form (prescribed template)'),
      doc('giay_chung_sinh', 'Giấy chứng sinh; nếu không có thì văn bản của người làm chứng xác nhận về việc sinh hoặc văn bản cam đoan về việc sinh', 'Birth notice from the hospital; failing that, a witness statement or a sworn statement on the birth'),
      doc('giay_chung_nhan_ket_hon', 'Giấy chứng nhận kết hôn của cha, mẹ (nếu cha, mẹ đã đăng ký kết hôn và thông tin chưa có trong Cơ sở dữ liệu hộ tịch điện tử)', "Parents' marriage certificate (if married and not already in the electronic civil status database)", { required: false, reusable: true }),
      AUTHORISATION_DOC,
      IDENTITY_DOC,
    ],
    formSchema: form(['childFullName', 'childBirthDate', 'childSex', 'birthPlace', 'motherFullName', 'relationshipToChild'], {
      childFullName: text('Họ, chữ đệm và tên của trẻ', "Child's full name", 100),
      childBirthDate: date('Ngày, tháng, năm sinh', 'Date of birth'),
      childSex: SEX,
      birthPlace: text('Nơi sinh', 'Place of birth', 300),
      motherFullName: text('Họ, chữ đệm và tên người mẹ', "Mother's full name", 100),
      fatherFullName: text('Họ, chữ đệm và tên người cha', "Father's full name", 100),
      relationshipToChild: choice('Quan hệ của người đi đăng ký với trẻ', 'Relationship of the applicant to the child', [
        ['mother', 'Mẹ', 'Mother'],
        ['father', 'Cha', 'Father'],
        ['grandparent', 'Ông, bà', 'Grandparent'],
        ['relative', 'Người thân thích khác', 'Other relative'],
      ]),
    }),
    onlineLevel: 'full',
    resultType: 'both',
    resultTemplate: {
      titleVi: 'GIẤY KHAI SINH',
      titleEn: 'BIRTH CERTIFICATE',
      bodyVi: [
        'Họ, chữ đệm, tên: {{childFullName}}',
        'Ngày, tháng, năm sinh: {{childBirthDate}}',
        'Giới tính: {{childSex}}',
        'Nơi sinh: {{birthPlace}}',
        'Họ, chữ đệm, tên người mẹ: {{motherFullName}}',
        'Họ, chữ đệm, tên người cha: {{fatherFullName}}',
        'Người đi đăng ký khai sinh: {{applicant.fullName}} (quan hệ với người được khai sinh: {{relationshipToChild}}).',
        'Nơi đăng ký: {{agency.nameVi}}. Số hồ sơ: {{dossier.code}}. Ngày đăng ký: {{date}}.',
      ],
    },
    workflow: standardWorkflow('unit:VP', SAME_DAY, 'Công chức tư pháp - hộ tịch kiểm tra, ghi sổ hộ tịch', 'Civil status officer checks and records'),
    legalBasisVi: `${CIVIL_STATUS_LAW}; Thông tư 85/2019/TT-BTC (miễn lệ phí đăng ký khai sinh đúng hạn theo Điều 11 Luật Hộ tịch)`,
  },
  {
    code: '1.000894',
    nameVi: 'Đăng ký kết hôn',
    nameEn: 'Marriage registration',
    ...CIVIL_STATUS,
    level: 'ward',
    agencyCode: null,
    // Immediately when both parties qualify; up to 5 working days when the conditions must be verified.
    processingTime: { amount: 1, unit: 'working_days' },
    fees: [],
    components: [
      doc('to_khai', 'Tờ khai đăng ký kết hôn (theo mẫu)', 'Marriage registration form (prescribed template)'),
      doc('giay_xac_nhan_tthn', 'Giấy xác nhận tình trạng hôn nhân (trường hợp bên nam hoặc bên nữ cư trú tại xã, phường khác)', 'Certificate of marital status (when either party lives in another ward or commune)', { required: false }),
      doc('giay_to_tuy_than', 'Giấy tờ tùy thân của hai bên nam, nữ, nếu thông tin chưa có trong Cơ sở dữ liệu quốc gia về dân cư', 'Identity documents of both parties, if not already in the National Population Database', { required: false, copies: 2, reusable: true }),
    ],
    formSchema: form(['groomFullName', 'groomBirthDate', 'groomIdNumber', 'brideFullName', 'brideBirthDate', 'brideIdNumber'], {
      groomFullName: text('Họ, chữ đệm và tên bên nam', "Groom's full name", 100),
      groomBirthDate: date('Ngày sinh bên nam', "Groom's date of birth"),
      groomIdNumber: ID_NUMBER('Số định danh cá nhân bên nam', "Groom's personal identification number"),
      brideFullName: text('Họ, chữ đệm và tên bên nữ', "Bride's full name", 100),
      brideBirthDate: date('Ngày sinh bên nữ', "Bride's date of birth"),
      brideIdNumber: ID_NUMBER('Số định danh cá nhân bên nữ', "Bride's personal identification number"),
    }),
    // Both parties must be present to sign the register and receive the certificate (Article 18 of the Law on Civil Status).
    onlineLevel: 'partial',
    resultType: 'both',
    resultTemplate: {
      titleVi: 'GIẤY CHỨNG NHẬN KẾT HÔN',
      titleEn: 'MARRIAGE CERTIFICATE',
      bodyVi: [
        'Họ, chữ đệm, tên người chồng: {{groomFullName}}; ngày sinh: {{groomBirthDate}}; số định danh cá nhân: {{groomIdNumber}}.',
        'Họ, chữ đệm, tên người vợ: {{brideFullName}}; ngày sinh: {{brideBirthDate}}; số định danh cá nhân: {{brideIdNumber}}.',
        'Đã đăng ký kết hôn tại {{agency.nameVi}} ngày {{date}}. Số hồ sơ: {{dossier.code}}.',
      ],
    },
    workflow: standardWorkflow('unit:VP', SAME_DAY, 'Công chức tư pháp - hộ tịch kiểm tra điều kiện kết hôn', 'Civil status officer checks the conditions for marriage'),
    legalBasisVi: `Luật Hôn nhân và gia đình 2014; ${CIVIL_STATUS_LAW}; Thông tư 85/2019/TT-BTC (miễn lệ phí đăng ký kết hôn của công dân Việt Nam cư trú ở trong nước theo Điều 11 Luật Hộ tịch)`,
  },
  {
    code: '1.000656',
    nameVi: 'Đăng ký khai tử',
    nameEn: 'Death registration',
    ...CIVIL_STATUS,
    level: 'ward',
    agencyCode: null,
    // Immediately; up to 3 working days when the death must be verified.
    processingTime: { amount: 1, unit: 'working_days' },
    fees: [],
    components: [
      doc('to_khai', 'Tờ khai đăng ký khai tử (theo mẫu)', 'Death registration form (prescribed template)'),
      doc('giay_bao_tu', 'Giấy báo tử hoặc giấy tờ khác thay giấy báo tử do cơ quan có thẩm quyền cấp', 'Death notice, or another document in its place issued by the competent authority'),
      AUTHORISATION_DOC,
      IDENTITY_DOC,
    ],
    formSchema: form(['deceasedFullName', 'deceasedBirthDate', 'dateOfDeath', 'placeOfDeath', 'relationshipToDeceased'], {
      deceasedFullName: text('Họ, chữ đệm và tên người chết', 'Full name of the deceased', 100),
      deceasedBirthDate: date('Ngày, tháng, năm sinh của người chết', 'Date of birth of the deceased'),
      deceasedIdNumber: ID_NUMBER('Số định danh cá nhân của người chết', 'Personal identification number of the deceased'),
      dateOfDeath: date('Ngày chết', 'Date of death'),
      placeOfDeath: text('Nơi chết', 'Place of death', 300),
      causeOfDeath: text('Nguyên nhân chết', 'Cause of death', 300),
      relationshipToDeceased: text('Quan hệ của người đi khai tử với người chết', 'Relationship of the applicant to the deceased', 50),
    }),
    onlineLevel: 'full',
    resultType: 'both',
    resultTemplate: {
      titleVi: 'TRÍCH LỤC KHAI TỬ',
      titleEn: 'DEATH REGISTRATION EXTRACT',
      bodyVi: [
        'Họ, chữ đệm, tên người chết: {{deceasedFullName}}',
        'Ngày, tháng, năm sinh: {{deceasedBirthDate}}; số định danh cá nhân: {{deceasedIdNumber}}',
        'Đã chết vào ngày: {{dateOfDeath}}, tại: {{placeOfDeath}}',
        'Nguyên nhân chết: {{causeOfDeath}}',
        'Người đi khai tử: {{applicant.fullName}} (quan hệ với người chết: {{relationshipToDeceased}}).',
        'Nơi đăng ký: {{agency.nameVi}}. Số hồ sơ: {{dossier.code}}. Ngày đăng ký: {{date}}.',
      ],
    },
    workflow: standardWorkflow('unit:VP', SAME_DAY, 'Công chức tư pháp - hộ tịch kiểm tra, ghi sổ hộ tịch', 'Civil status officer checks and records'),
    legalBasisVi: `${CIVIL_STATUS_LAW}; Thông tư 85/2019/TT-BTC (miễn lệ phí đăng ký khai tử đúng hạn theo Điều 11 Luật Hộ tịch)`,
  },
  {
    code: '1.004873',
    nameVi: 'Cấp Giấy xác nhận tình trạng hôn nhân',
    nameEn: 'Certificate of marital status',
    ...CIVIL_STATUS,
    level: 'ward',
    agencyCode: null,
    processingTime: { amount: 3, unit: 'working_days' },
    // Set by the city People's Council (Circular 85/2019/TT-BTC); typical figure, check Huế's resolution.
    fees: [fee('le_phi', 'Lệ phí cấp Giấy xác nhận tình trạng hôn nhân', 'Fee for the certificate of marital status', 15_000)],
    components: [
      doc('to_khai', 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân (theo mẫu)', 'Application form for a certificate of marital status (prescribed template)'),
      doc('giay_to_ly_hon', 'Bản án, quyết định ly hôn đã có hiệu lực pháp luật hoặc trích lục khai tử của vợ/chồng (trường hợp đã từng kết hôn)', 'Final divorce judgment or decision, or death extract of the former spouse (if previously married)', { required: false }),
      AUTHORISATION_DOC,
      IDENTITY_DOC,
    ],
    formSchema: form(['subjectFullName', 'subjectBirthDate', 'maritalStatus', 'purpose'], {
      subjectFullName: text('Họ, chữ đệm và tên người được xác nhận', 'Full name of the person concerned', 100),
      subjectBirthDate: date('Ngày, tháng, năm sinh', 'Date of birth'),
      maritalStatus: choice('Tình trạng hôn nhân', 'Marital status', [
        ['never_married', 'Chưa đăng ký kết hôn với ai', 'Never married'],
        ['divorced', 'Đã ly hôn, hiện chưa đăng ký kết hôn với ai', 'Divorced, not remarried'],
        ['widowed', 'Vợ/chồng đã chết, hiện chưa đăng ký kết hôn với ai', 'Widowed, not remarried'],
        ['married', 'Đang có vợ/chồng', 'Married'],
      ]),
      purpose: text('Mục đích sử dụng giấy xác nhận', 'Purpose of the certificate', 300),
      intendedSpouseFullName: text('Họ, chữ đệm và tên người dự định kết hôn (nếu dùng để kết hôn)', 'Full name of the intended spouse (if for marriage)', 100),
    }),
    onlineLevel: 'full',
    resultType: 'both',
    resultTemplate: {
      titleVi: 'GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN',
      titleEn: 'CERTIFICATE OF MARITAL STATUS',
      bodyVi: [
        'Xét đề nghị của ông/bà {{applicant.fullName}} về việc cấp Giấy xác nhận tình trạng hôn nhân, {{agency.nameVi}} xác nhận:',
        'Họ, chữ đệm, tên: {{subjectFullName}}; ngày, tháng, năm sinh: {{subjectBirthDate}}.',
        'Tình trạng hôn nhân: {{maritalStatus}}.',
        'Giấy này được cấp để sử dụng vào mục đích: {{purpose}}. Người dự định kết hôn (nếu có): {{intendedSpouseFullName}}.',
        'Giấy xác nhận có giá trị 06 tháng kể từ ngày cấp. Số hồ sơ: {{dossier.code}}. Ngày cấp: {{date}}.',
      ],
    },
    workflow: standardWorkflow('unit:VP', SHORT, 'Công chức tư pháp - hộ tịch kiểm tra, xác minh', 'Civil status officer checks and verifies'),
    legalBasisVi: `${CIVIL_STATUS_LAW}; Thông tư 85/2019/TT-BTC; Nghị quyết của Hội đồng nhân dân thành phố về lệ phí hộ tịch`,
  },
  {
    code: '2.000635',
    nameVi: 'Cấp bản sao trích lục hộ tịch',
    nameEn: 'Copy of a civil status extract',
    ...CIVIL_STATUS,
    level: 'ward',
    agencyCode: null,
    processingTime: { amount: 1, unit: 'working_days' },
    fees: [fee('phi_ban_sao', 'Phí cấp bản sao trích lục hộ tịch (8.000 đồng/bản sao/sự kiện hộ tịch)', 'Fee for a copy of a civil status extract (8,000 đồng per copy per event)', 8_000)],
    components: [
      doc('to_khai', 'Tờ khai cấp bản sao trích lục hộ tịch (theo mẫu)', 'Application form for a copy of a civil status extract (prescribed template)'),
      AUTHORISATION_DOC,
      IDENTITY_DOC,
    ],
    formSchema: form(['eventType', 'subjectFullName', 'subjectBirthDate', 'copies'], {
      eventType: choice('Loại sự kiện hộ tịch', 'Civil status event', [
        ['birth', 'Khai sinh', 'Birth'],
        ['marriage', 'Kết hôn', 'Marriage'],
        ['death', 'Khai tử', 'Death'],
        ['change', 'Thay đổi, cải chính, bổ sung hộ tịch', 'Change or correction of civil status'],
      ]),
      subjectFullName: text('Họ, chữ đệm và tên người có sự kiện hộ tịch', 'Full name of the person the record concerns', 100),
      subjectBirthDate: date('Ngày, tháng, năm sinh', 'Date of birth'),
      registrationNumber: text('Số đăng ký trong sổ hộ tịch (nếu biết)', 'Register entry number (if known)', 50),
      registrationDate: date('Ngày đăng ký (nếu biết)', 'Date of registration (if known)'),
      copies: integer('Số bản sao đề nghị cấp', 'Number of copies', 1, 20),
    }),
    onlineLevel: 'full',
    resultType: 'both',
    resultTemplate: {
      titleVi: 'BẢN SAO TRÍCH LỤC HỘ TỊCH',
      titleEn: 'COPY OF CIVIL STATUS EXTRACT',
      bodyVi: [
        'Sự kiện hộ tịch: {{eventType}}.',
        'Họ, chữ đệm, tên: {{subjectFullName}}; ngày, tháng, năm sinh: {{subjectBirthDate}}.',
        'Số đăng ký trong sổ hộ tịch: {{registrationNumber}}; ngày đăng ký: {{registrationDate}}.',
        'Bản sao được cấp từ Sổ hộ tịch / Cơ sở dữ liệu hộ tịch điện tử theo yêu cầu của ông/bà {{applicant.fullName}}. Số bản sao: {{copies}}.',
        'Cơ quan cấp: {{agency.nameVi}}. Số hồ sơ: {{dossier.code}}. Ngày cấp: {{date}}.',
      ],
    },
    workflow: standardWorkflow('unit:VP', SAME_DAY, 'Công chức tư pháp - hộ tịch tra cứu sổ hộ tịch', 'Civil status officer looks up the register'),
    legalBasisVi: `${CIVIL_STATUS_LAW}; Thông tư 281/2016/TT-BTC (phí khai thác, sử dụng thông tin trong cơ sở dữ liệu hộ tịch)`,
  },
  {
    code: '1.000881',
    nameVi: 'Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch',
    nameEn: 'Change, correction or completion of civil status information',
    ...CIVIL_STATUS,
    level: 'ward',
    agencyCode: null,
    // 3 working days; extended by up to 3 more when verification is needed.
    processingTime: { amount: 3, unit: 'working_days' },
    // Set by the city People's Council; typical figure, check Huế's resolution.
    fees: [fee('le_phi', 'Lệ phí đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch', 'Fee for changing, correcting or completing civil status information', 15_000)],
    components: [
      doc('to_khai', 'Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch (theo mẫu)', 'Application form (prescribed template)'),
      doc('giay_to_can_cu', 'Giấy tờ liên quan làm căn cứ cho việc thay đổi, cải chính, bổ sung thông tin hộ tịch', 'Documents supporting the change, correction or completion'),
      AUTHORISATION_DOC,
      IDENTITY_DOC,
    ],
    formSchema: form(['subjectFullName', 'subjectBirthDate', 'changeType', 'currentValue', 'requestedValue', 'reason'], {
      subjectFullName: text('Họ, chữ đệm và tên người có thông tin hộ tịch cần thay đổi', 'Full name of the person concerned', 100),
      subjectBirthDate: date('Ngày, tháng, năm sinh', 'Date of birth'),
      changeType: choice('Loại việc', 'Type of request', [
        ['change', 'Thay đổi', 'Change'],
        ['correction', 'Cải chính', 'Correction'],
        ['supplement', 'Bổ sung', 'Completion'],
      ]),
      currentValue: text('Nội dung đã đăng ký', 'Information as registered', 500),
      requestedValue: text('Nội dung đề nghị thay đổi, cải chính, bổ sung', 'Requested information', 500),
      reason: text('Lý do', 'Reason', 1000),
    }),
    onlineLevel: 'full',
    resultType: 'both',
    resultTemplate: {
      titleVi: 'TRÍCH LỤC THAY ĐỔI, CẢI CHÍNH, BỔ SUNG THÔNG TIN HỘ TỊCH',
      titleEn: 'EXTRACT OF CHANGE, CORRECTION OR COMPLETION OF CIVIL STATUS INFORMATION',
      bodyVi: [
        'Họ, chữ đệm, tên: {{subjectFullName}}; ngày, tháng, năm sinh: {{subjectBirthDate}}.',
        'Loại việc: {{changeType}}.',
        'Nội dung đã đăng ký: {{currentValue}}.',
        'Nội dung sau khi đăng ký: {{requestedValue}}.',
        'Lý do: {{reason}}.',
        'Nơi đăng ký: {{agency.nameVi}}. Số hồ sơ: {{dossier.code}}. Ngày đăng ký: {{date}}.',
      ],
    },
    workflow: standardWorkflow('unit:VP', SHORT, 'Công chức tư pháp - hộ tịch kiểm tra, xác minh', 'Civil status officer checks and verifies'),
    legalBasisVi: `${CIVIL_STATUS_LAW}; Thông tư 85/2019/TT-BTC; Nghị quyết của Hội đồng nhân dân thành phố về lệ phí hộ tịch`,
  },

  // ================================================================ ward: certification
  {
    code: '2.000815',
    nameVi: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận',
    nameEn: 'Certified copy from the original of a document issued or certified by a Vietnamese authority',
    ...CERTIFICATION,
    level: 'ward',
    agencyCode: null,
    // The same day; the next working day for a request received after 15:00.
    processingTime: { amount: 1, unit: 'working_days' },
    fees: [fee('phi_chung_thuc', 'Phí chứng thực bản sao từ bản chính (2.000 đồng/trang; từ trang thứ ba trở lên 1.000 đồng/trang, tối đa 200.000 đồng/bản)', 'Certification fee (2,000 đồng per page; 1,000 đồng per page from the third page, at most 200,000 đồng per copy)', 2_000)],
    components: [
      doc('ban_chinh', 'Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao (xuất trình để đối chiếu)', 'The original document (shown for comparison)'),
      doc('ban_sao', 'Bản sao cần chứng thực (trường hợp người yêu cầu tự chuẩn bị bản chụp)', 'The copies to certify (if the requester brings them)', { required: false }),
    ],
    formSchema: form(['documentName', 'issuingAuthority', 'pageCount', 'copies'], {
      documentName: text('Tên giấy tờ, văn bản', 'Document', 300),
      issuingAuthority: text('Cơ quan, tổ chức cấp', 'Issued by', 300),
      documentNumber: text('Số, ký hiệu giấy tờ (nếu có)', 'Document number (if any)', 100),
      pageCount: integer('Số trang của bản chính', 'Number of pages of the original', 1, 500),
      copies: integer('Số bản sao cần chứng thực', 'Number of certified copies', 1, 50),
    }),
    // The original must be shown; certified electronic copies can be returned online.
    onlineLevel: 'partial',
    resultType: 'both',
    resultTemplate: {
      titleVi: 'CHỨNG THỰC BẢN SAO ĐÚNG VỚI BẢN CHÍNH',
      titleEn: 'CERTIFIED TRUE COPY OF THE ORIGINAL',
      bodyVi: [
        'Chứng thực bản sao đúng với bản chính.',
        'Giấy tờ, văn bản: {{documentName}}, số {{documentNumber}}, do {{issuingAuthority}} cấp.',
        'Số trang: {{pageCount}}. Số bản sao được chứng thực: {{copies}}.',
        'Người yêu cầu chứng thực: {{applicant.fullName}}. Số chứng thực: {{dossier.code}}. Ngày {{date}}, tại {{agency.nameVi}}.',
      ],
    },
    workflow: standardWorkflow('unit:VP', SAME_DAY, 'Đối chiếu bản sao với bản chính', 'Copy compared with the original'),
    legalBasisVi: CERTIFICATION_LAW,
  },
  {
    code: '2.000884',
    nameVi: 'Chứng thực chữ ký trong các giấy tờ, văn bản',
    nameEn: 'Certification of a signature on a document',
    ...CERTIFICATION,
    level: 'ward',
    agencyCode: null,
    processingTime: { amount: 1, unit: 'working_days' },
    fees: [fee('phi_chung_thuc', 'Phí chứng thực chữ ký (10.000 đồng/trường hợp)', 'Signature certification fee (10,000 đồng per case)', 10_000)],
    components: [
      doc('giay_to_can_ky', 'Giấy tờ, văn bản mà người yêu cầu chứng thực sẽ ký', 'The document to be signed'),
      doc('giay_to_tuy_than', 'Bản chính hoặc bản sao có chứng thực giấy tờ tùy thân còn giá trị sử dụng của người ký', "Signer's valid identity document (original or certified copy)", { reusable: true }),
    ],
    formSchema: form(['documentName', 'signMethod', 'copies'], {
      documentName: text('Tên giấy tờ, văn bản cần chứng thực chữ ký', 'Document whose signature is certified', 300),
      signMethod: choice('Hình thức', 'Form of signature', [
        ['signature', 'Ký', 'Signature'],
        ['fingerprint', 'Điểm chỉ', 'Fingerprint'],
        ['signature_and_fingerprint', 'Ký và điểm chỉ', 'Signature and fingerprint'],
      ]),
      copies: integer('Số bản cần chứng thực', 'Number of copies', 1, 50),
    }),
    // The signer must sign in front of the certifying officer.
    onlineLevel: 'partial',
    resultType: 'paper',
    resultTemplate: {
      titleVi: 'LỜI CHỨNG CHỨNG THỰC CHỮ KÝ',
      titleEn: 'SIGNATURE CERTIFICATION',
      bodyVi: [
        'Ngày {{date}}, tại {{agency.nameVi}}.',
        'Chứng thực ông/bà {{applicant.fullName}}, giấy tờ tùy thân số {{applicant.idNumber}}, đã ký/điểm chỉ vào giấy tờ, văn bản này trước mặt người thực hiện chứng thực.',
        'Giấy tờ, văn bản: {{documentName}}. Hình thức: {{signMethod}}. Số bản: {{copies}}.',
        'Số chứng thực: {{dossier.code}}.',
      ],
    },
    workflow: standardWorkflow('unit:VP', SAME_DAY, 'Kiểm tra giấy tờ, chứng kiến việc ký', 'Documents checked, signing witnessed'),
    legalBasisVi: CERTIFICATION_LAW,
  },
  {
    code: '2.001019',
    nameVi: 'Chứng thực di chúc',
    nameEn: 'Certification of a will',
    ...CERTIFICATION,
    level: 'ward',
    agencyCode: null,
    processingTime: { amount: 2, unit: 'working_days' },
    fees: [fee('phi_chung_thuc', 'Phí chứng thực di chúc (50.000 đồng/di chúc)', 'Will certification fee (50,000 đồng per will)', 50_000)],
    components: [
      doc('du_thao_di_chuc', 'Dự thảo di chúc', 'Draft of the will'),
      doc('giay_to_tuy_than', 'Bản sao giấy tờ tùy thân còn giá trị sử dụng của người lập di chúc', "Copy of the testator's valid identity document", { reusable: true }),
      doc('giay_to_tai_san', 'Bản sao giấy chứng nhận quyền sở hữu, quyền sử dụng hoặc giấy tờ thay thế đối với tài sản phải đăng ký quyền sở hữu, quyền sử dụng', 'Copy of the title certificate of any registered property in the will', { required: false }),
    ],
    formSchema: form(['testatorBirthDate', 'assetsSummary', 'beneficiaries', 'includesRegisteredProperty', 'copies'], {
      testatorBirthDate: date('Ngày sinh của người lập di chúc', 'Date of birth of the testator'),
      assetsSummary: text('Tài sản định đoạt trong di chúc', 'Property disposed of in the will', 1000),
      beneficiaries: text('Người được hưởng di sản', 'Beneficiaries', 500),
      includesRegisteredProperty: yesNo('Di chúc có tài sản phải đăng ký (đất đai, nhà ở, phương tiện)', 'The will includes registered property (land, housing, vehicles)'),
      copies: integer('Số bản di chúc cần chứng thực', 'Number of copies', 1, 10),
    }),
    // The testator signs in person in front of the certifying officer.
    onlineLevel: 'partial',
    resultType: 'paper',
    resultTemplate: {
      titleVi: 'LỜI CHỨNG CHỨNG THỰC DI CHÚC',
      titleEn: 'WILL CERTIFICATION',
      bodyVi: [
        'Ngày {{date}}, tại {{agency.nameVi}}.',
        'Ông/bà {{applicant.fullName}}, ngày sinh {{testatorBirthDate}}, giấy tờ tùy thân số {{applicant.idNumber}}, đã tự nguyện lập di chúc này và ký vào di chúc trước mặt người thực hiện chứng thực.',
        'Tại thời điểm chứng thực, người lập di chúc minh mẫn, sáng suốt, nhận thức và làm chủ được hành vi của mình.',
        'Tài sản định đoạt: {{assetsSummary}}. Người được hưởng di sản: {{beneficiaries}}.',
        'Số chứng thực: {{dossier.code}}. Số bản: {{copies}}.',
      ],
    },
    workflow: standardWorkflow('unit:VP', SHORT, 'Kiểm tra dự thảo di chúc, năng lực của người lập di chúc', 'Draft will and testator’s capacity checked'),
    legalBasisVi: `Bộ luật Dân sự 2015; ${CERTIFICATION_LAW}`,
  },

  // ================================================================ ward: residence
  {
    // Placeholder code: the national code of "Xác nhận thông tin về cư trú" was not confirmed.
    // In reality this is done by the ward police (Công an cấp xã), which the demo agency tree does not model; the
    // ward office stands in for it.
    code: 'HUE-CUTRU-XNTTCT',
    nameVi: 'Xác nhận thông tin về cư trú',
    nameEn: 'Confirmation of residence information',
    ...RESIDENCE,
    level: 'ward',
    agencyCode: null,
    // Half a working day when the information is already in the residence database; up to 3 working days otherwise.
    processingTime: { amount: 3, unit: 'working_days' },
    fees: [],
    components: [
      doc('to_khai', 'Tờ khai thay đổi thông tin cư trú (Mẫu CT01)', 'Residence information form (form CT01)'),
      IDENTITY_DOC,
    ],
    formSchema: form(['subjectFullName', 'subjectIdNumber', 'confirmationContent', 'purpose'], {
      subjectFullName: text('Họ, chữ đệm và tên người cần xác nhận', 'Full name of the person concerned', 100),
      subjectIdNumber: ID_NUMBER('Số định danh cá nhân', 'Personal identification number'),
      confirmationContent: choice('Nội dung đề nghị xác nhận', 'Information to confirm', [
        ['permanent', 'Nơi thường trú', 'Permanent residence'],
        ['temporary', 'Nơi tạm trú', 'Temporary residence'],
        ['current', 'Nơi ở hiện tại', 'Current residence'],
        ['history', 'Quá trình cư trú', 'Residence history'],
        ['household', 'Thông tin hộ gia đình', 'Household members'],
      ]),
      purpose: text('Mục đích sử dụng', 'Purpose', 300),
    }),
    onlineLevel: 'full',
    resultType: 'both',
    resultTemplate: {
      titleVi: 'GIẤY XÁC NHẬN THÔNG TIN VỀ CƯ TRÚ',
      titleEn: 'CONFIRMATION OF RESIDENCE INFORMATION',
      bodyVi: [
        'Theo đề nghị của ông/bà {{applicant.fullName}}, {{agency.nameVi}} xác nhận thông tin về cư trú của:',
        'Họ, chữ đệm, tên: {{subjectFullName}}; số định danh cá nhân: {{subjectIdNumber}}.',
        'Nội dung xác nhận: {{confirmationContent}}, theo thông tin trong Cơ sở dữ liệu về cư trú.',
        'Mục đích sử dụng: {{purpose}}. Số hồ sơ: {{dossier.code}}. Ngày cấp: {{date}}.',
      ],
    },
    workflow: standardWorkflow('unit:VP', SHORT, 'Tra cứu Cơ sở dữ liệu về cư trú', 'Residence database checked'),
    legalBasisVi: 'Luật Cư trú 2020; Nghị định 154/2024/NĐ-CP; Thông tư 55/2021/TT-BCA (sửa đổi, bổ sung bởi Thông tư 66/2023/TT-BCA); Thông tư 75/2022/TT-BTC (không thu lệ phí)',
  },

  // ================================================================ ward: economy, infrastructure and urban affairs
  {
    code: '1.001612',
    nameVi: 'Đăng ký thành lập hộ kinh doanh',
    nameEn: 'Registration of a household business',
    ...HOUSEHOLD_BUSINESS,
    level: 'ward',
    agencyCode: null,
    processingTime: { amount: 3, unit: 'working_days' },
    // Set by the city People's Council; 100,000 đồng is the usual figure (some provinces waive it online).
    fees: [fee('le_phi', 'Lệ phí đăng ký hộ kinh doanh', 'Household business registration fee', 100_000)],
    components: [
      doc('giay_de_nghi', 'Giấy đề nghị đăng ký hộ kinh doanh (theo mẫu)', 'Household business registration application (prescribed template)'),
      doc('giay_to_phap_ly', 'Giấy tờ pháp lý của cá nhân đối với chủ hộ kinh doanh và thành viên hộ gia đình đăng ký hộ kinh doanh, nếu thông tin chưa có trong Cơ sở dữ liệu quốc gia về dân cư', 'Identity documents of the owner and family members, if not already in the National Population Database', { required: false, reusable: true }),
      doc('bien_ban_hop', 'Biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh (trường hợp các thành viên hộ gia đình đăng ký hộ kinh doanh)', 'Minutes of the family meeting on founding the business (when family members register together)', { required: false }),
      AUTHORISATION_DOC,
    ],
    formSchema: form(['businessName', 'businessAddress', 'businessLines', 'capital', 'ownerType'], {
      businessName: text('Tên hộ kinh doanh', 'Business name', 200),
      businessAddress: text('Địa chỉ địa điểm kinh doanh', 'Business address', 300),
      businessLines: text('Ngành, nghề kinh doanh', 'Business lines', 1000),
      capital: integer('Vốn kinh doanh (đồng)', 'Capital (đồng)', 0, 100_000_000_000),
      employeeCount: integer('Số lao động', 'Number of workers', 0, 1000),
      ownerType: choice('Hộ kinh doanh do', 'Registered by', [
        ['individual', 'Một cá nhân', 'An individual'],
        ['family', 'Các thành viên hộ gia đình', 'Members of a family'],
      ]),
    }),
    onlineLevel: 'full',
    resultType: 'both',
    resultTemplate: {
      titleVi: 'GIẤY CHỨNG NHẬN ĐĂNG KÝ HỘ KINH DOANH',
      titleEn: 'HOUSEHOLD BUSINESS REGISTRATION CERTIFICATE',
      bodyVi: [
        'Tên hộ kinh doanh: {{businessName}}',
        'Địa điểm kinh doanh: {{businessAddress}}',
        'Ngành, nghề kinh doanh: {{businessLines}}',
        'Vốn kinh doanh: {{capital}} đồng',
        'Chủ hộ kinh doanh: {{applicant.fullName}}; số định danh cá nhân: {{applicant.idNumber}}; nơi cư trú: {{applicant.address}}.',
        'Cơ quan đăng ký: {{agency.nameVi}}. Số hồ sơ: {{dossier.code}}. Đăng ký lần đầu ngày {{date}}.',
      ],
    },
    workflow: standardWorkflow('unit:KT', SHORT, 'Kiểm tra tính hợp lệ của hồ sơ', 'Application checked'),
    legalBasisVi: 'Nghị định 168/2025/NĐ-CP về đăng ký doanh nghiệp; Thông tư 85/2019/TT-BTC; Nghị quyết của Hội đồng nhân dân thành phố về lệ phí đăng ký hộ kinh doanh',
  },
  {
    // 1.013225 is the national procedure for new permits for grade III/IV works and detached houses.
    code: '1.013225',
    nameVi: 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ',
    nameEn: 'Construction permit for a detached house',
    ...CONSTRUCTION,
    level: 'ward',
    agencyCode: null,
    // "15 ngày" in the Law on Construction (calendar days).
    processingTime: { amount: 15, unit: 'days' },
    // Set by the city People's Council; typical figure, check Huế's resolution.
    fees: [fee('le_phi', 'Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ', 'Construction permit fee (detached house)', 50_000)],
    components: [
      doc('don_de_nghi', 'Đơn đề nghị cấp giấy phép xây dựng (theo mẫu)', 'Construction permit application (prescribed template)'),
      doc('giay_to_dat', 'Bản sao giấy tờ chứng minh quyền sử dụng đất theo quy định của pháp luật về đất đai', 'Copy of the land use rights documents', { reusable: true }),
      doc('ban_ve', 'Bản vẽ thiết kế xây dựng: mặt bằng, mặt cắt, mặt đứng, mặt bằng móng, sơ đồ đấu nối hạ tầng kỹ thuật', 'Design drawings: plans, sections, elevations, foundations, utility connections', { copies: 2 }),
      doc('cam_ket_an_toan', 'Bản cam kết bảo đảm an toàn đối với công trình liền kề (trường hợp có công trình liền kề)', 'Undertaking on the safety of adjoining buildings (if any)', { required: false }),
    ],
    formSchema: form(['constructionAddress', 'landParcelNumber', 'mapSheetNumber', 'footprintArea', 'totalFloorArea', 'floors'], {
      constructionAddress: text('Địa điểm xây dựng', 'Construction address', 300),
      landParcelNumber: text('Thửa đất số', 'Land parcel number', 20),
      mapSheetNumber: text('Tờ bản đồ số', 'Map sheet number', 20),
      footprintArea: integer('Diện tích xây dựng tầng 1 (m²)', 'Ground-floor footprint (m²)', 1, 10_000),
      totalFloorArea: integer('Tổng diện tích sàn (m²)', 'Total floor area (m²)', 1, 50_000),
      floors: integer('Số tầng', 'Number of floors', 1, 20),
      heightMeters: integer('Chiều cao công trình (m)', 'Building height (m)', 1, 100),
    }),
    onlineLevel: 'partial',
    resultType: 'paper',
    resultTemplate: {
      titleVi: 'GIẤY PHÉP XÂY DỰNG',
      titleEn: 'CONSTRUCTION PERMIT',
      bodyVi: [
        'Cấp cho: ông/bà {{applicant.fullName}}; địa chỉ: {{applicant.address}}.',
        'Được phép xây dựng công trình: nhà ở riêng lẻ.',
        'Vị trí xây dựng: {{constructionAddress}}; thửa đất số {{landParcelNumber}}, tờ bản đồ số {{mapSheetNumber}}.',
        'Diện tích xây dựng tầng 1: {{footprintArea}} m²; tổng diện tích sàn: {{totalFloorArea}} m²; số tầng: {{floors}}; chiều cao: {{heightMeters}} m.',
        PERMIT_VALIDITY,
        'Cơ quan cấp: {{agency.nameVi}}. Số giấy phép: {{dossier.code}}. Ngày cấp: {{date}}.',
      ],
    },
    workflow: standardWorkflow('unit:KT', LONG, 'Thẩm định hồ sơ, kiểm tra thực địa', 'Application reviewed, site inspected'),
    legalBasisVi: 'Luật Xây dựng 2014 (sửa đổi, bổ sung năm 2020); Nghị định 175/2024/NĐ-CP; Thông tư 85/2019/TT-BTC; Nghị quyết của Hội đồng nhân dân thành phố về lệ phí cấp giấy phép xây dựng',
  },
  {
    // Placeholder code: the national code of the first land registration at commune level was not confirmed.
    // The cadastral step is done by the land registration office (Văn phòng đăng ký đất đai, under SNNMT), which the
    // demo agency tree does not model; the department's land division stands in for it.
    code: 'HUE-DATDAI-DKLD',
    nameVi: 'Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu',
    nameEn: 'First registration of land and attached assets and issue of the land use rights certificate',
    ...LAND,
    level: 'ward',
    agencyCode: null,
    // 17 working days for the registration plus 3 for the certificate; public posting and tax time are not counted.
    processingTime: { amount: 20, unit: 'working_days' },
    // Set by the city People's Council; typical figure, check Huế's resolution (a separate appraisal charge may apply).
    fees: [fee('le_phi', 'Lệ phí cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất', 'Land use rights certificate fee', 100_000)],
    components: [
      doc('don_dang_ky', 'Đơn đăng ký đất đai, tài sản gắn liền với đất (theo mẫu)', 'Land and attached assets registration form (prescribed template)'),
      doc('giay_to_quyen_su_dung_dat', 'Giấy tờ về quyền sử dụng đất theo Điều 137 Luật Đất đai (nếu có)', 'Land use rights documents under Article 137 of the Land Law (if any)', { required: false }),
      doc('giay_to_tai_san', 'Giấy tờ về quyền sở hữu tài sản gắn liền với đất (trường hợp đăng ký tài sản)', 'Documents on the ownership of attached assets (when registering them)', { required: false }),
      doc('chung_tu_tai_chinh', 'Chứng từ thực hiện nghĩa vụ tài chính; giấy tờ về miễn, giảm nghĩa vụ tài chính (nếu có)', 'Proof of payment of land charges, or of an exemption (if any)', { required: false }),
      doc('trich_do', 'Mảnh trích đo bản đồ địa chính thửa đất (nếu có)', 'Cadastral survey extract of the parcel (if any)', { required: false }),
    ],
    formSchema: form(['parcelAddress', 'landParcelNumber', 'mapSheetNumber', 'landArea', 'landUsePurpose', 'landOrigin', 'registerHouse'], {
      parcelAddress: text('Địa chỉ thửa đất', 'Parcel address', 300),
      landParcelNumber: text('Thửa đất số', 'Land parcel number', 20),
      mapSheetNumber: text('Tờ bản đồ số', 'Map sheet number', 20),
      landArea: integer('Diện tích (m²)', 'Area (m²)', 1, 1_000_000),
      landUsePurpose: choice('Mục đích sử dụng đất', 'Land use', [
        ['residential', 'Đất ở', 'Residential land'],
        ['perennial_crops', 'Đất trồng cây lâu năm', 'Perennial crop land'],
        ['annual_crops', 'Đất trồng cây hằng năm', 'Annual crop land'],
        ['other', 'Đất khác', 'Other land'],
      ]),
      landOrigin: text('Nguồn gốc sử dụng đất', 'Origin of the land use', 1000),
      registerHouse: yesNo('Đăng ký quyền sở hữu nhà ở trên đất', 'Register the house on the land'),
    }),
    onlineLevel: 'partial',
    resultType: 'paper',
    resultTemplate: {
      titleVi: 'GIẤY CHỨNG NHẬN QUYỀN SỬ DỤNG ĐẤT, QUYỀN SỞ HỮU TÀI SẢN GẮN LIỀN VỚI ĐẤT',
      titleEn: 'CERTIFICATE OF LAND USE RIGHTS AND OWNERSHIP OF ATTACHED ASSETS',
      bodyVi: [
        'Người sử dụng đất, chủ sở hữu tài sản gắn liền với đất: ông/bà {{applicant.fullName}}; số định danh cá nhân: {{applicant.idNumber}}; địa chỉ: {{applicant.address}}.',
        'Thửa đất số: {{landParcelNumber}}; tờ bản đồ số: {{mapSheetNumber}}; địa chỉ: {{parcelAddress}}.',
        'Diện tích: {{landArea}} m²; mục đích sử dụng: {{landUsePurpose}}.',
        'Nguồn gốc sử dụng: {{landOrigin}}.',
        'Đăng ký quyền sở hữu nhà ở: {{registerHouse}}.',
        'Cơ quan cấp: {{agency.nameVi}}. Số vào sổ cấp Giấy chứng nhận: {{dossier.code}}. Ngày cấp: {{date}}.',
      ],
    },
    workflow: [
      reception(5),
      review('unit:KT', 30, 'Kiểm tra hồ sơ, xác minh hiện trạng, niêm yết công khai', 'Application checked, site verified, public posting'),
      review('agency:SNNMT_DD', 35, 'Kiểm tra hồ sơ địa chính, xác định nghĩa vụ tài chính', 'Cadastral check and land charges (land registration office)', 'cadastral_check'),
      approval(25),
      returnOfResult(5),
    ],
    legalBasisVi: 'Luật Đất đai 2024; Nghị định 101/2024/NĐ-CP; Thông tư 85/2019/TT-BTC; Nghị quyết của Hội đồng nhân dân thành phố về lệ phí cấp Giấy chứng nhận',
  },

  // ================================================================ departments (filed at the city centre TTHCC)
  {
    code: '1.013855',
    nameVi: 'Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở kinh doanh dịch vụ ăn uống, cơ sở sản xuất thực phẩm thuộc phạm vi quản lý của Bộ Y tế',
    nameEn: 'Food safety certificate for food service and food production establishments under the Ministry of Health',
    ...FOOD_SAFETY,
    level: 'department',
    agencyCode: 'SYT',
    processingTime: { amount: 20, unit: 'working_days' },
    // 700,000 đồng for food service under 200 meals; 1,000,000 from 200 meals; 3,000,000 for food production.
    fees: [fee('phi_tham_dinh', 'Phí thẩm định cấp Giấy chứng nhận (cơ sở kinh doanh dịch vụ ăn uống phục vụ dưới 200 suất ăn)', 'Appraisal fee (food service establishment serving fewer than 200 meals)', 700_000)],
    components: [
      doc('don_de_nghi', 'Đơn đề nghị cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm (theo mẫu)', 'Application for a food safety certificate (prescribed template)'),
      doc('thuyet_minh', 'Bản thuyết minh về cơ sở vật chất, trang thiết bị, dụng cụ bảo đảm điều kiện vệ sinh an toàn thực phẩm', 'Description of premises, equipment and utensils ensuring food hygiene'),
      doc('tap_huan', 'Giấy xác nhận đã được tập huấn kiến thức an toàn thực phẩm của chủ cơ sở và người trực tiếp sản xuất, kinh doanh thực phẩm', 'Food safety training certificates of the owner and food handlers'),
      doc('suc_khoe', 'Giấy xác nhận đủ sức khỏe của chủ cơ sở và người trực tiếp sản xuất, kinh doanh thực phẩm', 'Health certificates of the owner and food handlers'),
      doc('dang_ky_kinh_doanh', 'Bản sao Giấy chứng nhận đăng ký doanh nghiệp hoặc đăng ký hộ kinh doanh', 'Copy of the enterprise or household business registration certificate', { required: false, reusable: true }),
    ],
    formSchema: form(['establishmentName', 'establishmentAddress', 'businessType', 'mealsPerDay', 'staffCount'], {
      establishmentName: text('Tên cơ sở', 'Establishment name', 200),
      establishmentAddress: text('Địa chỉ cơ sở', 'Establishment address', 300),
      businessType: choice('Loại hình', 'Type of establishment', [
        ['food_service', 'Kinh doanh dịch vụ ăn uống', 'Food service'],
        ['food_production', 'Sản xuất thực phẩm', 'Food production'],
      ]),
      mealsPerDay: integer('Số suất ăn phục vụ mỗi ngày', 'Meals served per day', 0, 100_000),
      staffCount: integer('Số người trực tiếp sản xuất, kinh doanh thực phẩm', 'Number of food handlers', 1, 10_000),
      registrationNumber: text('Số Giấy chứng nhận đăng ký kinh doanh', 'Business registration number', 50),
    }),
    onlineLevel: 'full',
    resultType: 'both',
    resultTemplate: {
      titleVi: 'GIẤY CHỨNG NHẬN CƠ SỞ ĐỦ ĐIỀU KIỆN AN TOÀN THỰC PHẨM',
      titleEn: 'FOOD SAFETY CERTIFICATE',
      bodyVi: [
        '{{agency.nameVi}} chứng nhận:',
        'Cơ sở: {{establishmentName}}; loại hình: {{businessType}}.',
        'Địa chỉ: {{establishmentAddress}}. Chủ cơ sở: {{applicant.fullName}}.',
        'Đủ điều kiện an toàn thực phẩm theo quy định.',
        'Giấy chứng nhận có hiệu lực 03 năm kể từ ngày cấp. Số: {{dossier.code}}. Ngày cấp: {{date}}.',
      ],
    },
    workflow: standardWorkflow('unit:ATTP', LONG, 'Thẩm định hồ sơ và thẩm định thực tế tại cơ sở', 'Application reviewed and establishment inspected'),
    legalBasisVi: 'Luật An toàn thực phẩm 2010; Nghị định 15/2018/NĐ-CP; Nghị định 155/2018/NĐ-CP; Thông tư 67/2021/TT-BTC',
  },
  {
    code: '2.001827',
    nameVi: 'Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở sản xuất, kinh doanh thực phẩm nông, lâm, thủy sản',
    nameEn: 'Food safety certificate for agricultural, forestry and fishery food businesses',
    ...FOOD_SAFETY,
    level: 'department',
    agencyCode: 'SNNMT',
    // 15 working days to appraise plus 5 to issue.
    processingTime: { amount: 20, unit: 'working_days' },
    fees: [fee('phi_tham_dinh', 'Phí thẩm định cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm', 'Food safety appraisal fee', 700_000)],
    components: [
      doc('don_de_nghi', 'Đơn đề nghị cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm (theo mẫu)', 'Application for a food safety certificate (prescribed template)'),
      doc('thuyet_minh', 'Bản thuyết minh về cơ sở vật chất, trang thiết bị, dụng cụ bảo đảm điều kiện an toàn thực phẩm (theo mẫu)', 'Description of premises and equipment ensuring food safety (prescribed template)'),
      doc('dang_ky_kinh_doanh', 'Bản sao Giấy chứng nhận đăng ký doanh nghiệp hoặc đăng ký hộ kinh doanh', 'Copy of the enterprise or household business registration certificate', { required: false, reusable: true }),
    ],
    formSchema: form(['establishmentName', 'establishmentAddress', 'productGroup', 'activity'], {
      establishmentName: text('Tên cơ sở', 'Establishment name', 200),
      establishmentAddress: text('Địa chỉ cơ sở', 'Establishment address', 300),
      productGroup: choice('Nhóm sản phẩm', 'Product group', [
        ['meat', 'Thịt và sản phẩm từ thịt', 'Meat and meat products'],
        ['fishery', 'Thủy sản và sản phẩm thủy sản', 'Fish and fishery products'],
        ['plant', 'Rau, củ, quả, ngũ cốc và sản phẩm từ thực vật', 'Vegetables, fruit, grain and plant products'],
        ['other', 'Sản phẩm nông, lâm, thủy sản khác', 'Other agricultural, forestry and fishery products'],
      ]),
      activity: choice('Hoạt động', 'Activity', [
        ['production', 'Sản xuất, sơ chế, chế biến', 'Production and processing'],
        ['trading', 'Kinh doanh', 'Trading'],
        ['both', 'Sản xuất và kinh doanh', 'Production and trading'],
      ]),
      registrationNumber: text('Số Giấy chứng nhận đăng ký kinh doanh', 'Business registration number', 50),
    }),
    onlineLevel: 'full',
    resultType: 'both',
    resultTemplate: {
      titleVi: 'GIẤY CHỨNG NHẬN CƠ SỞ ĐỦ ĐIỀU KIỆN AN TOÀN THỰC PHẨM',
      titleEn: 'FOOD SAFETY CERTIFICATE',
      bodyVi: [
        '{{agency.nameVi}} chứng nhận:',
        'Cơ sở: {{establishmentName}}; địa chỉ: {{establishmentAddress}}.',
        'Nhóm sản phẩm: {{productGroup}}; hoạt động: {{activity}}.',
        'Đủ điều kiện an toàn thực phẩm theo quy định.',
        'Giấy chứng nhận có hiệu lực 03 năm kể từ ngày cấp. Số: {{dossier.code}}. Ngày cấp: {{date}}.',
      ],
    },
    // The department's agricultural quality body is not in the demo agency tree, so the department reviews itself.
    workflow: standardWorkflow('self', LONG, 'Thẩm định hồ sơ và thẩm định thực tế tại cơ sở', 'Application reviewed and establishment inspected'),
    legalBasisVi: 'Luật An toàn thực phẩm 2010; Nghị định 15/2018/NĐ-CP; Thông tư 38/2018/TT-BNNPTNT; Thông tư 44/2018/TT-BTC',
  },
  {
    // Placeholder code: the national code was not confirmed. (Judicial record certificates moved from the Department
    // of Justice to the provincial police in 2025 and are not catalogued here.)
    code: 'HUE-STP-DKHDVPCC',
    nameVi: 'Đăng ký hoạt động Văn phòng công chứng',
    nameEn: 'Registration of a notary office',
    ...NOTARY,
    level: 'department',
    agencyCode: 'STP',
    processingTime: { amount: 10, unit: 'working_days' },
    fees: [fee('phi_tham_dinh', 'Phí thẩm định điều kiện hoạt động Văn phòng công chứng', 'Appraisal fee for the operating conditions of a notary office', 1_000_000)],
    components: [
      doc('don_dang_ky', 'Đơn đăng ký hoạt động Văn phòng công chứng (theo mẫu)', 'Application for registration of a notary office (prescribed template)'),
      doc('quyet_dinh_thanh_lap', 'Quyết định cho phép thành lập Văn phòng công chứng', 'Decision permitting the establishment of the notary office'),
      doc('giay_to_tru_so', 'Giấy tờ chứng minh về trụ sở của Văn phòng công chứng', 'Proof of the office premises'),
      doc('ho_so_cong_chung_vien', 'Hồ sơ đăng ký hành nghề của công chứng viên hợp danh, công chứng viên làm việc theo chế độ hợp đồng (nếu có)', 'Practice registration files of the partner and employed notaries (if any)', { required: false }),
    ],
    formSchema: form(['officeName', 'officeAddress', 'legalForm', 'headNotaryFullName', 'notaryCount', 'establishmentDecision'], {
      officeName: text('Tên Văn phòng công chứng', 'Name of the notary office', 200),
      officeAddress: text('Địa chỉ trụ sở', 'Office address', 300),
      legalForm: choice('Loại hình', 'Legal form', [
        ['partnership', 'Công ty hợp danh', 'Partnership'],
        ['sole_proprietorship', 'Doanh nghiệp tư nhân', 'Sole proprietorship'],
      ]),
      headNotaryFullName: text('Trưởng Văn phòng công chứng', 'Head of the notary office', 100),
      notaryCount: integer('Số công chứng viên', 'Number of notaries', 1, 100),
      establishmentDecision: text('Số, ngày quyết định cho phép thành lập', 'Number and date of the establishment decision', 100),
    }),
    onlineLevel: 'partial',
    resultType: 'both',
    resultTemplate: {
      titleVi: 'GIẤY ĐĂNG KÝ HOẠT ĐỘNG VĂN PHÒNG CÔNG CHỨNG',
      titleEn: 'NOTARY OFFICE OPERATING REGISTRATION',
      bodyVi: [
        'Tên Văn phòng công chứng: {{officeName}}; loại hình: {{legalForm}}.',
        'Địa chỉ trụ sở: {{officeAddress}}.',
        'Trưởng Văn phòng: {{headNotaryFullName}}; số công chứng viên: {{notaryCount}}.',
        'Thành lập theo quyết định: {{establishmentDecision}}.',
        'Văn phòng công chứng được hoạt động kể từ ngày được cấp Giấy đăng ký hoạt động. Số: {{dossier.code}}. Ngày cấp: {{date}}.',
      ],
    },
    workflow: standardWorkflow('unit:HTCT', LONG, 'Thẩm định hồ sơ, kiểm tra trụ sở', 'Application reviewed, premises checked'),
    legalBasisVi: 'Luật Công chứng 2024; Thông tư 257/2016/TT-BTC',
  },
  {
    // Placeholder code: the national code was not confirmed.
    code: 'HUE-SDL-GPLHND',
    nameVi: 'Cấp Giấy phép kinh doanh dịch vụ lữ hành nội địa',
    nameEn: 'Domestic tour operator licence',
    ...TOURISM,
    level: 'department',
    agencyCode: 'SDL',
    processingTime: { amount: 10, unit: 'working_days' },
    fees: [fee('phi_tham_dinh', 'Phí thẩm định cấp Giấy phép kinh doanh dịch vụ lữ hành nội địa', 'Appraisal fee for a domestic tour operator licence', 3_000_000)],
    components: [
      doc('don_de_nghi', 'Đơn đề nghị cấp Giấy phép kinh doanh dịch vụ lữ hành (theo mẫu)', 'Application for a tour operator licence (prescribed template)'),
      doc('dang_ky_doanh_nghiep', 'Bản sao Giấy chứng nhận đăng ký doanh nghiệp', 'Copy of the enterprise registration certificate', { reusable: true }),
      doc('ky_quy', 'Giấy chứng nhận ký quỹ kinh doanh dịch vụ lữ hành', 'Certificate of the tour operator deposit'),
      doc('nguoi_phu_trach', 'Bản sao quyết định bổ nhiệm hoặc hợp đồng lao động của người phụ trách kinh doanh dịch vụ lữ hành', "Copy of the appointment decision or employment contract of the tour operations manager"),
      doc('van_bang', 'Bản sao văn bằng, chứng chỉ của người phụ trách kinh doanh dịch vụ lữ hành', "Copies of the tour operations manager's degrees or certificates"),
    ],
    formSchema: form(['companyName', 'enterpriseCode', 'headOfficeAddress', 'managerFullName', 'depositBank'], {
      companyName: text('Tên doanh nghiệp', 'Company name', 200),
      enterpriseCode: text('Mã số doanh nghiệp', 'Enterprise code', 20),
      headOfficeAddress: text('Địa chỉ trụ sở chính', 'Head office address', 300),
      managerFullName: text('Người phụ trách kinh doanh dịch vụ lữ hành', 'Tour operations manager', 100),
      depositBank: text('Ngân hàng nhận ký quỹ', 'Deposit bank', 200),
    }),
    onlineLevel: 'full',
    resultType: 'both',
    resultTemplate: {
      titleVi: 'GIẤY PHÉP KINH DOANH DỊCH VỤ LỮ HÀNH NỘI ĐỊA',
      titleEn: 'DOMESTIC TOUR OPERATOR LICENCE',
      bodyVi: [
        'Tên doanh nghiệp: {{companyName}}; mã số doanh nghiệp: {{enterpriseCode}}.',
        'Địa chỉ trụ sở chính: {{headOfficeAddress}}.',
        'Người phụ trách kinh doanh dịch vụ lữ hành: {{managerFullName}}.',
        'Phạm vi kinh doanh: dịch vụ lữ hành nội địa phục vụ khách du lịch nội địa.',
        'Số giấy phép: {{dossier.code}}. Ngày cấp: {{date}}.',
      ],
    },
    workflow: standardWorkflow('unit:QLDL', LONG, 'Thẩm định hồ sơ, điều kiện kinh doanh', 'Application and business conditions reviewed'),
    legalBasisVi: 'Luật Du lịch 2017; Nghị định 168/2017/NĐ-CP; Nghị định 94/2021/NĐ-CP; Thông tư 06/2017/TT-BVHTTDL; Thông tư 33/2018/TT-BTC',
  },
  {
    // Placeholder code: the national code was not confirmed.
    code: 'HUE-SDL-CNHCSLT',
    nameVi: 'Công nhận hạng cơ sở lưu trú du lịch: hạng 1 sao, 2 sao',
    nameEn: 'Star rating (1 or 2 stars) of tourist accommodation',
    ...TOURISM,
    level: 'department',
    agencyCode: 'SDL',
    // "30 ngày" in the Law on Tourism (calendar days).
    processingTime: { amount: 30, unit: 'days' },
    fees: [fee('phi_tham_dinh', 'Phí thẩm định công nhận hạng cơ sở lưu trú du lịch (hạng 1 sao, 2 sao)', 'Appraisal fee for a 1- or 2-star rating', 1_500_000)],
    components: [
      doc('don_de_nghi', 'Đơn đề nghị công nhận hạng cơ sở lưu trú du lịch (theo mẫu)', 'Application for a star rating (prescribed template)'),
      doc('tu_danh_gia', 'Báo cáo tự đánh giá chất lượng cơ sở lưu trú du lịch theo tiêu chuẩn quốc gia về xếp hạng', 'Self-assessment against the national rating standard'),
      doc('danh_sach_nhan_su', 'Danh sách người quản lý và nhân viên; bản sao văn bằng, chứng chỉ của người quản lý và trưởng các bộ phận', 'Staff list; copies of qualifications of the manager and heads of department'),
    ],
    formSchema: form(['establishmentName', 'establishmentType', 'address', 'roomCount', 'requestedRating'], {
      establishmentName: text('Tên cơ sở lưu trú du lịch', 'Name of the establishment', 200),
      establishmentType: choice('Loại hình', 'Type of accommodation', [
        ['hotel', 'Khách sạn', 'Hotel'],
        ['villa', 'Biệt thự du lịch', 'Tourist villa'],
        ['apartment', 'Căn hộ du lịch', 'Tourist apartment'],
        ['boat', 'Tàu thủy lưu trú du lịch', 'Accommodation boat'],
      ]),
      address: text('Địa chỉ', 'Address', 300),
      roomCount: integer('Số buồng', 'Number of rooms', 1, 2000),
      requestedRating: choice('Hạng đề nghị công nhận', 'Requested rating', [
        ['one_star', 'Hạng 1 sao', '1 star'],
        ['two_stars', 'Hạng 2 sao', '2 stars'],
      ]),
    }),
    onlineLevel: 'full',
    resultType: 'both',
    resultTemplate: {
      titleVi: 'QUYẾT ĐỊNH CÔNG NHẬN HẠNG CƠ SỞ LƯU TRÚ DU LỊCH',
      titleEn: 'DECISION ON THE STAR RATING OF TOURIST ACCOMMODATION',
      bodyVi: [
        'Điều 1. Công nhận cơ sở lưu trú du lịch {{establishmentName}} (loại hình: {{establishmentType}}), địa chỉ {{address}}, số buồng {{roomCount}}, đạt tiêu chuẩn {{requestedRating}}.',
        'Điều 2. Quyết định có hiệu lực 05 năm kể từ ngày ký. Cơ sở có trách nhiệm duy trì chất lượng theo hạng đã được công nhận.',
        'Điều 3. Người đại diện cơ sở, ông/bà {{applicant.fullName}}, và các đơn vị liên quan chịu trách nhiệm thi hành Quyết định này.',
        'Số hồ sơ: {{dossier.code}}. Ngày ký: {{date}}.',
      ],
    },
    workflow: standardWorkflow('unit:QLDL', LONG, 'Thẩm định hồ sơ và thẩm định thực tế tại cơ sở', 'Application reviewed and establishment inspected'),
    legalBasisVi: 'Luật Du lịch 2017; Nghị định 168/2017/NĐ-CP; Thông tư 06/2017/TT-BVHTTDL; TCVN 4391:2015; Thông tư 34/2018/TT-BTC',
  },
  {
    // Placeholder code: the national code was not confirmed.
    code: 'HUE-SCT-DKKMMR',
    nameVi: 'Đăng ký thực hiện khuyến mại theo hình thức mang tính may rủi trên địa bàn một tỉnh, thành phố trực thuộc trung ương',
    nameEn: 'Registration of a lucky-draw sales promotion within one province or city',
    ...TRADE_PROMOTION,
    level: 'department',
    agencyCode: 'SCT',
    processingTime: { amount: 5, unit: 'working_days' },
    fees: [],
    components: [
      doc('don_de_nghi', 'Đơn đề nghị thực hiện chương trình khuyến mại (theo mẫu)', 'Application to run a sales promotion (prescribed template)'),
      doc('the_le', 'Thể lệ chương trình khuyến mại (theo mẫu)', 'Rules of the promotion (prescribed template)'),
      doc('mau_ve', 'Mẫu vé số dự thưởng (trường hợp phát hành vé số dự thưởng)', 'Specimen lottery ticket (if tickets are issued)', { required: false }),
      doc('hinh_anh_hang_hoa', 'Hình ảnh hàng hóa, dịch vụ khuyến mại và hàng hóa dùng để khuyến mại', 'Pictures of the promoted goods and the prizes', { required: false }),
    ],
    formSchema: form(['programName', 'promotionStart', 'promotionEnd', 'promotedGoods', 'totalPrizeValue'], {
      programName: text('Tên chương trình khuyến mại', 'Name of the promotion', 300),
      promotionStart: date('Ngày bắt đầu', 'Start date'),
      promotionEnd: date('Ngày kết thúc', 'End date'),
      promotedGoods: text('Hàng hóa, dịch vụ được khuyến mại', 'Goods or services promoted', 1000),
      totalPrizeValue: integer('Tổng giá trị giải thưởng (đồng)', 'Total prize value (đồng)', 0, 100_000_000_000),
    }),
    onlineLevel: 'full',
    resultType: 'electronic',
    resultTemplate: {
      titleVi: 'XÁC NHẬN ĐĂNG KÝ THỰC HIỆN KHUYẾN MẠI',
      titleEn: 'CONFIRMATION OF A SALES PROMOTION REGISTRATION',
      bodyVi: [
        '{{agency.nameVi}} xác nhận việc đăng ký thực hiện chương trình khuyến mại của thương nhân do ông/bà {{applicant.fullName}} đại diện:',
        'Tên chương trình: {{programName}}.',
        'Thời gian thực hiện: từ ngày {{promotionStart}} đến ngày {{promotionEnd}}.',
        'Hàng hóa, dịch vụ được khuyến mại: {{promotedGoods}}. Tổng giá trị giải thưởng: {{totalPrizeValue}} đồng.',
        'Thương nhân có trách nhiệm thực hiện đúng thể lệ đã đăng ký và báo cáo kết quả sau khi kết thúc chương trình. Số: {{dossier.code}}. Ngày {{date}}.',
      ],
    },
    workflow: standardWorkflow('unit:QLTM', SHORT, 'Thẩm định thể lệ chương trình khuyến mại', 'Promotion rules reviewed'),
    legalBasisVi: 'Luật Thương mại 2005; Nghị định 81/2018/NĐ-CP; Nghị định 128/2024/NĐ-CP',
  },
  {
    // Placeholder code: the national code was not confirmed.
    code: 'HUE-SXD-GPXDCT',
    nameVi: 'Cấp giấy phép xây dựng mới đối với công trình cấp I, cấp II (công trình không theo tuyến)',
    nameEn: 'Construction permit for a grade I or II building (non-linear works)',
    ...CONSTRUCTION,
    level: 'department',
    agencyCode: 'SXD',
    // "20 ngày" in the Law on Construction (calendar days).
    processingTime: { amount: 20, unit: 'days' },
    // Set by the city People's Council; typical figure, check Huế's resolution.
    fees: [fee('le_phi', 'Lệ phí cấp giấy phép xây dựng công trình', 'Construction permit fee (building)', 100_000)],
    components: [
      doc('don_de_nghi', 'Đơn đề nghị cấp giấy phép xây dựng (theo mẫu)', 'Construction permit application (prescribed template)'),
      doc('giay_to_dat', 'Bản sao giấy tờ chứng minh quyền sử dụng đất theo quy định của pháp luật về đất đai', 'Copy of the land use rights documents', { reusable: true }),
      doc('quyet_dinh_du_an', 'Quyết định phê duyệt dự án; văn bản thông báo kết quả thẩm định của cơ quan chuyên môn về xây dựng', 'Project approval decision and the construction authority’s appraisal notice'),
      doc('ban_ve', 'Bản vẽ thiết kế xây dựng trong hồ sơ thiết kế đã được thẩm định', 'Appraised design drawings', { copies: 2 }),
      doc('pccc', 'Văn bản thẩm duyệt thiết kế về phòng cháy và chữa cháy (trường hợp phải thẩm duyệt)', 'Fire safety design approval (where required)', { required: false }),
    ],
    formSchema: form(['projectName', 'constructionAddress', 'constructionGrade', 'totalFloorArea', 'floors', 'heightMeters'], {
      projectName: text('Tên công trình', 'Name of the works', 300),
      constructionAddress: text('Địa điểm xây dựng', 'Construction address', 300),
      constructionGrade: choice('Cấp công trình', 'Grade of the works', [
        ['grade_1', 'Cấp I', 'Grade I'],
        ['grade_2', 'Cấp II', 'Grade II'],
      ]),
      totalFloorArea: integer('Tổng diện tích sàn (m²)', 'Total floor area (m²)', 1, 1_000_000),
      floors: integer('Số tầng', 'Number of floors', 1, 100),
      heightMeters: integer('Chiều cao công trình (m)', 'Building height (m)', 1, 500),
    }),
    onlineLevel: 'partial',
    resultType: 'paper',
    resultTemplate: {
      titleVi: 'GIẤY PHÉP XÂY DỰNG',
      titleEn: 'CONSTRUCTION PERMIT',
      bodyVi: [
        'Cấp cho: {{applicant.fullName}}; địa chỉ: {{applicant.address}}.',
        'Được phép xây dựng công trình: {{projectName}} ({{constructionGrade}}).',
        'Địa điểm xây dựng: {{constructionAddress}}.',
        'Tổng diện tích sàn: {{totalFloorArea}} m²; số tầng: {{floors}}; chiều cao công trình: {{heightMeters}} m.',
        PERMIT_VALIDITY,
        'Số giấy phép: {{dossier.code}}. Ngày cấp: {{date}}.',
      ],
    },
    workflow: standardWorkflow('unit:QHKT', LONG, 'Thẩm định hồ sơ, kiểm tra thực địa', 'Application reviewed, site inspected'),
    legalBasisVi: 'Luật Xây dựng 2014 (sửa đổi, bổ sung năm 2020); Nghị định 175/2024/NĐ-CP; Thông tư 85/2019/TT-BTC; Nghị quyết của Hội đồng nhân dân thành phố về lệ phí cấp giấy phép xây dựng',
  },
];
