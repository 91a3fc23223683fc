import { describe, expect, it } from 'vitest';
import { toServiceAttributes, toServiceSummary, type ServiceCategory } from './services.ts';

const LIGHTS: ServiceCategory = {
  code: 'STREET_LIGHT',
  nameVi: 'Chiếu sáng công cộng',
  nameEn: 'Street lighting',
  groupVi: 'Hạ tầng đô thị',
  groupEn: 'Urban infrastructure',
  descriptionVi: 'Đèn đường hỏng.',
  descriptionEn: 'Street lights out.',
  keywords: 'đèn,light',
  slaWorkingDays: 5,
  urgentSlaHours: 12,
  questions: [
    { code: 'light_state', labelVi: 'Tình trạng đèn', labelEn: 'State of the light', datatype: 'choice', isRequired: true, options: [{ key: 'off', labelVi: 'Không sáng', labelEn: 'Not working' }] },
    { code: 'pole_number', labelVi: 'Số hiệu cột', labelEn: 'Pole number', datatype: 'text', isRequired: false },
    { code: 'depth_cm', labelVi: 'Độ sâu', labelEn: 'Depth', datatype: 'number', isRequired: false },
  ],
  isPhotoRequired: false,
  isAfterPhotoRequired: true,
  isPublic: true,
  isActive: true,
};

describe('services', () => {
  it('describes a category as a service, named in the asked language', () => {
    expect(toServiceSummary(LIGHTS, 'vi')).toEqual({
      serviceCode: 'STREET_LIGHT',
      serviceName: 'Chiếu sáng công cộng',
      description: 'Đèn đường hỏng.',
      hasMetadata: true,
      keywords: 'đèn,light',
      group: 'Hạ tầng đô thị',
    });
    expect(toServiceSummary({ ...LIGHTS, questions: [] }, 'en')).toMatchObject({ serviceName: 'Street lighting', group: 'Urban infrastructure', hasMetadata: false });
  });

  it('turns questions into ordered attributes with Open311 datatypes', () => {
    const attributes = toServiceAttributes(LIGHTS.questions, 'en');
    expect(attributes.map((a) => [a.code, a.datatype, a.isRequired, a.order])).toEqual([
      ['light_state', 'singlevaluelist', true, 1],
      ['pole_number', 'string', false, 2],
      ['depth_cm', 'number', false, 3],
    ]);
    expect(attributes[0]).toMatchObject({ description: 'State of the light', values: [{ key: 'off', name: 'Not working' }] });
    expect(toServiceAttributes(LIGHTS.questions, 'vi')[0]?.values).toEqual([{ key: 'off', name: 'Không sáng' }]);
    expect(attributes.every((a) => a.datatypeDescription.length > 0)).toBe(true);
  });
});
