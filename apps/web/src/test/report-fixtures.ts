import type { PublicReport, ReportCategory } from '@onecity/contracts';
import type { AreaCollection } from '../components/map/areas.ts';
import type { ReportDetail } from '../features/reports/reports.api.ts';

const category = (code: string, overrides: Partial<ReportCategory>): ReportCategory => ({
  code,
  nameVi: code,
  nameEn: code,
  groupVi: 'Hạ tầng đô thị',
  groupEn: 'Urban infrastructure',
  descriptionVi: '',
  descriptionEn: '',
  slaWorkingDays: 5,
  urgentSlaHours: 12,
  questions: [],
  isPhotoRequired: false,
  isAfterPhotoRequired: true,
  isPublic: true,
  isActive: true,
  ...overrides,
});

/** Two categories as the demo city has them: one with a required choice question, one without questions. */
export const CATEGORIES: ReportCategory[] = [
  category('STREET_LIGHT', {
    nameVi: 'Chiếu sáng công cộng',
    nameEn: 'Street lighting',
    descriptionVi: 'Đèn đường hỏng, không sáng.',
    descriptionEn: 'Street lights out.',
    questions: [
      {
        code: 'light_state',
        labelVi: 'Tình trạng đèn',
        labelEn: 'State of the light',
        datatype: 'choice',
        isRequired: true,
        options: [
          { key: 'off', labelVi: 'Không sáng', labelEn: 'Not working' },
          { key: 'flickering', labelVi: 'Chập chờn', labelEn: 'Flickering' },
        ],
      },
      { code: 'pole_number', labelVi: 'Số hiệu cột đèn', labelEn: 'Pole number', datatype: 'text', isRequired: false },
    ],
  }),
  category('FLOODING', {
    nameVi: 'Ngập úng, thoát nước',
    nameEn: 'Flooding and drainage',
    questions: [{ code: 'water_depth_cm', labelVi: 'Độ sâu nước (cm)', labelEn: 'Water depth (cm)', datatype: 'number', isRequired: false }],
  }),
  category('ENCROACHMENT', {
    nameVi: 'Lấn chiếm lòng đường, vỉa hè',
    nameEn: 'Encroachment on roads and pavements',
    groupVi: 'Trật tự đô thị',
    groupEn: 'Urban order',
  }),
];

/** One square ward around Phú Xuân's centre (16.4698, 107.5786). */
export const AREAS: AreaCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { code: 'PHUXUAN', nameVi: 'Phường Phú Xuân', nameEn: 'Phu Xuan Ward', kind: 'ward', centre: [107.5786, 16.4698], isDemoBoundary: true },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [107.56, 16.46],
            [107.6, 16.46],
            [107.6, 16.48],
            [107.56, 16.48],
            [107.56, 16.46],
          ],
        ],
      },
    },
  ],
};

/** A public report as the API presents it. */
export function makeReport(overrides: Partial<PublicReport> = {}): PublicReport {
  return {
    code: 'PA-261129-0001',
    category: { code: 'ENCROACHMENT', nameVi: 'Lấn chiếm lòng đường, vỉa hè', nameEn: 'Encroachment on roads and pavements' },
    description: 'Quán nước lấn chiếm vỉa hè trước số 10',
    status: 'assigned',
    isUrgent: false,
    location: { lat: 16.4698, lng: 107.5786 },
    address: null,
    area: { code: 'PHUXUAN', nameVi: 'Phường Phú Xuân', nameEn: 'Phu Xuan Ward' },
    unit: { code: 'PHUXUAN_KT', nameVi: 'Phòng Kinh tế, Hạ tầng và Đô thị Phường Phú Xuân', nameEn: 'Phu Xuan Economy Division' },
    routing: {
      ruleNo: 10,
      explanationVi: 'Phường Phú Xuân · Lấn chiếm lòng đường, vỉa hè → Phòng Kinh tế, Hạ tầng và Đô thị Phường Phú Xuân, quy tắc riêng của địa bàn #10',
      explanationEn: 'Phu Xuan Ward · Encroachment → Phu Xuan Economy Division, ward-specific rule #10',
    },
    receivedOn: '2026-11-29',
    dueAt: '2026-12-09T10:00:00.000Z',
    isOverdue: false,
    answer: null,
    resolvedAt: null,
    rating: null,
    createdAt: '2026-11-29T03:00:00.000Z',
    updatedAt: '2026-11-29T03:00:00.000Z',
    ...overrides,
  };
}

/** A report page's data: the report, its public history and photos. */
export function makeReportDetail(overrides: Partial<ReportDetail> = {}): ReportDetail {
  return { ...makeReport(overrides), timeline: [], photos: [], ...overrides };
}
