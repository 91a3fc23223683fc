/**
 * The life of a field report in the browser: a citizen files an encroachment report at Phường Phú Xuân with a
 * photo, which waits for review (the citizen sees it pending, the public does not see it), the ward officer takes
 * it, publishes the photo and answers with an after-photo, the citizen rates and confirms it, and anyone then finds
 * it on the public map and page. A second journey files a report with a photo while the phone is offline: both are
 * kept on the device (IndexedDB) and sent when the network returns. How to run: see harness.ts.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, SKIP_REASON, baseUrl, ensureCitizenExists, logInOnForm, newCitizen, useBrowser } from './harness.ts';

const WARD_OFFICER = { login: 'ward.officer@demo.onecity.local', password: DEMO_PASSWORD };
const citizen = newCitizen('Lê Thị Thu', 'reporter');
const offlineCitizen = newCitizen('Phan Văn Hải', 'offline');
const { openPage } = useBrowser();

/** Phường Phú Xuân, where the demo routing sends encroachment to the ward's own division. */
const PLACE = { lat: 16.4698, lng: 107.5786 };
/** The zoom the form uses for a single place (PLACE_ZOOM in components/map/wards-map.tsx). */
const PLACE_ZOOM = 17;

/** Web Mercator pixel coordinates of a point at a zoom, as Leaflet computes them (256-pixel tiles). */
function projectToPixels(point: { lat: number; lng: number }, zoom: number) {
  const scale = 256 * 2 ** zoom;
  const sin = Math.sin((point.lat * Math.PI) / 180);
  return { x: ((point.lng + 180) / 360) * scale, y: (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * scale };
}

/** A small JPEG drawn in the page (a coloured scene with a label), as the bytes a camera would give. */
async function makeJpeg(page: Page, colour: string, label: string): Promise<Buffer> {
  const dataUrl = await page.evaluate(
    ([fill, text]) => {
      const canvas = document.createElement('canvas');
      canvas.width = 320;
      canvas.height = 240;
      const context = canvas.getContext('2d');
      if (context === null) throw new Error('no 2D canvas');
      context.fillStyle = fill;
      context.fillRect(0, 0, 320, 240);
      context.fillStyle = '#ffffff';
      context.font = '28px sans-serif';
      context.fillText(text, 20, 130);
      return canvas.toDataURL('image/jpeg', 0.85);
    },
    [colour, label] as const,
  );
  return Buffer.from(dataUrl.replace(/^data:image\/jpeg;base64,/, ''), 'base64');
}

/** Clicks the map at a place, from the place the map is centred on and the zoom it shows. */
async function clickMapAt(map: Locator, centre: { lat: number; lng: number }, target: { lat: number; lng: number }, zoom: number) {
  await map.scrollIntoViewIfNeeded();
  const box = await map.evaluate((element) => {
    const rect = element.getBoundingClientRect();
    return { left: rect.left + element.clientLeft, top: rect.top + element.clientTop, width: element.clientWidth, height: element.clientHeight };
  });
  const from = projectToPixels(centre, zoom);
  const to = projectToPixels(target, zoom);
  await map.page().mouse.click(box.left + box.width / 2 + (to.x - from.x), box.top + box.height / 2 + (to.y - from.y));
}

async function uploadPhoto(scope: Page | Locator, page: Page, colour: string, label: string) {
  await scope.getByLabel('Chọn ảnh có sẵn').setInputFiles({ name: `${label}.jpg`, mimeType: 'image/jpeg', buffer: await makeJpeg(page, colour, label) });
  await scope.getByText('Đã tải lên', { exact: true }).waitFor();
}

async function logOut(page: Page) {
  await page.getByRole('banner').getByRole('link', { name: 'Tài khoản' }).click();
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.getByText('Bạn đã đăng xuất.').waitFor();
}

describe('field report journey', () => {
  it('is filed with a photo, answered by the ward with an after-photo, rated and confirmed, then shown publicly', async (context) => {
    if (baseUrl === undefined) return context.skip(SKIP_REASON);
    await ensureCitizenExists(citizen);

    // The citizen starts from the home page tile and logs in on the way.
    const page = await openPage(context);
    await page.goto(`${baseUrl}/`);
    await page.getByRole('link', { name: /Phản ánh hiện trường/ }).click();
    await logInOnForm(page, citizen.email, citizen.password);
    await page.getByRole('heading', { level: 1, name: 'Gửi phản ánh' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/reports/new');

    await page.getByRole('radio', { name: 'Lấn chiếm lòng đường, vỉa hè' }).check();

    // Place the pin: typed coordinates first (they centre the map there), then a click on the map itself.
    const start = { lat: 16.469, lng: 107.578 };
    await page.getByText('Nhập tọa độ', { exact: true }).click();
    await page.getByLabel('Vĩ độ', { exact: true }).fill(String(start.lat));
    await page.getByLabel('Kinh độ', { exact: true }).fill(String(start.lng));
    await page.getByRole('button', { name: 'Đặt vị trí' }).click();
    await page.getByText('Vị trí đã chọn: 16.46900, 107.57800 · Phường Phú Xuân').waitFor();
    const map = page.getByRole('region', { name: 'Bản đồ chọn vị trí phản ánh' });
    await map.locator('.ward-shape').first().waitFor({ state: 'attached' });
    await page.waitForTimeout(500); // the map's short pan animation to the typed place
    await clickMapAt(map, start, PLACE, PLACE_ZOOM);
    const summary = page.locator('.location-summary');
    await summary.filter({ hasText: 'Phường Phú Xuân' }).filter({ hasNotText: '16.46900, 107.57800' }).waitFor();
    const [lat, lng] = ((await summary.textContent()) ?? '').match(/[0-9]+\.[0-9]+/g)?.map(Number) ?? [];
    expect(Math.abs((lat ?? 0) - PLACE.lat)).toBeLessThan(0.0001);
    expect(Math.abs((lng ?? 0) - PLACE.lng)).toBeLessThan(0.0001);
    expect(await map.locator('.map-pin').count()).toBe(1);

    await uploadPhoto(page, page, '#8a5a2b', 'Vỉa hè bị lấn chiếm');
    expect(await page.getByRole('img', { name: 'Ảnh 1' }).count()).toBe(1);
    await page.getByLabel('Mô tả vấn đề').fill('Quán nước bày bàn ghế chiếm hết vỉa hè, người đi bộ phải xuống lòng đường.');
    await page.getByRole('button', { name: 'Gửi phản ánh' }).click();

    await page.getByRole('heading', { level: 1, name: 'Đã gửi phản ánh' }).waitFor();
    const code = ((await page.locator('.report-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^PA-[0-9]{6}-[0-9]{4,}$/);
    await page.getByText('Phòng Kinh tế, Hạ tầng và Đô thị Phường Phú Xuân', { exact: true }).waitFor();
    await page.getByText(/quy tắc riêng của địa bàn/).waitFor();
    await page.getByText(/^Còn /).waitFor();

    // The citizen sees the photo on the report's page, waiting for review; the public does not see it yet.
    await page.getByRole('link', { name: 'Xem phản ánh' }).click();
    await page.getByRole('heading', { level: 1, name: `Phản ánh ${code}` }).waitFor();
    const ownPhotos = page.getByRole('region', { name: 'Hình ảnh' });
    await ownPhotos.getByRole('img', { name: 'Ảnh hiện trường 1' }).waitFor();
    await ownPhotos.getByText('Đang chờ duyệt', { exact: true }).waitFor();
    const passerBy = await openPage(context);
    await passerBy.goto(`${baseUrl}/reports/${code}`);
    await passerBy.getByRole('heading', { level: 1, name: `Phản ánh ${code}` }).waitFor();
    expect(await passerBy.getByRole('img', { name: 'Ảnh hiện trường 1' }).count()).toBe(0);
    const photoUrl = await ownPhotos.getByRole('img', { name: 'Ảnh hiện trường 1' }).getAttribute('src');
    expect((await passerBy.request.get(`${baseUrl}${photoUrl ?? ''}`)).status()).toBe(404);
    await logOut(page);

    // The ward officer takes it from the unit's queue and answers with a template and an after-photo.
    const officer = await openPage(context);
    await officer.goto(`${baseUrl}/console/reports`);
    await logInOnForm(officer, WARD_OFFICER.login, WARD_OFFICER.password);
    await officer.getByRole('heading', { level: 1, name: 'Hàng đợi phản ánh' }).waitFor();
    const card = officer.locator('li.queue-item', { has: officer.getByRole('heading', { name: code }) });
    await card.waitFor();
    await card.getByRole('button', { name: 'Nhận xử lý' }).click();
    await officer.getByText(`Bạn đã nhận xử lý phản ánh ${code}.`).waitFor();
    await card.getByText('Đang xử lý', { exact: true }).waitFor();
    // The citizen's photo waits for review: the officer publishes it.
    await card.getByText('1 ảnh chờ duyệt', { exact: true }).waitFor();
    await card.getByRole('button', { name: 'Ảnh và che thông tin' }).click();
    const review = card.getByRole('region', { name: `Ảnh của phản ánh ${code}` });
    await review.getByText('Đang chờ duyệt', { exact: true }).waitFor();
    await review.getByRole('button', { name: 'Công bố ảnh 1', exact: true }).click();
    await review.getByText('Đã công bố ảnh.').waitFor();
    await review.getByText('Đã công bố', { exact: true }).waitFor();
    await card.getByRole('button', { name: 'Đóng ảnh' }).click();
    await card.getByRole('button', { name: 'Trả lời kết quả' }).click();
    const answerForm = card.getByRole('form', { name: 'Trả lời kết quả' });
    await answerForm.getByLabel('Mẫu trả lời').selectOption({ label: 'Đã xử lý lấn chiếm' });
    await answerForm.getByRole('button', { name: 'Chèn mẫu' }).click();
    const answerBox = answerForm.getByLabel('Nội dung trả lời công khai');
    const answer = (await answerBox.inputValue()).replace('Ngày …', 'Ngày 29/11');
    expect(answer).toMatch(/^Kính gửi Quý Ông\/Bà,/);
    await answerBox.fill(answer);
    await uploadPhoto(answerForm, officer, '#2f6b3a', 'Vỉa hè thông thoáng');
    await answerForm.getByRole('button', { name: 'Gửi kết quả' }).click();
    await officer.getByText(`Đã gửi kết quả xử lý phản ánh ${code}.`).waitFor();

    // The citizen comes back, rates the answer 5 and confirms the fix.
    await page.goto(`${baseUrl}/reports/mine`);
    await logInOnForm(page, citizen.email, citizen.password);
    await page.getByRole('heading', { level: 1, name: 'Phản ánh của tôi' }).waitFor();
    await page.getByRole('link', { name: code }).click();
    await page.getByRole('heading', { level: 1, name: `Phản ánh ${code}` }).waitFor();
    const reporter = page.getByRole('region', { name: 'Ý kiến của bạn về kết quả' });
    await reporter.getByRole('radio', { name: '5 – Rất hài lòng' }).check();
    await reporter.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await reporter.getByText('Cảm ơn bạn đã đánh giá.').waitFor();
    await reporter.getByRole('button', { name: 'Xác nhận đã xử lý xong' }).click();
    await reporter.getByText('Đã xác nhận. Phản ánh đã hoàn thành.').waitFor();
    await page.locator('.report-page__status').getByText('Đã hoàn thành').waitFor();

    // Anyone finds it on the public map and list, and its page shows both photos and the answer.
    const visitor = await openPage(context);
    await visitor.goto(`${baseUrl}/reports`);
    await visitor.getByRole('heading', { level: 1, name: 'Bản đồ phản ánh' }).waitFor();
    const list = visitor.getByRole('region', { name: 'Danh sách phản ánh' });
    await list.getByRole('link', { name: code }).waitFor();
    expect(await visitor.locator('.report-marker--closed').count()).toBeGreaterThan(0);
    await list.getByRole('link', { name: code }).click();
    await visitor.getByRole('heading', { level: 1, name: `Phản ánh ${code}` }).waitFor();
    await visitor.getByText(answer.split('\n')[1] ?? answer).waitFor();
    for (const name of ['Ảnh hiện trường 1', 'Ảnh sau khi xử lý 1']) {
      const image = visitor.getByRole('img', { name });
      await image.scrollIntoViewIfNeeded();
      await expect.poll(() => image.evaluate((element) => (element as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    }
    await visitor.getByText('5/5').waitFor();
    const history = visitor.getByRole('region', { name: 'Quá trình xử lý' });
    await history.getByText('Người phản ánh xác nhận đã xử lý xong').waitFor();
    // No personal data on the public page.
    expect(await visitor.getByText(citizen.fullName).count()).toBe(0);
    expect(await visitor.getByText(citizen.email).count()).toBe(0);
  });

  it('is filed with a photo while offline, kept on the device, and sent with the photo when the network returns', async (context) => {
    if (baseUrl === undefined) return context.skip(SKIP_REASON);
    await ensureCitizenExists(offlineCitizen);
    const page = await openPage(context);
    await page.goto(`${baseUrl}/reports/new`);
    await logInOnForm(page, offlineCitizen.email, offlineCitizen.password);
    await page.getByRole('heading', { level: 1, name: 'Gửi phản ánh' }).waitFor();
    await page.getByRole('radio', { name: 'Lấn chiếm lòng đường, vỉa hè' }).check();
    await page.getByText('Nhập tọa độ', { exact: true }).click();
    await page.getByLabel('Vĩ độ', { exact: true }).fill(String(PLACE.lat));
    await page.getByLabel('Kinh độ', { exact: true }).fill(String(PLACE.lng));
    await page.getByRole('button', { name: 'Đặt vị trí' }).click();
    await page.getByText('Vị trí đã chọn: 16.46980, 107.57860 · Phường Phú Xuân').waitFor();
    await page.getByLabel('Mô tả vấn đề').fill('Xe máy đậu kín vỉa hè trước cổng trường, học sinh phải đi xuống lòng đường.');

    // The phone loses the network: the photo and then the report wait on the device.
    const photo = await makeJpeg(page, '#5b3f8a', 'Vỉa hè trước trường');
    await page.context().setOffline(true);
    await expect.poll(() => page.evaluate(() => navigator.onLine)).toBe(false);
    await page.getByLabel('Chọn ảnh có sẵn').setInputFiles({ name: 'via-he.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.getByText('Chưa có mạng: ảnh được lưu trên thiết bị và gửi cùng phản ánh').waitFor();
    await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
    await page.getByText(/Phản ánh cùng 1 ảnh đã được lưu trên thiết bị/).waitFor();

    // What the device keeps: the queued report with the picture itself, in IndexedDB.
    const kept = await page.evaluate(
      () =>
        new Promise<{ key: string; photoBytes: number[] }[]>((resolve, reject) => {
          const opening = indexedDB.open('onecity');
          opening.onerror = () => reject(opening.error);
          opening.onsuccess = () => {
            const store = opening.result.transaction('reports-offline').objectStore('reports-offline');
            const keys = store.getAllKeys();
            const values = store.getAll();
            values.onsuccess = () =>
              resolve(
                keys.result.map((key, index) => {
                  const value = values.result[index] as { photos?: Blob[] } | Blob;
                  const photos = value instanceof Blob ? [value] : (value.photos ?? []);
                  return { key: String(key), photoBytes: photos.map((blob) => blob.size) };
                }),
              );
          };
        }),
    );
    const queued = kept.find((entry) => entry.key.startsWith('reports.outbox.'));
    expect(queued?.photoBytes).toEqual([photo.length]);

    // The network returns: the photo goes up, then the report with it.
    await page.context().setOffline(false);
    await page.getByRole('heading', { level: 1, name: 'Đã gửi phản ánh' }).waitFor({ timeout: 30_000 });
    await page.getByText('Đã có mạng trở lại: phản ánh lưu trên thiết bị đã được gửi.').waitFor();
    const code = ((await page.locator('.report-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^PA-[0-9]{6}-[0-9]{4,}$/);
    await page.getByRole('link', { name: 'Xem phản ánh' }).click();
    await page.getByRole('heading', { level: 1, name: `Phản ánh ${code}` }).waitFor();
    const photos = page.getByRole('region', { name: 'Hình ảnh' });
    const image = photos.getByRole('img', { name: 'Ảnh hiện trường 1' });
    await image.scrollIntoViewIfNeeded();
    await expect.poll(() => image.evaluate((element) => (element as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    await photos.getByText('Đang chờ duyệt', { exact: true }).waitFor();
    // Nothing is left on the device.
    const left = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const opening = indexedDB.open('onecity');
          opening.onerror = () => reject(opening.error);
          opening.onsuccess = () => {
            const request = opening.result.transaction('reports-offline').objectStore('reports-offline').count();
            request.onsuccess = () => resolve(request.result);
          };
        }),
    );
    expect(left).toBe(0);
  });
});
