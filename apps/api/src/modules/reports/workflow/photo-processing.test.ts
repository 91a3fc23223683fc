import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { processPhoto } from './photo-processing.ts';

async function jpegWithGps(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#2a7' } })
    .jpeg()
    .withExif({ IFD0: { Make: 'PhoneCam', Copyright: 'Nguyễn' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '16/1 28/1 11/1', GPSLongitudeRef: 'E', GPSLongitude: '107/1 34/1 43/1' } })
    .toBuffer();
}

describe('processPhoto', () => {
  it('removes every metadata block, including the GPS position', async () => {
    const original = await jpegWithGps(800, 600);
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const processed = await processPhoto(original);
    expect(processed).not.toBeNull();
    const metadata = await sharp(processed?.image).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(metadata.icc).toBeUndefined();
    expect(processed?.image.includes(Buffer.from('GPS'))).toBe(false);
    expect((await sharp(processed?.thumbnail).metadata()).exif).toBeUndefined();
  });

  it('shrinks large photos and makes a thumbnail', async () => {
    const processed = await processPhoto(await jpegWithGps(4000, 3000));
    expect(processed).toMatchObject({ contentType: 'image/jpeg', width: 1600, height: 1200 });
    const thumb = await sharp(processed?.thumbnail).metadata();
    expect(Math.max(thumb.width ?? 0, thumb.height ?? 0)).toBe(320);
  });

  it('accepts PNG and WebP by content and refuses what is not a picture', async () => {
    const png = await sharp({ create: { width: 20, height: 20, channels: 4, background: '#0000' } }).png().toBuffer();
    const webp = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#fff' } }).webp().toBuffer();
    const gif = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#fff' } }).gif().toBuffer();
    expect(await processPhoto(png)).not.toBeNull();
    expect(await processPhoto(webp)).not.toBeNull();
    expect(await processPhoto(gif)).toBeNull();
    expect(await processPhoto(Buffer.from('%PDF-1.7 not a photo'))).toBeNull();
    expect(await processPhoto(Buffer.alloc(0))).toBeNull();
  });
});
