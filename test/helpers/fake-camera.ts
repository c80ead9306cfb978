// A video file for Chromium's fake camera (--use-file-for-fake-video-capture) showing a QR code,
// written in plain TypeScript as Y4M (raw YUV 4:2:0), so the tests need no ffmpeg.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import QRCode from "qrcode";

const WIDTH = 640;
const HEIGHT = 480;

/**
 * Writes `frames` frames of a black-on-white QR code holding `text` (error correction M, quiet zone
 * 4 modules) centred on a white 640×480 frame, and returns the file's path. Chromium loops the file.
 */
export function writeQrVideo(
  text: string,
  options: { frames?: number; file?: string; codeSize?: number } = {},
): string {
  const frames = options.frames ?? 20;
  const file = options.file ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), "fake-camera-")), "qr.y4m");
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const n = qr.modules.size;
  const quiet = 4;
  const scale = Math.floor((options.codeSize ?? 400) / (n + 2 * quiet));
  const side = (n + 2 * quiet) * scale;
  const left = Math.floor((WIDTH - side) / 2);
  const top = Math.floor((HEIGHT - side) / 2);

  // Luma: 235 white, 16 black (video range, as the C420jpeg tag reads them in full range anyway).
  const y = Buffer.alloc(WIDTH * HEIGHT, 235);
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      if (!qr.modules.get(row, col)) continue;
      const x0 = left + (col + quiet) * scale;
      const y0 = top + (row + quiet) * scale;
      for (let dy = 0; dy < scale; dy++) y.fill(16, (y0 + dy) * WIDTH + x0, (y0 + dy) * WIDTH + x0 + scale);
    }
  }
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2), 128);
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`, "ascii");
  const frameHeader = Buffer.from("FRAME\n", "ascii");
  const fd = fs.openSync(file, "w");
  try {
    fs.writeSync(fd, header);
    for (let i = 0; i < frames; i++) {
      fs.writeSync(fd, frameHeader);
      fs.writeSync(fd, y);
      fs.writeSync(fd, chroma);
      fs.writeSync(fd, chroma);
    }
  } finally {
    fs.closeSync(fd);
  }
  return file;
}
