import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const MM = 72 / 25.4;

/** Writes the PDF to a temp file and returns its path. */
export function pdfFile(pdf: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "hoinghi-pdf-")), "doc.pdf");
  fs.writeFileSync(file, pdf);
  return file;
}

/** Words of page 1 outside the Decree 30 margins (top/bottom 20 mm, left 30 mm, right 15 mm), 1 pt tolerance. */
export function wordsOutsideMargins(file: string): string[] {
  const html = execFileSync("pdftotext", ["-bbox", "-f", "1", "-l", "1", file, "-"], { encoding: "utf8" });
  const page = /<page width="([\d.]+)" height="([\d.]+)">/.exec(html)!;
  const [width, height] = [Number(page[1]), Number(page[2])];
  const out: string[] = [];
  let words = 0;
  for (const m of html.matchAll(
    /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
  )) {
    words++;
    const [xMin, yMin, xMax, yMax] = [1, 2, 3, 4].map((i) => Number(m[i]));
    if (xMin! < 30 * MM - 1 || xMax! > width - 15 * MM + 1 || yMin! < 20 * MM - 1 || yMax! > height - 20 * MM + 1)
      out.push(m[5]!);
  }
  // A page with no words read would make the check pass vacuously.
  if (words < 20) throw new Error(`only ${words} words read from page 1 of ${file}`);
  return out;
}

/** Font names of the PDF that are not embedded subsets of Liberation Serif. */
export function foreignFonts(file: string): string[] {
  return execFileSync("pdffonts", [file], { encoding: "utf8" })
    .split("\n")
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => l.split(/\s+/)[0]!)
    .filter((name) => !/^[A-Z]{6}\+LiberationSerif/.test(name));
}
