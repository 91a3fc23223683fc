/**
 * Verifying a signed document the way a stranger holding it would: read the QR code printed on the PDF with a real
 * QR reader, open the address it holds in the browser and see the four checks; then upload a copy with one changed
 * byte and see the signature fail. How to run: see harness.ts.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, SKIP_REASON, baseUrl, useBrowser } from './harness.ts';

const workDir = mkdtempSync(path.join(tmpdir(), 'onecity-verify-e2e-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

async function api(pathName: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${baseUrl}/api/v1${pathName}`, init);
}

/** The demo citizen's first signed result document, as they would download it. */
async function downloadSignedResult(): Promise<Buffer> {
  const login = await api('/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'citizen@demo.onecity.local', password: DEMO_PASSWORD }) });
  expect(login.status).toBe(200);
  const { token } = (await login.json()) as { token: string };
  const headers = { authorization: `Bearer ${token}` };
  const list = (await (await api('/documents', { headers })).json()) as { items: { id: string; kind: string }[] };
  const result = list.items.find((item) => item.kind === 'result');
  expect(result).toBeDefined();
  const pdf = await api(`/documents/${result?.id}/pdf`, { headers });
  expect(pdf.status).toBe(200);
  return Buffer.from(await pdf.arrayBuffer());
}

/** Every QR code among the PDF's images, decoded by zbarimg (Debian's zbar-tools). */
function readQrCodes(pdf: Buffer): string[] {
  const file = path.join(workDir, 'document.pdf');
  writeFileSync(file, pdf);
  execFileSync('pdfimages', ['-png', '-f', '1', '-l', '1', file, path.join(workDir, 'image')]);
  return readdirSync(workDir)
    .filter((name) => name.startsWith('image') && name.endsWith('.png'))
    .flatMap((name) => {
      const read = spawnSync('zbarimg', ['--raw', '-q', path.join(workDir, name)], { encoding: 'utf8' });
      return read.status === 0 ? read.stdout.split('\n').filter(Boolean) : [];
    });
}

describe.skipIf(baseUrl === undefined)(`verifying a document from its QR code${baseUrl === undefined ? ` (${SKIP_REASON})` : ''}`, () => {
  const { openPage } = useBrowser();

  it('opens the verification page the QR code points to, and catches a changed byte on upload', async (context) => {
    const pdf = await downloadSignedResult();
    const verifyUrl = readQrCodes(pdf).find((text) => /\/verify\/[0-9a-f-]{36}$/.test(text));
    expect(verifyUrl, 'a QR code with the verification address').toBeDefined();

    const page = await openPage(context);
    // The QR holds the city's public address; the test server answers the same path.
    await page.goto(`${baseUrl}${new URL(verifyUrl ?? '').pathname}`);
    for (const title of ['Toàn vẹn', 'Chữ ký số', 'Hiệu lực', 'Cơ quan ban hành']) {
      await page.getByRole('heading', { level: 2, name: title }).waitFor();
    }
    await page.getByText('Chữ ký số: Hợp lệ').first().waitFor();
    await page.getByText('Văn bản còn hiệu lực').first().waitFor();
    await page.getByText('Trương Công Minh').first().waitFor();
    // The public page carries no personal data of the citizen the document was issued to.
    expect(await page.getByText('Nguyễn Thị Hoa').count()).toBe(0);

    const tampered = Buffer.from(pdf);
    const offset = tampered.indexOf(Buffer.from('stream')) + 20;
    tampered[offset] = tampered[offset] === 0x41 ? 0x42 : 0x41;
    const tamperedFile = path.join(workDir, 'tampered.pdf');
    writeFileSync(tamperedFile, tampered);
    await page.goto(`${baseUrl}/verify`);
    await page.getByLabel(/Tệp PDF/).setInputFiles(tamperedFile);
    await page.getByRole('button', { name: /Kiểm tra/ }).first().click();
    await page.getByText('Chữ ký số: Không hợp lệ').first().waitFor();
    await page.getByText('Tệp này không khớp với văn bản nào do hệ thống ban hành').waitFor();
  }, 120_000);
});
