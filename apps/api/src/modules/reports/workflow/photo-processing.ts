/**
 * Photo intake: the content decides the type (not the name or the header), the picture is turned upright,
 * shrunk to a web size and re-encoded without any metadata — so no copy that is ever shown carries the
 * camera's EXIF location. A thumbnail is made alongside.
 */
import sharp from 'sharp';

export const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp']);
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
const MAX_EDGE = 1600;
const THUMB_EDGE = 320;

export interface ProcessedPhoto {
  contentType: 'image/jpeg';
  width: number;
  height: number;
  image: Buffer;
  thumbnail: Buffer;
}

/** Returns the processed photo, or null when the bytes are not a JPEG, PNG or WebP picture. */
export async function processPhoto(input: Buffer): Promise<ProcessedPhoto | null> {
  if (input.length === 0 || input.length > MAX_PHOTO_BYTES) return null;
  try {
    const metadata = await sharp(input, { limitInputPixels: 50_000_000 }).metadata();
    if (!metadata.format || !ACCEPTED_FORMATS.has(metadata.format)) return null;
    // rotate() applies the EXIF orientation; the output carries no metadata at all (sharp's default).
    const upright = sharp(input, { limitInputPixels: 50_000_000 }).rotate();
    const { data: image, info } = await upright
      .clone()
      .resize({ width: MAX_EDGE, height: MAX_EDGE, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    const thumbnail = await upright
      .clone()
      .resize({ width: THUMB_EDGE, height: THUMB_EDGE, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 72 })
      .toBuffer();
    return { contentType: 'image/jpeg', width: info.width, height: info.height, image, thumbnail };
  } catch {
    return null;
  }
}

export interface RedactionBox {
  /** Left edge, top edge, width and height as fractions (0–1) of the picture. */
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Paints solid boxes over faces, plates or other personal details, and remakes the thumbnail from the result. */
export async function redactPhoto(image: Buffer, boxes: RedactionBox[]): Promise<{ image: Buffer; thumbnail: Buffer }> {
  const { width = 0, height = 0 } = await sharp(image).metadata();
  const overlays = boxes.map((box) => {
    const left = Math.max(0, Math.min(width - 1, Math.floor(box.x * width)));
    const top = Math.max(0, Math.min(height - 1, Math.floor(box.y * height)));
    const boxWidth = Math.max(1, Math.min(width - left, Math.ceil(box.width * width)));
    const boxHeight = Math.max(1, Math.min(height - top, Math.ceil(box.height * height)));
    return { input: { create: { width: boxWidth, height: boxHeight, channels: 3 as const, background: '#000000' } }, left, top };
  });
  const redacted = await sharp(image).composite(overlays).jpeg({ quality: 82, mozjpeg: true }).toBuffer();
  const thumbnail = await sharp(redacted).resize({ width: THUMB_EDGE, height: THUMB_EDGE, fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 72 }).toBuffer();
  return { image: redacted, thumbnail };
}
