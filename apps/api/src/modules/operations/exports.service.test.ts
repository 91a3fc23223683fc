import type { Decision766Score } from '@onecity/contracts';
import { describe, expect, it } from 'vitest';
import { decision766Csv } from './exports.service.ts';

const score = (nameVi: string): Decision766Score => ({
  agency: { code: 'PHUXUAN', nameVi, nameEn: 'Phu Xuan Ward', kind: 'ward' },
  from: '2026-11-01',
  to: '2026-11-30',
  asOf: '2026-11-29T03:00:00.000Z',
  indicators: [
    { code: '2.1', group: 'progress', nameVi: 'Hồ sơ giải quyết đúng hạn, trước hạn', nameEn: 'On time', formulaVi: 'Đúng hạn ÷ phải giải quyết', formulaEn: '', maxPoints: 20, fullPointsAt: 1, measurable: true, noteVi: null, noteEn: null, unit: 'share', itemKind: 'dossier', numerator: 5, denominator: 6, value: 5 / 6, points: 16.67 },
  ],
  groups: [{ group: 'progress', maxPoints: 20, measuredMaxPoints: 20, points: 16.67 }],
  total: 16.67,
  maxPoints: 100,
  measuredMaxPoints: 20,
  band: 'weak',
});

describe('the Decision 766 CSV', () => {
  it('writes shares with four decimals, the group and the total with the band', () => {
    const lines = decision766Csv(score('Phường Phú Xuân')).split('\r\n');
    expect(lines[1]).toBe('"PHUXUAN","Phường Phú Xuân","2026-11-01","2026-11-30","Tiến độ giải quyết","2.1","Hồ sơ giải quyết đúng hạn, trước hạn","Đúng hạn ÷ phải giải quyết","Có",5,6,0.8333,16.67,20,');
    expect(lines[2]).toBe('"PHUXUAN","Phường Phú Xuân","2026-11-01","2026-11-30","Tiến độ giải quyết",,"Cộng nhóm: Tiến độ giải quyết",,,,,,16.67,20,');
    expect(lines[3]).toBe('"PHUXUAN","Phường Phú Xuân","2026-11-01","2026-11-30",,,"Tổng điểm",,,,,,16.67,100,"Yếu"');
    expect(lines[4]).toBe('');
  });

  it('never lets a name run as a spreadsheet formula, and doubles quotes', () => {
    const lines = decision766Csv(score('=HYPERLINK("http://x")')).split('\r\n');
    expect(lines[1]?.startsWith(`"PHUXUAN","'=HYPERLINK(""http://x"")",`)).toBe(true);
  });
});
