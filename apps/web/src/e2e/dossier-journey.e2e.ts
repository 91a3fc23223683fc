/**
 * The life of an online dossier in the browser: the demo citizen finds birth registration (1.001193) in the
 * catalogue, files it at Phường Phú Xuân with real PDFs; the ward's one-stop desk accepts it; the civil status
 * officer asks for a supplement, which the citizen sends; the officer forwards it and the ward lead approves it;
 * the citizen downloads the result PDF (which records delivery) and answers the survey; anyone then looks the
 * dossier up by its code without seeing personal data. How to run: see harness.ts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, SKIP_REASON, baseUrl, logInOnForm, useBrowser } from './harness.ts';

const CITIZEN = { login: 'citizen@demo.onecity.local', password: DEMO_PASSWORD, fullName: 'Nguyễn Thị Hoa' };
const DESK_OFFICER = { login: 'desk.officer@demo.onecity.local', password: DEMO_PASSWORD };
const CIVIL_OFFICER = { login: 'civil.officer@demo.onecity.local', password: DEMO_PASSWORD };
const WARD_LEAD = { login: 'ward.lead@demo.onecity.local', password: DEMO_PASSWORD };

/** Birth registration's components as the seeded catalogue names them (apps/api/src/seed/procedure-catalogue.ts). */
const BIRTH_FORM = 'Tờ khai đăng ký khai sinh (theo mẫu)';
const BIRTH_NOTICE = 'Giấy chứng sinh; nếu không có thì văn bản của người làm chứng xác nhận về việc sinh hoặc văn bản cam đoan về việc sinh';
const MARRIAGE_CERTIFICATE = 'Giấy chứng nhận kết hôn của cha, mẹ (nếu cha, mẹ đã đăng ký kết hôn và thông tin chưa có trong Cơ sở dữ liệu hộ tịch điện tử)';
/** The result document's title in the catalogue's template. */
const RESULT_TITLE = 'GIẤY KHAI SINH';

const CHILD = { fullName: 'Lê Minh Khôi', birthDate: '2026-11-20', sex: 'Nam', birthPlace: 'Bệnh viện Trung ương Huế', mother: CITIZEN.fullName, father: 'Lê Văn Hùng' };
const APPLICANT = { idNumber: '046190000123', address: '12 Lê Lợi, phường Phú Xuân, thành phố Huế' };
const SUPPLEMENT = {
  noticeDetail: 'Bản chụp giấy chứng sinh bị mờ, không đọc được số; vui lòng chụp lại rõ nét.',
  freeText: 'Bản sao giấy chứng nhận kết hôn của cha, mẹ.',
};

/** The survey's twelve criteria as the form labels them, with the level this journey picks for each. */
const SURVEY: readonly [criterion: string, level: string][] = [
  ['Mức độ hài lòng chung', '5 – Rất hài lòng'],
  ['Dễ sử dụng', '4 – Hài lòng'],
  ['Trả kết quả đúng hẹn', '5 – Rất hài lòng'],
  ['Thái độ của cán bộ', '5 – Rất hài lòng'],
  ['Thời gian so với quy định', '4 – Hài lòng'],
  ['Số lần phải liên hệ', '3 – Bình thường'],
  ['Số cơ quan phải đến', '5 – Rất hài lòng'],
  ['Tiếp nhận một cửa', '5 – Rất hài lòng'],
  ['Công khai thông tin', '4 – Hài lòng'],
  ['Xử lý phản ánh', '4 – Hài lòng'],
  ['Chất lượng dịch vụ trực tuyến', '5 – Rất hài lòng'],
  ['Kết quả chính xác', '5 – Rất hài lòng'],
];

const { openPage } = useBrowser();
const workDir = mkdtempSync(path.join(tmpdir(), 'onecity-dossier-e2e-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** A one-page PDF (a scan as a phone app would give it) written to a temporary file; returns its path. */
async function makePdf(fileName: string, title: string): Promise<string> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  const page = document.addPage([420, 595]);
  page.drawText('OneCity browser journey', { x: 30, y: 550, size: 10, font });
  page.drawText(title, { x: 30, y: 520, size: 14, font });
  const file = path.join(workDir, fileName);
  writeFileSync(file, await document.save());
  return file;
}

/** The date (yymmdd) in Huế now, as dossier codes carry it. */
function cityYymmdd(): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: '2-digit', month: '2-digit', day: '2-digit' }).formatToParts(new Date());
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year')}${part('month')}${part('day')}`;
}

/** Attaches a file to one component's upload (found by the component's group) and waits until it is sent. */
async function attach(group: Locator, file: string) {
  await group.getByLabel(/^Chọn tệp/).setInputFiles(file);
  const entry = group.getByRole('listitem').filter({ has: group.page().getByText(path.basename(file), { exact: true }) });
  await entry.getByText('Đã tải lên', { exact: true }).waitFor();
}

/** Opens a staff page's dossier list, logging in on the way, and opens the dossier from the given tab. */
async function openFromConsole(page: Page, user: { login: string; password: string }, tab: 'Tiếp nhận' | 'Việc của tôi', code: string) {
  await page.goto(`${baseUrl}/console/dossiers`);
  await logInOnForm(page, user.login, user.password);
  await page.getByRole('heading', { level: 1, name: 'Hồ sơ thủ tục hành chính' }).waitFor();
  const tabs = page.getByRole('group', { name: 'Chọn danh sách' });
  await tabs.getByRole('button', { name: tab, exact: true }).click();
  await expect.poll(() => tabs.getByRole('button', { name: tab, exact: true }).getAttribute('aria-pressed')).toBe('true');
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: code, exact: true }) });
  await row.waitFor();
  expect(await row.getByText('Đăng ký khai sinh').count()).toBe(1);
  await row.getByRole('link', { name: code, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
}

/** Opens one action of a staff dossier page's actions panel and returns its form. */
async function openAction(page: Page, code: string, action: string): Promise<Locator> {
  await page.getByRole('group', { name: `Thao tác với hồ sơ ${code}` }).getByRole('button', { name: action, exact: true }).click();
  const form = page.getByRole('form', { name: action });
  await form.waitFor();
  return form;
}

/** The status badge of the citizen's dossier page. */
const citizenStatus = (page: Page) => page.locator('.report-page__status .status-badge');
/** The staff dossier page's status: the badge in the summary list. */
const staffStatus = (page: Page) => page.locator('.summary-list .status-badge');

describe('online dossier journey', () => {
  // Four people and some twenty screens: longer than the config's default for one journey.
  it('is filed online, accepted, supplemented, approved, downloaded and rated, then looked up by anyone', { timeout: 180_000 }, async (context) => {
    if (baseUrl === undefined) return context.skip(SKIP_REASON);
    const files = {
      birthForm: await makePdf('to-khai-khai-sinh.pdf', 'To khai dang ky khai sinh'),
      birthNotice: await makePdf('giay-chung-sinh.pdf', 'Giay chung sinh'),
      birthNoticeClear: await makePdf('giay-chung-sinh-ro-net.pdf', 'Giay chung sinh (ban chup lai)'),
      marriage: await makePdf('giay-chung-nhan-ket-hon.pdf', 'Giay chung nhan ket hon'),
    };

    // ---- 1. The citizen logs in, finds birth registration in the catalogue and files it online.
    const citizen = await openPage(context);
    await citizen.goto(`${baseUrl}/dossiers/mine`);
    await logInOnForm(citizen, CITIZEN.login, CITIZEN.password);
    await citizen.getByRole('heading', { level: 1, name: 'Hồ sơ của tôi' }).waitFor();
    await citizen.getByRole('link', { name: 'Nộp hồ sơ mới' }).click();
    await citizen.getByRole('heading', { level: 1, name: 'Dịch vụ công trực tuyến' }).waitFor();
    expect(new URL(citizen.url()).pathname).toBe('/services');

    const search = citizen.getByRole('search', { name: 'Tìm thủ tục hành chính' });
    await search.getByRole('searchbox', { name: 'Tên hoặc mã thủ tục' }).fill('khai sinh');
    await search.getByRole('button', { name: 'Tìm kiếm' }).click();
    await citizen.waitForURL((url) => url.searchParams.get('q') === 'khai sinh');
    // The search without diacritics finds birth registration and leaves out what does not match (marriage).
    await expect.poll(() => citizen.getByRole('link', { name: 'Đăng ký kết hôn', exact: true }).count()).toBe(0);
    await citizen.getByRole('status').filter({ hasText: /^Tìm thấy \d+ thủ tục\.$/ }).waitFor();
    await citizen.getByRole('link', { name: 'Đăng ký khai sinh', exact: true }).click();

    await citizen.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' }).waitFor();
    await citizen.getByText('1.001193', { exact: true }).waitFor();
    await citizen.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();
    await citizen.getByRole('heading', { level: 1, name: 'Nộp hồ sơ: Đăng ký khai sinh' }).waitFor();

    await citizen.getByLabel('Phường, xã nơi nộp hồ sơ *', { exact: true }).selectOption({ label: 'Phường Phú Xuân' });
    // The applicant block starts from the account.
    expect(await citizen.getByLabel('Họ và tên *', { exact: true }).inputValue()).toBe(CITIZEN.fullName);
    await citizen.getByLabel('Số định danh cá nhân (CCCD) *', { exact: true }).fill(APPLICANT.idNumber);
    await citizen.getByLabel('Số điện thoại *', { exact: true }).fill('0905 000 001');
    await citizen.getByLabel('Địa chỉ liên hệ *', { exact: true }).fill(APPLICANT.address);

    await citizen.getByLabel('Họ, chữ đệm và tên của trẻ *', { exact: true }).fill(CHILD.fullName);
    await citizen.getByLabel('Ngày, tháng, năm sinh *', { exact: true }).fill(CHILD.birthDate);
    await citizen.getByLabel('Giới tính *', { exact: true }).selectOption({ label: CHILD.sex });
    await citizen.getByLabel('Nơi sinh *', { exact: true }).fill(CHILD.birthPlace);
    await citizen.getByLabel('Họ, chữ đệm và tên người mẹ *', { exact: true }).fill(CHILD.mother);
    await citizen.getByLabel('Họ, chữ đệm và tên người cha', { exact: true }).fill(CHILD.father);
    await citizen.getByLabel('Quan hệ của người đi đăng ký với trẻ *', { exact: true }).selectOption({ label: 'Mẹ' });

    const components = citizen.getByRole('region', { name: 'Thành phần hồ sơ' });
    await attach(components.getByRole('group', { name: `${BIRTH_FORM} *`, exact: true }), files.birthForm);
    await attach(components.getByRole('group', { name: `${BIRTH_NOTICE} *`, exact: true }), files.birthNotice);

    const delivery = citizen.getByRole('group', { name: 'Hình thức nhận kết quả' });
    await delivery.getByRole('radio', { name: /^Nhận kết quả trực tuyến/ }).check();
    const dayBefore = cityYymmdd();
    await citizen.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();

    await citizen.waitForURL(/\/dossiers\/[A-Z0-9_.]+-[0-9]{6}-[0-9]+$/);
    const code = decodeURIComponent(new URL(citizen.url()).pathname.split('/').pop() ?? '');
    expect(code).toMatch(/^PHUXUAN-[0-9]{6}-[0-9]{4}$/);
    expect([dayBefore, cityYymmdd()]).toContain(code.split('-')[1]);
    await citizen.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
    const filed = citizen.getByRole('status').filter({ hasText: 'Đã nộp hồ sơ thành công.' });
    await filed.waitFor();
    const appointment = citizen.getByRole('term').filter({ hasText: /^Ngày hẹn trả$/ }).locator('xpath=following-sibling::dd[1]/time');
    const appointmentText = ((await appointment.textContent()) ?? '').trim();
    expect(await appointment.getAttribute('datetime')).toMatch(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/);
    expect(appointmentText).not.toBe('');
    expect(await filed.textContent()).toBe(`Đã nộp hồ sơ thành công. Mã hồ sơ: ${code}. Ngày hẹn trả kết quả: ${appointmentText}.`);
    await expect.poll(() => citizenStatus(citizen).textContent()).toBe('Mới đăng ký');

    // ---- 2. The ward's one-stop desk finds it in the intake queue and accepts it.
    const desk = await openPage(context);
    await openFromConsole(desk, DESK_OFFICER, 'Tiếp nhận', code);
    const deskFiles = desk.getByRole('region', { name: 'Thành phần hồ sơ' });
    await deskFiles.getByRole('button', { name: `Xem ${path.basename(files.birthForm)}` }).waitFor();
    await deskFiles.getByRole('button', { name: `Xem ${path.basename(files.birthNotice)}` }).waitFor();
    const accept = await openAction(desk, code, 'Tiếp nhận');
    await accept.getByLabel('Ghi chú (không bắt buộc)').fill('Hồ sơ đủ thành phần, tiếp nhận.');
    await accept.getByRole('button', { name: 'Xác nhận tiếp nhận' }).click();
    await desk.getByRole('status').getByText(`Đã tiếp nhận hồ sơ ${code}.`).waitFor();
    await expect.poll(() => staffStatus(desk).textContent()).toBe('Đã tiếp nhận');

    // ---- 3. The civil status officer takes it from "Việc của tôi" and asks for a supplement.
    const officer = await openPage(context);
    await openFromConsole(officer, CIVIL_OFFICER, 'Việc của tôi', code);
    const supplementForm = await openAction(officer, code, 'Yêu cầu bổ sung');
    await supplementForm.getByRole('checkbox', { name: BIRTH_NOTICE, exact: true }).check();
    await supplementForm.getByLabel(`Nội dung cần bổ sung cho «${BIRTH_NOTICE}»`).fill(SUPPLEMENT.noticeDetail);
    await supplementForm.getByLabel('Nội dung khác 1', { exact: true }).fill(SUPPLEMENT.freeText);
    await supplementForm.getByRole('button', { name: 'Gửi yêu cầu bổ sung' }).click();
    await officer.getByRole('status').getByText(`Đã gửi yêu cầu bổ sung hồ sơ ${code}.`).waitFor();
    await expect.poll(() => staffStatus(officer).textContent()).toBe('Chờ bổ sung');
    const officerSupplements = officer.getByRole('region', { name: 'Yêu cầu bổ sung' });
    await officerSupplements.getByText('Đang chờ người nộp bổ sung.').waitFor();

    // ---- 4. The citizen sees the request, sends the papers, and the dossier goes back to being handled.
    await citizen.goto(`${baseUrl}/dossiers/${encodeURIComponent(code)}`);
    await citizen.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
    await expect.poll(() => citizenStatus(citizen).textContent()).toBe('Yêu cầu bổ sung giấy tờ');
    const request = citizen.getByRole('region', { name: 'Yêu cầu bổ sung giấy tờ' });
    const requested = request.getByRole('listitem');
    await expect.poll(() => requested.allTextContents()).toEqual([`${BIRTH_NOTICE}: ${SUPPLEMENT.noticeDetail}`, SUPPLEMENT.freeText]);
    const noticeSlot = request.getByRole('group', { name: `${BIRTH_NOTICE} *`, exact: true });
    await noticeSlot.getByText('Tệp mới sẽ thay thế 1 tệp đã nộp cho thành phần này.').waitFor();
    await attach(noticeSlot, files.birthNoticeClear);
    await request.getByText(`Yêu cầu 2: ${SUPPLEMENT.freeText}`).waitFor();
    await request.getByLabel('Giấy tờ này thuộc thành phần hồ sơ *', { exact: true }).selectOption({ label: MARRIAGE_CERTIFICATE });
    await attach(request.getByRole('group', { name: 'Tệp cho yêu cầu 2', exact: true }), files.marriage);
    await request.getByLabel('Ghi chú cho cán bộ').fill('Tôi đã chụp lại giấy chứng sinh và gửi kèm giấy chứng nhận kết hôn.');
    await request.getByRole('button', { name: 'Gửi bổ sung' }).click();
    await citizen.getByRole('status').getByText('Đã gửi giấy tờ bổ sung. Hồ sơ tiếp tục được xử lý.').waitFor();
    await expect.poll(() => citizenStatus(citizen).textContent()).toBe('Được tiếp nhận');
    expect(await citizen.getByRole('region', { name: 'Yêu cầu bổ sung giấy tờ' }).count()).toBe(0);
    const citizenFiles = citizen.getByRole('region', { name: 'Tệp trong hồ sơ' });
    await citizenFiles.getByRole('link', { name: path.basename(files.birthNoticeClear) }).waitFor();
    await citizenFiles.getByRole('link', { name: path.basename(files.marriage) }).waitFor();

    // ---- 5. The officer forwards it to approval; the ward lead approves it.
    await officer.reload();
    await officer.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
    await officerSupplements.getByText(/^Người nộp đã bổ sung lúc /).waitFor();
    await officer.getByRole('region', { name: 'Thành phần hồ sơ' }).getByRole('button', { name: `Xem ${path.basename(files.marriage)}` }).waitFor();
    const forward = await openAction(officer, code, 'Chuyển bước tiếp theo');
    await forward.getByLabel('Ghi chú (không bắt buộc)').fill('Đủ điều kiện đăng ký khai sinh, trình lãnh đạo.');
    await forward.getByRole('button', { name: 'Chuyển bước' }).click();
    await officer.getByRole('status').getByText(`Đã chuyển hồ sơ ${code} sang bước tiếp theo.`).waitFor();
    await expect.poll(() => staffStatus(officer).textContent()).toBe('Đang xử lý');

    const lead = await openPage(context);
    await openFromConsole(lead, WARD_LEAD, 'Việc của tôi', code);
    const approve = await openAction(lead, code, 'Phê duyệt kết quả');
    await approve.getByRole('button', { name: 'Phê duyệt', exact: true }).click();
    await lead.getByRole('status').getByText(`Đã phê duyệt kết quả hồ sơ ${code}.`).waitFor();
    await expect.poll(() => staffStatus(lead).textContent()).toBe('Đã có kết quả');
    await lead.getByRole('region', { name: 'Văn bản đã phát hành' }).getByRole('link', { name: /^Kết quả giải quyết \(PDF\): / }).waitFor();

    // ---- 6. The citizen downloads the result (which delivers it online) and answers the survey.
    await citizen.reload();
    await citizen.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
    await expect.poll(() => citizenStatus(citizen).textContent()).toBe('Đã xử lý xong');
    const result = citizen.getByRole('region', { name: 'Kết quả giải quyết' });
    const [download] = await Promise.all([citizen.waitForEvent('download'), result.getByRole('link', { name: 'Tải kết quả (PDF)' }).click()]);
    const resultFile = path.join(workDir, 'result.pdf');
    await download.saveAs(resultFile);
    const bytes = readFileSync(resultFile);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', resultFile, '-'], { encoding: 'utf8' }).normalize('NFC');
    expect(text).toContain(RESULT_TITLE);
    expect(text).toContain(CHILD.fullName);
    expect(text).toContain(code);

    // The first download recorded delivery; the page shows it after fetching the dossier again.
    await expect.poll(() => citizenStatus(citizen).textContent(), { timeout: 15_000 }).toBe('Đã trả kết quả');
    // The API records the online download as the citizen receiving the result online.
    await citizen.getByRole('region', { name: 'Quá trình xử lý' }).getByText('Công dân nhận kết quả trực tuyến → Đã trả kết quả', { exact: true }).waitFor();
    const surveyBox = citizen.getByRole('region', { name: 'Đánh giá mức độ hài lòng' });
    for (const [criterion, level] of SURVEY) {
      await surveyBox.getByRole('group', { name: criterion, exact: true }).getByRole('radio', { name: level, exact: true }).check();
    }
    await surveyBox.getByLabel('Góp ý thêm (không bắt buộc)').fill('Nộp trực tuyến thuận tiện, cán bộ hướng dẫn bổ sung rõ ràng.');
    await surveyBox.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await citizen.getByRole('status').getByText('Cảm ơn bạn đã đánh giá.').waitFor();
    const expectedAnswers = [...SURVEY.map(([, level]) => level), 'Nộp trực tuyến thuận tiện, cán bộ hướng dẫn bổ sung rõ ràng.'];
    const answers = citizen.getByRole('region', { name: 'Đánh giá của bạn' });
    await expect.poll(() => answers.getByRole('definition').allTextContents()).toEqual(expectedAnswers);
    expect(await answers.getByRole('term').allTextContents()).toEqual([...SURVEY.map(([criterion]) => criterion), 'Góp ý']);
    expect(await citizen.getByRole('region', { name: 'Đánh giá mức độ hài lòng' }).count()).toBe(0);
    // Kept by the API: still shown after a reload, and the form is not offered again.
    await citizen.reload();
    await expect.poll(() => citizen.getByRole('region', { name: 'Đánh giá của bạn' }).getByRole('definition').allTextContents()).toEqual(expectedAnswers);
    expect(await citizen.getByRole('button', { name: 'Gửi đánh giá' }).count()).toBe(0);

    // ---- 7. Anyone looks the dossier up by its code, without personal data.
    const visitor = await openPage(context);
    await visitor.goto(`${baseUrl}/lookup?code=${encodeURIComponent(code)}`);
    await visitor.getByRole('heading', { level: 1, name: 'Tra cứu hồ sơ' }).waitFor();
    const found = visitor.getByRole('region', { name: `Hồ sơ ${code}` });
    await found.waitFor();
    await found.getByText('Đã trả kết quả', { exact: true }).waitFor();
    await found.getByText('Đăng ký khai sinh', { exact: true }).waitFor();
    await found.getByText(/Phú Xuân/).first().waitFor();
    await visitor.getByRole('banner').getByRole('link', { name: 'Đăng nhập' }).waitFor();
    const shown = (await visitor.locator('main').textContent()) ?? '';
    for (const personal of [CITIZEN.fullName, CHILD.fullName, CHILD.father, APPLICANT.idNumber, APPLICANT.address, '0905000001', CITIZEN.login]) {
      expect(shown).not.toContain(personal);
    }
  });
});
