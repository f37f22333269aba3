/**
 * Draws the product's icon (a brand-blue rounded square with a white check: "the offer is
 * live") as PNGs and a multi-size favicon.ico, with no image library:
 * each pixel's coverage is sampled 4×4 and written with node:zlib. `public/favicon.svg` is
 * the same drawing by hand. Run `node scripts/make-icons.mjs` after changing the drawing.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BRAND = [0x0f, 0x6c, 0xbd];
const WHITE = [0xff, 0xff, 0xff];

/** Distance from p to the segment a–b (all in the 32-unit drawing space). */
function segment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/** What covers a point: 0 nothing, 1 the square, 2 the check. `full` fills the corners (maskable). */
function shape(x, y, full) {
  const r = full ? 0 : 7;
  const cx = Math.min(Math.max(x, r), 32 - r);
  const cy = Math.min(Math.max(y, r), 32 - r);
  const inSquare = x >= 0 && x <= 32 && y >= 0 && y <= 32 && Math.hypot(x - cx, y - cy) <= r;
  if (!inSquare) return 0;
  // Scale the drawing inward for a maskable icon's safe zone.
  const s = full ? 0.72 : 1;
  const ux = 16 + (x - 16) / s;
  const uy = 16 + (y - 16) / s;
  const check = Math.min(segment(ux, uy, 8.5, 16.5, 13.5, 21.5), segment(ux, uy, 13.5, 21.5, 23.5, 10.5));
  return check <= 2.4 ? 2 : 1;
}

function render(size, full = false) {
  const pixels = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let square = 0;
      let check = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const v = shape(((x + (sx + 0.5) / n) / size) * 32, ((y + (sy + 0.5) / n) / size) * 32, full);
          if (v >= 1) square++;
          if (v === 2) check++;
        }
      }
      const alpha = square / (n * n);
      const mix = square ? check / square : 0;
      const o = (y * size + x) * 4;
      for (let c = 0; c < 3; c++) pixels[o + c] = Math.round(BRAND[c] * (1 - mix) + WHITE[c] * mix);
      pixels[o + 3] = Math.round(alpha * 255);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size, full = false) {
  const rgba = render(size, full);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** An ICO holding PNG images (every browser since 2007 reads them). */
function ico(sizes) {
  const images = sizes.map((size) => png(size));
  const head = Buffer.alloc(6);
  head.writeUInt16LE(0, 0);
  head.writeUInt16LE(1, 2);
  head.writeUInt16LE(sizes.length, 4);
  let offset = 6 + 16 * sizes.length;
  const entries = sizes.map((size, i) => {
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0);
    e.writeUInt8(size >= 256 ? 0 : size, 1);
    e.writeUInt16LE(1, 4);
    e.writeUInt16LE(32, 6);
    e.writeUInt32LE(images[i].length, 8);
    e.writeUInt32LE(offset, 12);
    offset += images[i].length;
    return e;
  });
  return Buffer.concat([head, ...entries, ...images]);
}

const out = (name, data) => writeFileSync(path.join(root, "public", name), data);
out("favicon.ico", ico([16, 32, 48]));
out("icons/icon-192.png", png(192));
out("icons/icon-512.png", png(512));
out("icons/icon-maskable-512.png", png(512, true));
out("icons/apple-touch-icon.png", png(180, true));
console.log("icons written to public/");
