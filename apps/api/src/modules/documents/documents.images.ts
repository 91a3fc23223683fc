/**
 * Signature and seal images for the visible signature (Decree 30/2020/NĐ-CP: the signer's handwritten signature
 * between title and name, the red seal of the agency overlapping about a third of it on the left). Real deployments
 * upload scanned transparent PNGs; the demo city draws stand-ins, labelled DEMO.
 */
import sharp from 'sharp';

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A red round seal with the agency's name around it (demo stand-in), transparent PNG. */
export function drawDemoSeal(agencyName: string): Promise<Buffer> {
  const name = escapeXml(agencyName.normalize('NFC').toUpperCase());
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="300" viewBox="0 0 300 300">
    <defs><path id="ring" d="M150,150 m-112,0 a112,112 0 1,1 224,0 a112,112 0 1,1 -224,0"/></defs>
    <circle cx="150" cy="150" r="140" fill="none" stroke="#d2202f" stroke-width="8"/>
    <circle cx="150" cy="150" r="88" fill="none" stroke="#d2202f" stroke-width="4"/>
    <text font-family="DejaVu Sans, sans-serif" font-size="22" font-weight="bold" fill="#d2202f"><textPath href="#ring">${name}</textPath></text>
    <text x="150" y="145" text-anchor="middle" font-family="DejaVu Sans, sans-serif" font-size="40" fill="#d2202f">★</text>
    <text x="150" y="185" text-anchor="middle" font-family="DejaVu Sans, sans-serif" font-size="24" font-weight="bold" fill="#d2202f">DEMO</text>
  </svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** A blue handwritten-looking stroke (demo stand-in for a scanned signature), transparent PNG. */
export function drawDemoSignature(seed: string): Promise<Buffer> {
  let hash = 0;
  for (const char of seed) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  const wave = (i: number) => 40 + ((hash >> (i % 24)) & 31);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="360" height="120" viewBox="0 0 360 120">
    <path d="M20,${wave(1)} C70,${wave(2) - 30} 90,${wave(3) + 40} 130,${wave(4)} S200,${wave(5) - 35} 240,${wave(6)} S310,${wave(7) + 30} 340,${wave(8) - 10}"
      fill="none" stroke="#1f3a93" stroke-width="5" stroke-linecap="round"/>
    <path d="M60,${wave(9) + 25} L300,${wave(10) + 15}" fill="none" stroke="#1f3a93" stroke-width="3" stroke-linecap="round"/>
  </svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** Whether bytes are a PNG image (by content), for uploaded signature and seal images. */
export async function detectImage(bytes: Buffer): Promise<boolean> {
  try {
    return (await sharp(bytes, { failOn: 'error' }).metadata()).format === 'png';
  } catch {
    return false;
  }
}

/**
 * The copy stamp of an electronic copy (bản sao y): the copy type, the agency and the time, in text only, drawn in
 * the top-right corner of the first page (Decree 30/2020/NĐ-CP, Appendix I, on copies of electronic documents).
 */
export function drawCopyStamp(lines: string[]): Promise<Buffer> {
  const rows = lines.map((line, index) => `<text x="8" y="${34 + index * 34}" font-family="DejaVu Sans, sans-serif" font-size="${index === 0 ? 26 : 20}" font-weight="${index === 0 ? 'bold' : 'normal'}" fill="#1f3a93">${escapeXml(line.normalize('NFC'))}</text>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="${20 + lines.length * 34}" viewBox="0 0 600 ${20 + lines.length * 34}">
    <rect x="2" y="2" width="596" height="${16 + lines.length * 34}" fill="none" stroke="#1f3a93" stroke-width="3"/>${rows}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}
