/**
 * Demo report categories and routing for Huế: the problems citizens report most (street lights, roads,
 * garbage, flooding, encroachment, trees, water, power, food safety, heritage), each routed to the unit that
 * fixes it. Encroachment and damaged roads go to the ward's economy/infrastructure division; "other" has no
 * rule and goes to IOC triage.
 */
import type { CategoryInput } from '@onecity/contracts';
import type { SeedRoutingRule } from '../modules/reports/index.ts';
import { HUE_AREAS } from './hue-data.ts';

const INFRA = { groupVi: 'Hạ tầng đô thị', groupEn: 'Urban infrastructure' };
const ENVIRONMENT = { groupVi: 'Môi trường', groupEn: 'Environment' };
const ORDER = { groupVi: 'Trật tự đô thị', groupEn: 'Urban order' };
const SERVICES = { groupVi: 'Dịch vụ thiết yếu', groupEn: 'Essential services' };
const SOCIETY = { groupVi: 'Văn hóa - Xã hội', groupEn: 'Culture and society' };

export const DEMO_CATEGORIES: CategoryInput[] = [
  {
    code: 'STREET_LIGHT', nameVi: 'Chiếu sáng công cộng', nameEn: 'Street lighting', ...INFRA,
    descriptionVi: 'Đèn đường hỏng, không sáng, sáng ban ngày hoặc chập chờn.', descriptionEn: 'Street lights out, on in daytime or flickering.',
    keywords: 'đèn,đèn đường,chiếu sáng,light,lamp', slaWorkingDays: 5, urgentSlaHours: 12,
    questions: [
      { code: 'light_state', labelVi: 'Tình trạng đèn', labelEn: 'State of the light', datatype: 'choice', isRequired: true, options: [
        { key: 'off', labelVi: 'Không sáng', labelEn: 'Not working' },
        { key: 'flickering', labelVi: 'Chập chờn', labelEn: 'Flickering' },
        { key: 'day', labelVi: 'Sáng ban ngày', labelEn: 'On in daytime' },
      ] },
      { code: 'pole_number', labelVi: 'Số hiệu cột đèn (nếu có)', labelEn: 'Pole number (if any)', datatype: 'text', isRequired: false },
    ],
  },
  {
    code: 'ROAD_DAMAGE', nameVi: 'Hư hỏng đường, vỉa hè', nameEn: 'Damaged road or pavement', ...INFRA,
    descriptionVi: 'Ổ gà, sụt lún, nắp hố ga hỏng, vỉa hè vỡ.', descriptionEn: 'Potholes, subsidence, broken manhole covers or pavements.',
    keywords: 'ổ gà,đường,vỉa hè,pothole,road', isPhotoRequired: false,
  },
  {
    code: 'GARBAGE', nameVi: 'Rác thải, vệ sinh môi trường', nameEn: 'Garbage and sanitation', ...ENVIRONMENT,
    descriptionVi: 'Rác tồn đọng, đổ trộm rác, thùng rác đầy.', descriptionEn: 'Uncollected or dumped garbage, full bins.',
    keywords: 'rác,vệ sinh,garbage,trash', slaWorkingDays: 3,
  },
  {
    code: 'FLOODING', nameVi: 'Ngập úng, thoát nước', nameEn: 'Flooding and drainage', ...INFRA,
    descriptionVi: 'Ngập nước, cống tắc, nước thải tràn.', descriptionEn: 'Flooded streets, blocked drains, overflowing sewage.',
    keywords: 'ngập,cống,thoát nước,flood,drain', slaWorkingDays: 3, urgentSlaHours: 4,
    questions: [{ code: 'water_depth_cm', labelVi: 'Độ sâu nước ước tính (cm)', labelEn: 'Estimated water depth (cm)', datatype: 'number', isRequired: false }],
  },
  {
    code: 'ENCROACHMENT', nameVi: 'Lấn chiếm lòng đường, vỉa hè', nameEn: 'Encroachment on roads and pavements', ...ORDER,
    descriptionVi: 'Buôn bán, để xe, vật liệu xây dựng lấn chiếm lòng đường, vỉa hè.', descriptionEn: 'Trading, parking or building materials blocking roads and pavements.',
    keywords: 'lấn chiếm,vỉa hè,encroachment',
  },
  {
    code: 'TREES', nameVi: 'Cây xanh, công viên', nameEn: 'Trees and parks', ...ENVIRONMENT,
    descriptionVi: 'Cây đổ, cành gãy, cây nguy hiểm, công viên xuống cấp.', descriptionEn: 'Fallen trees, broken branches, dangerous trees, run-down parks.',
    keywords: 'cây,cây đổ,công viên,tree,park', urgentSlaHours: 6,
  },
  {
    code: 'WATER_SUPPLY', nameVi: 'Cấp nước', nameEn: 'Water supply', ...SERVICES,
    descriptionVi: 'Mất nước, vỡ ống, nước bẩn.', descriptionEn: 'No water, burst pipes, dirty water.', keywords: 'nước,mất nước,water', slaWorkingDays: 2,
  },
  {
    code: 'POWER', nameVi: 'Điện', nameEn: 'Power supply', ...SERVICES,
    descriptionVi: 'Mất điện, dây điện võng, trụ điện nguy hiểm.', descriptionEn: 'Power cuts, sagging lines, dangerous poles.', keywords: 'điện,mất điện,power', slaWorkingDays: 2, urgentSlaHours: 2,
  },
  {
    code: 'FOOD_SAFETY', nameVi: 'An toàn thực phẩm', nameEn: 'Food safety', ...SOCIETY,
    descriptionVi: 'Cơ sở kinh doanh thực phẩm mất vệ sinh.', descriptionEn: 'Unhygienic food businesses.', keywords: 'thực phẩm,vệ sinh,food', isPublic: false,
  },
  {
    code: 'HERITAGE', nameVi: 'Di tích, di sản', nameEn: 'Heritage sites', ...SOCIETY,
    descriptionVi: 'Di tích xuống cấp, xâm hại di tích Cố đô.', descriptionEn: 'Damage to or neglect of the Imperial City monuments.', keywords: 'di tích,đại nội,heritage',
  },
  {
    code: 'OTHER', nameVi: 'Vấn đề khác', nameEn: 'Other problem', groupVi: 'Khác', groupEn: 'Other',
    descriptionVi: 'Những vấn đề chưa có trong danh mục.', descriptionEn: 'Anything not in the list.', keywords: 'khác,other', isAfterPhotoRequired: false,
  },
];

export const DEMO_ROUTING_RULES: SeedRoutingRule[] = [
  { categoryCode: 'STREET_LIGHT', areaCode: null, unitCode: 'CSDT' },
  { categoryCode: 'ROAD_DAMAGE', areaCode: null, unitCode: 'SXD_GT' },
  { categoryCode: 'GARBAGE', areaCode: null, unitCode: 'HEPCO' },
  { categoryCode: 'FLOODING', areaCode: null, unitCode: 'SXD_HTKT' },
  { categoryCode: 'TREES', areaCode: null, unitCode: 'CVCX' },
  { categoryCode: 'WATER_SUPPLY', areaCode: null, unitCode: 'HUEWACO' },
  { categoryCode: 'POWER', areaCode: null, unitCode: 'PCHUE' },
  { categoryCode: 'FOOD_SAFETY', areaCode: null, unitCode: 'SYT_ATTP' },
  { categoryCode: 'HERITAGE', areaCode: null, unitCode: 'TTDSHUE' },
  ...HUE_AREAS.flatMap((area): SeedRoutingRule[] => [
    { categoryCode: 'ENCROACHMENT', areaCode: area.code, unitCode: `${area.code}_KT` },
    { categoryCode: 'ROAD_DAMAGE', areaCode: area.code, unitCode: `${area.code}_KT` },
  ]),
];
