/**
 * The demo city: Huế after the 2025 two-level reform (Resolution 1675/NQ-UBTVQH15 of 16/06/2025): 40 commune-level
 * units (21 wards, 19 communes). Ward centres are approximate (±1–2 km) and boundaries are generated from them:
 * DEMO DATA, not survey data. Replace them with `npm run import:areas -- file.geojson`.
 */
export interface SeedArea {
  code: string;
  nameVi: string;
  nameEn: string;
  kind: 'ward' | 'commune';
  /** [longitude, latitude] of the approximate centre. */
  centre: [number, number];
}

const ward = (code: string, name: string, nameEn: string, lon: number, lat: number): SeedArea => ({
  code, nameVi: `Phường ${name}`, nameEn: `${nameEn} Ward`, kind: 'ward', centre: [lon, lat],
});
const commune = (code: string, name: string, nameEn: string, lon: number, lat: number): SeedArea => ({
  code, nameVi: `Xã ${name}`, nameEn: `${nameEn} Commune`, kind: 'commune', centre: [lon, lat],
});

export const HUE_AREAS: SeedArea[] = [
  ward('PHUXUAN', 'Phú Xuân', 'Phu Xuan', 107.5786, 16.4698),
  ward('THUANHOA', 'Thuận Hóa', 'Thuan Hoa', 107.5925, 16.4620),
  ward('KIMLONG', 'Kim Long', 'Kim Long', 107.5480, 16.4560),
  ward('VYDA', 'Vỹ Dạ', 'Vy Da', 107.6105, 16.4790),
  ward('ANCUU', 'An Cựu', 'An Cuu', 107.6050, 16.4500),
  ward('THUYXUAN', 'Thủy Xuân', 'Thuy Xuan', 107.5700, 16.4380),
  ward('HUONGAN', 'Hương An', 'Huong An', 107.5380, 16.4870),
  ward('HUONGTRA', 'Hương Trà', 'Huong Tra', 107.4850, 16.5260),
  ward('KIMTRA', 'Kim Trà', 'Kim Tra', 107.5150, 16.5050),
  ward('HOACHAU', 'Hóa Châu', 'Hoa Chau', 107.5800, 16.5300),
  ward('DUONGNO', 'Dương Nỗ', 'Duong No', 107.6250, 16.5080),
  ward('THUANAN', 'Thuận An', 'Thuan An', 107.6400, 16.5600),
  ward('MYTHUONG', 'Mỹ Thượng', 'My Thuong', 107.6450, 16.4750),
  ward('PHUBAI', 'Phú Bài', 'Phu Bai', 107.7000, 16.4000),
  ward('HUONGTHUY', 'Hương Thủy', 'Huong Thuy', 107.6350, 16.4150),
  ward('THANHTHUY', 'Thanh Thủy', 'Thanh Thuy', 107.6650, 16.4350),
  ward('PHONGDIEN', 'Phong Điền', 'Phong Dien', 107.3700, 16.5700),
  ward('PHONGTHAI', 'Phong Thái', 'Phong Thai', 107.3250, 16.6150),
  ward('PHONGDINH', 'Phong Dinh', 'Phong Dinh', 107.3950, 16.6350),
  ward('PHONGPHU', 'Phong Phú', 'Phong Phu', 107.2900, 16.5550),
  ward('PHONGQUANG', 'Phong Quảng', 'Phong Quang', 107.4250, 16.6800),
  commune('DANDIEN', 'Đan Điền', 'Dan Dien', 107.4700, 16.6300),
  commune('QUANGDIEN', 'Quảng Điền', 'Quang Dien', 107.5150, 16.5850),
  commune('BINHDIEN', 'Bình Điền', 'Binh Dien', 107.5000, 16.3850),
  commune('PHUVINH', 'Phú Vinh', 'Phu Vinh', 107.7000, 16.5400),
  commune('PHUHO', 'Phú Hồ', 'Phu Ho', 107.6900, 16.4800),
  commune('PHUVANG', 'Phú Vang', 'Phu Vang', 107.7450, 16.4950),
  commune('VINHLOC', 'Vinh Lộc', 'Vinh Loc', 107.8600, 16.4000),
  commune('HUNGLOC', 'Hưng Lộc', 'Hung Loc', 107.7650, 16.3050),
  commune('LOCAN', 'Lộc An', 'Loc An', 107.8050, 16.3500),
  commune('PHULOC', 'Phú Lộc', 'Phu Loc', 107.8750, 16.2900),
  commune('CHANMAYLANGCO', 'Chân Mây - Lăng Cô', 'Chan May - Lang Co', 108.0200, 16.2700),
  commune('LONGQUANG', 'Long Quảng', 'Long Quang', 107.7550, 16.2300),
  commune('NAMDONG', 'Nam Đông', 'Nam Dong', 107.6500, 16.1400),
  commune('KHETRE', 'Khe Tre', 'Khe Tre', 107.7200, 16.1750),
  commune('ALUOI1', 'A Lưới 1', 'A Luoi 1', 107.1500, 16.3800),
  commune('ALUOI2', 'A Lưới 2', 'A Luoi 2', 107.2300, 16.2700),
  commune('ALUOI3', 'A Lưới 3', 'A Luoi 3', 107.3000, 16.2000),
  commune('ALUOI4', 'A Lưới 4', 'A Luoi 4', 107.3800, 16.1000),
  commune('ALUOI5', 'A Lưới 5', 'A Luoi 5', 107.4200, 16.0400),
];

export interface SeedAgency {
  code: string;
  nameVi: string;
  nameEn: string;
  kind: 'city' | 'department' | 'ward' | 'commune' | 'unit' | 'service_unit';
  parent: string | null;
}

/** The city People's Committee, its departments (as reorganised in 2025) and handling units. */
export const HUE_AGENCIES: SeedAgency[] = [
  { code: 'HUE', nameVi: 'Ủy ban nhân dân thành phố Huế', nameEn: "Huế City People's Committee", kind: 'city', parent: null },
  // Departments (Sở) and bodies at department level
  { code: 'VPUB', nameVi: 'Văn phòng Ủy ban nhân dân thành phố', nameEn: "Office of the City People's Committee", kind: 'department', parent: 'HUE' },
  { code: 'SNV', nameVi: 'Sở Nội vụ', nameEn: 'Department of Home Affairs', kind: 'department', parent: 'HUE' },
  { code: 'STC', nameVi: 'Sở Tài chính', nameEn: 'Department of Finance', kind: 'department', parent: 'HUE' },
  { code: 'SXD', nameVi: 'Sở Xây dựng', nameEn: 'Department of Construction', kind: 'department', parent: 'HUE' },
  { code: 'SNNMT', nameVi: 'Sở Nông nghiệp và Môi trường', nameEn: 'Department of Agriculture and Environment', kind: 'department', parent: 'HUE' },
  { code: 'SCT', nameVi: 'Sở Công Thương', nameEn: 'Department of Industry and Trade', kind: 'department', parent: 'HUE' },
  { code: 'SKHCN', nameVi: 'Sở Khoa học và Công nghệ', nameEn: 'Department of Science and Technology', kind: 'department', parent: 'HUE' },
  { code: 'SGDDT', nameVi: 'Sở Giáo dục và Đào tạo', nameEn: 'Department of Education and Training', kind: 'department', parent: 'HUE' },
  { code: 'SYT', nameVi: 'Sở Y tế', nameEn: 'Department of Health', kind: 'department', parent: 'HUE' },
  { code: 'SVHTT', nameVi: 'Sở Văn hóa và Thể thao', nameEn: 'Department of Culture and Sports', kind: 'department', parent: 'HUE' },
  { code: 'SDL', nameVi: 'Sở Du lịch', nameEn: 'Department of Tourism', kind: 'department', parent: 'HUE' },
  { code: 'STP', nameVi: 'Sở Tư pháp', nameEn: 'Department of Justice', kind: 'department', parent: 'HUE' },
  { code: 'SDTTG', nameVi: 'Sở Dân tộc và Tôn giáo', nameEn: 'Department of Ethnic and Religious Affairs', kind: 'department', parent: 'HUE' },
  { code: 'TTRA', nameVi: 'Thanh tra thành phố', nameEn: 'City Inspectorate', kind: 'department', parent: 'HUE' },
  // City-level service centres
  { code: 'TTHCC', nameVi: 'Trung tâm Phục vụ hành chính công thành phố', nameEn: 'City Public Administration Service Centre', kind: 'service_unit', parent: 'HUE' },
  { code: 'IOC', nameVi: 'Trung tâm Giám sát, điều hành đô thị thông minh', nameEn: 'Intelligent Operations Centre (HueIOC)', kind: 'service_unit', parent: 'SKHCN' },
  // Handling units under departments
  { code: 'SXD_HTKT', nameVi: 'Phòng Quản lý hạ tầng kỹ thuật', nameEn: 'Technical Infrastructure Division', kind: 'unit', parent: 'SXD' },
  { code: 'SXD_GT', nameVi: 'Phòng Quản lý giao thông', nameEn: 'Transport Management Division', kind: 'unit', parent: 'SXD' },
  { code: 'SXD_QHKT', nameVi: 'Phòng Quy hoạch - Kiến trúc', nameEn: 'Planning and Architecture Division', kind: 'unit', parent: 'SXD' },
  { code: 'SXD_TTXD', nameVi: 'Thanh tra xây dựng', nameEn: 'Construction Inspectorate', kind: 'unit', parent: 'SXD' },
  { code: 'SNNMT_MT', nameVi: 'Chi cục Bảo vệ môi trường', nameEn: 'Environmental Protection Sub-department', kind: 'unit', parent: 'SNNMT' },
  { code: 'SNNMT_DD', nameVi: 'Phòng Quản lý đất đai', nameEn: 'Land Management Division', kind: 'unit', parent: 'SNNMT' },
  { code: 'SNNMT_TL', nameVi: 'Chi cục Thủy lợi và Phòng chống thiên tai', nameEn: 'Irrigation and Disaster Prevention Sub-department', kind: 'unit', parent: 'SNNMT' },
  { code: 'SNNMT_KL', nameVi: 'Chi cục Kiểm lâm', nameEn: 'Forest Protection Sub-department', kind: 'unit', parent: 'SNNMT' },
  { code: 'SCT_QLTM', nameVi: 'Phòng Quản lý thương mại', nameEn: 'Trade Management Division', kind: 'unit', parent: 'SCT' },
  { code: 'SCT_QLTT', nameVi: 'Chi cục Quản lý thị trường', nameEn: 'Market Surveillance Sub-department', kind: 'unit', parent: 'SCT' },
  { code: 'SYT_ATTP', nameVi: 'Chi cục An toàn vệ sinh thực phẩm', nameEn: 'Food Safety Sub-department', kind: 'unit', parent: 'SYT' },
  { code: 'SYT_CDC', nameVi: 'Trung tâm Kiểm soát bệnh tật', nameEn: 'Centre for Disease Control', kind: 'unit', parent: 'SYT' },
  { code: 'SVHTT_DS', nameVi: 'Phòng Quản lý di sản văn hóa', nameEn: 'Cultural Heritage Division', kind: 'unit', parent: 'SVHTT' },
  { code: 'SDL_QLDL', nameVi: 'Phòng Quản lý du lịch', nameEn: 'Tourism Management Division', kind: 'unit', parent: 'SDL' },
  { code: 'STP_HTCT', nameVi: 'Phòng Hành chính tư pháp', nameEn: 'Civil Status and Judicial Administration Division', kind: 'unit', parent: 'STP' },
  { code: 'SNV_CCHC', nameVi: 'Phòng Cải cách hành chính', nameEn: 'Administrative Reform Division', kind: 'unit', parent: 'SNV' },
  { code: 'SKHCN_CDS', nameVi: 'Phòng Chuyển đổi số', nameEn: 'Digital Transformation Division', kind: 'unit', parent: 'SKHCN' },
  { code: 'SKHCN_ATTT', nameVi: 'Trung tâm An toàn thông tin (SOC)', nameEn: 'Information Security Centre (SOC)', kind: 'unit', parent: 'SKHCN' },
  { code: 'STC_GIA', nameVi: 'Phòng Quản lý giá và công sản', nameEn: 'Prices and Public Assets Division', kind: 'unit', parent: 'STC' },
  // Public service units
  { code: 'PCHUE', nameVi: 'Công ty Điện lực Thừa Thiên Huế', nameEn: 'Huế Power Company', kind: 'service_unit', parent: 'HUE' },
  { code: 'HUEWACO', nameVi: 'Công ty Cổ phần Cấp nước Thừa Thiên Huế', nameEn: 'Huế Water Supply Company', kind: 'service_unit', parent: 'HUE' },
  { code: 'HEPCO', nameVi: 'Công ty Cổ phần Môi trường và Công trình đô thị Huế', nameEn: 'Huế Urban Environment and Public Works Company', kind: 'service_unit', parent: 'SXD' },
  { code: 'CVCX', nameVi: 'Trung tâm Công viên cây xanh Huế', nameEn: 'Huế Parks and Trees Centre', kind: 'service_unit', parent: 'SXD' },
  { code: 'CSDT', nameVi: 'Đội Chiếu sáng đô thị', nameEn: 'Urban Street Lighting Team', kind: 'service_unit', parent: 'SXD' },
  { code: 'BQLDA', nameVi: 'Ban Quản lý dự án đầu tư xây dựng thành phố', nameEn: 'City Construction Investment Project Management Board', kind: 'service_unit', parent: 'HUE' },
  { code: 'TTDSHUE', nameVi: 'Trung tâm Bảo tồn Di tích Cố đô Huế', nameEn: 'Huế Monuments Conservation Centre', kind: 'service_unit', parent: 'SVHTT' },
];

/**
 * Units each ward/commune has since the 2025 two-level reform: its public administration service centre (one-stop
 * desk), its office of the People's Council and Committee (which also handles civil status and certification) and its
 * economic/urban division.
 */
export function wardUnits(area: SeedArea): SeedAgency[] {
  return [
    { code: `${area.code}_HCC`, nameVi: `Trung tâm Phục vụ hành chính công ${area.nameVi}`, nameEn: `${area.nameEn} Public Administration Service Centre`, kind: 'unit', parent: area.code },
    { code: `${area.code}_VP`, nameVi: `Văn phòng HĐND và UBND ${area.nameVi}`, nameEn: `${area.nameEn} Office of the People's Council and Committee`, kind: 'unit', parent: area.code },
    { code: `${area.code}_KT`, nameVi: `Phòng Kinh tế, Hạ tầng và Đô thị ${area.nameVi}`, nameEn: `${area.nameEn} Economy, Infrastructure and Urban Division`, kind: 'unit', parent: area.code },
  ];
}

export const DEMO_PASSWORD = 'OneCity-demo-2026';

export interface SeedAccount {
  email: string;
  phone: string | null;
  fullName: string;
  roles: { role: 'citizen' | 'officer' | 'unit_lead' | 'desk_officer' | 'ioc_operator' | 'auditor' | 'admin'; agency: string | null }[];
}

/** Demo accounts, one per role, all with DEMO_PASSWORD (listed in the README). */
export const DEMO_ACCOUNTS: SeedAccount[] = [
  { email: 'citizen@demo.onecity.local', phone: '0905000001', fullName: 'Nguyễn Thị Hoa', roles: [{ role: 'citizen', agency: null }] },
  { email: 'ward.officer@demo.onecity.local', phone: null, fullName: 'Trần Văn Bình', roles: [{ role: 'officer', agency: 'PHUXUAN_KT' }] },
  { email: 'dept.officer@demo.onecity.local', phone: null, fullName: 'Lê Minh Châu', roles: [{ role: 'officer', agency: 'SXD_HTKT' }] },
  { email: 'unit.lead@demo.onecity.local', phone: null, fullName: 'Phạm Quốc Dũng', roles: [{ role: 'unit_lead', agency: 'SXD' }] },
  { email: 'desk.officer@demo.onecity.local', phone: null, fullName: 'Hoàng Thu Hà', roles: [{ role: 'desk_officer', agency: 'PHUXUAN_HCC' }] },
  { email: 'civil.officer@demo.onecity.local', phone: null, fullName: 'Ngô Thị Lan', roles: [{ role: 'officer', agency: 'PHUXUAN_VP' }] },
  { email: 'ward.lead@demo.onecity.local', phone: null, fullName: 'Trương Công Minh', roles: [{ role: 'unit_lead', agency: 'PHUXUAN' }] },
  { email: 'city.desk@demo.onecity.local', phone: null, fullName: 'Lý Thị Kim', roles: [{ role: 'desk_officer', agency: 'TTHCC' }] },
  { email: 'ioc@demo.onecity.local', phone: null, fullName: 'Võ Thanh Long', roles: [{ role: 'ioc_operator', agency: 'HUE' }] },
  { email: 'auditor@demo.onecity.local', phone: null, fullName: 'Đặng Ngọc Mai', roles: [{ role: 'auditor', agency: 'HUE' }] },
  { email: 'admin@demo.onecity.local', phone: null, fullName: 'Quản trị hệ thống', roles: [{ role: 'admin', agency: 'HUE' }] },
];
