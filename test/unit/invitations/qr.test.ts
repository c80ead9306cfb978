import jsQR from "jsqr";
import { PNG } from "pngjs";
import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { QR_MASK_PATTERN, qrPng } from "#app/invitations/qr.server.ts";
import { conferenceKeyFor, deriveSigningKeys, issueToken } from "#app/invitations/tokens.server.ts";

function decode(png: Buffer): { text: string | null; width: number; height: number } {
  const image = PNG.sync.read(png);
  const code = jsQR(
    new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length),
    image.width,
    image.height,
  );
  return { text: code?.data ?? null, width: image.width, height: image.height };
}

describe("QR PNG", () => {
  const { token } = issueToken(deriveSigningKeys("qr-test-secret"), conferenceKeyFor("conf-1"));

  it("decodes to exactly the token, 360 px wide by default", async () => {
    const png = await qrPng(token);
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    const decoded = decode(png);
    expect(decoded.text).toBe(token);
    expect(decoded.width).toBe(360);
    expect(decoded.height).toBe(360);
  });

  it("takes another size and still decodes", async () => {
    const decoded = decode(await qrPng(token, { size: 200 }));
    expect(decoded.width).toBe(200);
    expect(decoded.text).toBe(token);
  });

  it("draws the same pixels as qrcode's own PNG renderer", async () => {
    for (const size of [360, 200, 97]) {
      const ours = PNG.sync.read(await qrPng(token, { size }));
      // The same single byte-mode segment qrPng encodes: given the string, qrcode's segment optimiser
      // splits about one token in twenty (a run of digits becomes a numeric segment), a different code.
      const theirs = PNG.sync.read(
        await QRCode.toBuffer([{ data: Buffer.from(token, "utf8"), mode: "byte" }], {
          type: "png",
          errorCorrectionLevel: "M",
          maskPattern: QR_MASK_PATTERN,
          margin: 2,
          width: size,
        }),
      );
      expect([ours.width, ours.height]).toEqual([theirs.width, theirs.height]);
      let differences = 0;
      for (let i = 0; i < ours.width * ours.height; i++) {
        if (ours.data[i * 4]! < 128 !== theirs.data[i * 4]! < 128) differences++;
      }
      expect(differences, `size ${size}`).toBe(0);
    }
  });

  it("is quick enough for 10,000 invitations", async () => {
    const t0 = performance.now();
    for (let i = 0; i < 100; i++) await qrPng(token);
    const each = (performance.now() - t0) / 100;
    console.log(`qrPng: ${each.toFixed(2)} ms per 360 px code`);
    expect(each).toBeLessThan(10);
  });

  it("keeps UTF-8 text intact", async () => {
    expect(decode(await qrPng("Nguyễn Thị Ánh – Điểm cầu Duy Xuyên")).text).toBe("Nguyễn Thị Ánh – Điểm cầu Duy Xuyên");
  });

  it("encodes a full RSVP URL too", async () => {
    const url = `https://hoinghi.example.gov.vn/i/${token}`;
    expect(decode(await qrPng(url)).text).toBe(url);
  });
});
