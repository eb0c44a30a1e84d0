// Writes images/icon.png (128×128): a report sheet with a table grid and a check mark, drawn pixel by pixel so that
// the icon is made from this source with no image tool. Run once; the PNG is committed.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const size = 128;
const pixels = Buffer.alloc(size * size * 4);
const set = (x, y, [r, g, b, a = 255]) => {
  if (x < 0 || y < 0 || x >= size || y >= size) return;
  pixels.set([r, g, b, a], (y * size + x) * 4);
};
const rect = (x0, y0, x1, y1, color) => {
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) set(x, y, color);
};
const red = [196, 30, 58];
const paper = [255, 255, 255];
const line = [120, 130, 145];
rect(0, 0, size, size, [0, 0, 0, 0]);
rect(8, 8, 120, 120, red); // the rounded look is left to the marketplace's mask
rect(24, 18, 104, 110, paper);
rect(32, 28, 96, 34, red); // title bar
for (let row = 0; row < 6; row++) rect(32, 44 + row * 10, 96, 45 + row * 10, line);
for (const x of [32, 52, 74, 95]) rect(x, 44, x + 1, 95, line);
// The check mark: two thick strokes from (56, 84) down to (70, 98), then up to (100, 62).
const stroke = (x0, y0, x1, y1) => {
  const steps = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0));
  for (let i = 0; i <= steps; i++) {
    const x = Math.round(x0 + ((x1 - x0) * i) / steps);
    const y = Math.round(y0 + ((y1 - y0) * i) / steps);
    rect(x - 3, y - 3, x + 4, y + 4, [22, 140, 70]);
  }
};
stroke(56, 84, 70, 98);
stroke(70, 98, 100, 62);

const raw = Buffer.alloc((size * 4 + 1) * size);
for (let y = 0; y < size; y++) pixels.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
};
const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
writeFileSync(new URL('../images/icon.png', import.meta.url), png);
