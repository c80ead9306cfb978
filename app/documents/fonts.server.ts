// The TTF fonts shipped with the app for official documents (Liberation Serif 2,
// SIL Open Font License, Times New Roman metrics, full Vietnamese coverage).
//
// Each file is read once per process and parsed once per process: pdfkit 0.20
// accepts an already-parsed fontkit Font, so every document shares the parsed
// tables (and fontkit's glyph cache) instead of re-parsing 400 KB of TTF per PDF.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { TrueTypeSource, TrueTypeSubset } from "#app/documents/truetype-subset.ts";

export const FONT_STYLES = ["regular", "bold", "italic", "boldItalic"] as const;
export type FontStyle = (typeof FONT_STYLES)[number];

const FILES: Record<FontStyle, string> = {
  regular: "LiberationSerif-Regular.ttf",
  bold: "LiberationSerif-Bold.ttf",
  italic: "LiberationSerif-Italic.ttf",
  boldItalic: "LiberationSerif-BoldItalic.ttf",
};

/** The PostScript family every embedded font of an official document belongs to. */
export const FONT_FAMILY = "LiberationSerif";

/**
 * The folder holding the TTF files. Next to this module when it runs from source
 * (tests, tsx scripts); from the project root when it runs from a bundle
 * (build/server), where this module's own folder holds no fonts. FONTS_DIR overrides.
 */
export function fontsDirectory(): string {
  const candidates = [
    process.env.FONTS_DIR,
    path.join(path.dirname(fileURLToPath(import.meta.url)), "fonts"),
    path.join(process.cwd(), "app", "documents", "fonts"),
  ].filter((c): c is string => !!c);
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, FILES.regular)));
  if (!found) throw new Error(`Không tìm thấy phông chữ ${FILES.regular} (đã tìm trong: ${candidates.join(", ")})`);
  return found;
}

const buffers = new Map<FontStyle, Buffer>();
let reads = 0;

/** The TTF bytes of one style, read from disk on first use only. */
export function fontBuffer(style: FontStyle): Buffer {
  let buf = buffers.get(style);
  if (!buf) {
    buf = fs.readFileSync(path.join(fontsDirectory(), FILES[style]));
    reads++;
    buffers.set(style, buf);
  }
  return buf;
}

/** A parsed fontkit Font, opaque here: pdfkit knows what to do with it. */
export type ParsedFont = { readonly postscriptName: string; layout(text: string): unknown };

type Fontkit = { create(buffer: Uint8Array, postscriptName?: string): ParsedFont };

let fontkit: Fontkit | null | undefined;

// The fontkit that pdfkit itself depends on (resolved from pdfkit's own folder,
// so it is the very same module pdfkit uses). null when it cannot be loaded: then
// documents fall back to handing pdfkit the bytes, which still works, only slower.
function loadFontkit(): Fontkit | null {
  if (fontkit !== undefined) return fontkit;
  try {
    const require = createRequire(import.meta.url);
    const fromPdfkit = createRequire(require.resolve("pdfkit"));
    const mod = fromPdfkit("fontkit") as Fontkit & { default?: Fontkit };
    fontkit = typeof mod.create === "function" ? mod : (mod.default ?? null);
  } catch {
    fontkit = null;
  }
  return fontkit;
}

// Subsetting: truetype-subset.ts.

const parsed = new Map<FontStyle, ParsedFont | Buffer>();

/**
 * What to hand to pdfkit's `registerFont` for one style: the parsed font,
 * shared by every document of the process, or the cached bytes if fontkit
 * could not be loaded directly.
 */
export function fontSource(style: FontStyle): ParsedFont | Buffer {
  let src = parsed.get(style);
  if (!src) {
    const fk = loadFontkit();
    const bytes = fontBuffer(style);
    if (fk) {
      const font = fk.create(bytes) as ParsedFont & { createSubset?: () => unknown };
      if (TrueTypeSource.isTrueType(bytes)) {
        const source = new TrueTypeSource(bytes);
        font.createSubset = () => new TrueTypeSubset(source);
      }
      src = font;
    } else {
      src = bytes;
    }
    parsed.set(style, src);
  }
  return src;
}

/** Reads and parses every style now, so that the first document is not slower than the others. */
export function preloadFonts(): void {
  for (const style of FONT_STYLES) fontSource(style);
}

/** How many font files were read from disk so far in this process (at most one per style). */
export function fontFileReads(): number {
  return reads;
}
