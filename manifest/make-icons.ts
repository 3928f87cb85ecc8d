// Draws the app icons (a shield with a keyhole) and writes them as PNG files beside the manifest:
// color.png 192×192 (full colour) and outline.png 32×32 (white on transparent), as Teams requires.
// Run: npx tsx manifest/make-icons.ts. The generated files are committed; no image dependency.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export type Rgba = readonly [number, number, number, number];

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngChunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** Encodes 8-bit RGBA pixels (row-major, 4 bytes a pixel) as a PNG file. */
export function encodePng(width: number, height: number, rgba: Buffer): Buffer {
  if (rgba.length !== width * height * 4) throw new Error('pixel buffer does not match the size');
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: truecolour with alpha
  ihdr[10] = 0; // compression: deflate
  ihdr[11] = 0; // filter method 0
  ihdr[12] = 0; // no interlace
  // Each scanline starts with its filter type; 0 (None) keeps the encoder trivial.
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * The shield in unit coordinates (u right, v down, both 0..1 over the shield's box): straight sides
 * in the upper half, curving to a point at the bottom, with a shallow dip in the middle of the top.
 */
function inShield(u: number, v: number): boolean {
  const dx = Math.abs(u - 0.5);
  if (dx > 0.5 || v > 1) return false;
  if (v < 0.08 * (1 - 2 * dx)) return false; // top dip
  if (v <= 0.5) return true;
  const t = (v - 0.5) / 0.5;
  return dx <= 0.5 * (1 - t ** 1.6);
}

/** Keyhole: a round head above a tapering slot, centred in the shield. */
function inKeyhole(u: number, v: number): boolean {
  const headRadius = 0.13;
  if ((u - 0.5) ** 2 + (v - 0.4) ** 2 <= headRadius ** 2) return true;
  if (v < 0.4 || v > 0.72) return false;
  const halfWidth = 0.05 + ((v - 0.4) / 0.32) * 0.04;
  return Math.abs(u - 0.5) <= halfWidth;
}

/** Renders `paint(x, y)` (x, y in 0..1 over the image) with 4×4 supersampling for smooth edges. */
function rasterize(size: number, paint: (x: number, y: number) => Rgba | null): Buffer {
  const samples = 4;
  const out = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = paint((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (!colour) continue;
          // Premultiplied accumulation, so transparent samples do not darken the edge.
          r += colour[0] * colour[3];
          g += colour[1] * colour[3];
          b += colour[2] * colour[3];
          a += colour[3];
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        out[i] = Math.round(r / a);
        out[i + 1] = Math.round(g / a);
        out[i + 2] = Math.round(b / a);
      }
      out[i + 3] = Math.round(a / (samples * samples));
    }
  }
  return out;
}

const NAVY: Rgba = [0x1f, 0x4e, 0x79, 255]; // the manifest's accentColor
const WHITE: Rgba = [255, 255, 255, 255];

/** Maps image coordinates to the shield's unit box (the box sits centred, `scale` of the image). */
function toShield(x: number, y: number, scale: number): [number, number] {
  const width = scale * 0.82; // a shield is narrower than it is tall
  return [(x - (1 - width) / 2) / width, (y - (1 - scale) / 2) / scale];
}

/** 192×192 full colour: navy tile, white shield, navy keyhole (symbol inside the central safe area). */
export function drawColorIcon(size = 192): Buffer {
  return rasterize(size, (x, y) => {
    const [u, v] = toShield(x, y, 0.62);
    if (inShield(u, v) && !inKeyhole(u, v)) return WHITE;
    return NAVY;
  });
}

/** 32×32 outline: white shield border and keyhole on a transparent background. */
export function drawOutlineIcon(size = 32): Buffer {
  const stroke = 0.11; // border thickness, in shield units
  return rasterize(size, (x, y) => {
    const [u, v] = toShield(x, y, 0.9);
    if (!inShield(u, v)) return null;
    const innerU = (u - 0.5) / (1 - 2 * stroke) + 0.5;
    const innerV = (v - stroke * 0.9) / (1 - 2 * stroke);
    if (!inShield(innerU, innerV) || inKeyhole(u, v)) return WHITE;
    return null;
  });
}

export function writeIcons(dir: string = __dirname): { color: string; outline: string } {
  const color = path.join(dir, 'color.png');
  const outline = path.join(dir, 'outline.png');
  fs.writeFileSync(color, encodePng(192, 192, drawColorIcon(192)));
  fs.writeFileSync(outline, encodePng(32, 32, drawOutlineIcon(32)));
  return { color, outline };
}

if (require.main === module) {
  const written = writeIcons();
  process.stdout.write(`wrote ${written.color}\nwrote ${written.outline}\n`);
}
