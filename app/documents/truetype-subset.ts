// TrueType subsetting for the shipped fonts (fonts.server.ts). Plain TypeScript on byte arrays.
//
// pdfkit embeds in each PDF a subset of every font it used, built by
// fontkit's TTFSubset, which re-decodes every glyph and re-encodes the hinting
// tables value by value on each document: about half the time of a one-page
// letter. This subsetter produces the same kind of TrueType subset (the tables
// the PDF specification asks for: head, hhea, loca, maxp, cvt, prep, glyf, hmtx,
// fpgm) from raw byte slices of the font, looked up once per glyph per process.

interface TableRecord {
  offset: number;
  length: number;
}

interface GlyphRecord {
  /** The glyph's bytes in the source font's glyf table (not copied). */
  data: Uint8Array;
  /** Composite glyphs: where each component's glyph id sits in `data`, and that id. */
  components: Array<{ pos: number; gid: number }>;
  advance: number;
  lsb: number;
}

/** The parts of a TrueType font that a subset is built from, parsed once. */
export class TrueTypeSource {
  private readonly view: DataView;
  private readonly tables = new Map<string, TableRecord>();
  private readonly glyphs = new Map<number, GlyphRecord>();
  private readonly numGlyphs: number;
  private readonly numberOfHMetrics: number;
  private readonly longLoca: boolean;

  private readonly bytes: Uint8Array;

  constructor(font: Uint8Array) {
    // A plain Uint8Array view: a Node Buffer's slice() would not copy.
    const bytes = new Uint8Array(font.buffer, font.byteOffset, font.byteLength);
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const numTables = this.view.getUint16(4);
    for (let i = 0; i < numTables; i++) {
      const rec = 12 + 16 * i;
      const tag = String.fromCharCode(bytes[rec]!, bytes[rec + 1]!, bytes[rec + 2]!, bytes[rec + 3]!);
      this.tables.set(tag, { offset: this.view.getUint32(rec + 8), length: this.view.getUint32(rec + 12) });
    }
    for (const tag of ["head", "hhea", "maxp", "hmtx", "loca", "glyf"]) {
      if (!this.tables.has(tag)) throw new Error(`not a TrueType font: no ${tag} table`);
    }
    this.numGlyphs = this.view.getUint16(this.table("maxp").offset + 4);
    this.numberOfHMetrics = this.view.getUint16(this.table("hhea").offset + 34);
    this.longLoca = this.view.getInt16(this.table("head").offset + 50) === 1;
  }

  static isTrueType(bytes: Uint8Array): boolean {
    const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const numTables = v.getUint16(4);
    for (let i = 0; i < numTables; i++) {
      const rec = 12 + 16 * i;
      if (String.fromCharCode(bytes[rec]!, bytes[rec + 1]!, bytes[rec + 2]!, bytes[rec + 3]!) === "glyf") return true;
    }
    return false;
  }

  table(tag: string): TableRecord {
    const t = this.tables.get(tag);
    if (!t) throw new Error(`no ${tag} table`);
    return t;
  }

  /** The raw bytes of a table, or null when the font has none. */
  tableBytes(tag: string): Uint8Array | null {
    const t = this.tables.get(tag);
    return t ? this.bytes.subarray(t.offset, t.offset + t.length) : null;
  }

  glyph(gid: number): GlyphRecord {
    let g = this.glyphs.get(gid);
    if (g) return g;
    const id = gid >= 0 && gid < this.numGlyphs ? gid : 0;
    const loca = this.table("loca").offset;
    const start = this.longLoca ? this.view.getUint32(loca + 4 * id) : 2 * this.view.getUint16(loca + 2 * id);
    const end = this.longLoca ? this.view.getUint32(loca + 4 * id + 4) : 2 * this.view.getUint16(loca + 2 * id + 2);
    const glyf = this.table("glyf").offset;
    const data = this.bytes.subarray(glyf + start, glyf + end);
    const components: GlyphRecord["components"] = [];
    if (data.length >= 10 && this.view.getInt16(glyf + start) < 0) {
      // Composite glyph: flags, glyphIndex, arguments, transform; repeated while MORE_COMPONENTS.
      let p = 10;
      let flags: number;
      do {
        flags = this.view.getUint16(glyf + start + p);
        components.push({ pos: p + 2, gid: this.view.getUint16(glyf + start + p + 2) });
        p += 4 + (flags & 0x0001 ? 4 : 2);
        if (flags & 0x0008) p += 2;
        else if (flags & 0x0040) p += 4;
        else if (flags & 0x0080) p += 8;
      } while (flags & 0x0020 && p + 4 <= data.length);
    }
    const hmtx = this.table("hmtx").offset;
    const m = this.numberOfHMetrics;
    const advance = this.view.getUint16(hmtx + 4 * Math.min(id, m - 1));
    const lsb = id < m ? this.view.getInt16(hmtx + 4 * id + 2) : this.view.getInt16(hmtx + 4 * m + 2 * (id - m));
    g = { data, components, advance, lsb };
    this.glyphs.set(gid, g);
    return g;
  }
}

const pad4 = (n: number) => (n + 3) & ~3;

/** A copy that owns its memory (never shares the source font's bytes). */
function copyOf(bytes: Uint8Array): Uint8Array {
  const c = new Uint8Array(bytes.length);
  c.set(bytes);
  return c;
}

const viewOf = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);

function checksum(bytes: Uint8Array, offset: number, length: number): number {
  const v = viewOf(bytes);
  let sum = 0;
  const end = offset + pad4(length);
  for (let p = offset; p < end; p += 4) sum = (sum + v.getUint32(p)) >>> 0;
  return sum;
}

/**
 * A TrueType subset with the interface pdfkit expects of fontkit's: glyphs are
 * numbered in the order `includeGlyph` first sees them (0 is .notdef), components
 * of composite glyphs are appended while encoding.
 */
export class TrueTypeSubset {
  readonly glyphs: number[] = [];
  readonly mapping = new Map<number, number>();

  constructor(private readonly source: TrueTypeSource) {
    this.includeGlyph(0);
  }

  includeGlyph(glyph: number | { id: number }): number {
    const gid = typeof glyph === "number" ? glyph : glyph.id;
    let id = this.mapping.get(gid);
    if (id === undefined) {
      id = this.glyphs.length;
      this.glyphs.push(gid);
      this.mapping.set(gid, id);
    }
    return id;
  }

  encode(): Uint8Array {
    const src = this.source;
    // Glyph outlines (components renumbered), collecting components as they come.
    const parts: Uint8Array[] = [];
    const metrics: Array<[number, number]> = [];
    for (let i = 0; i < this.glyphs.length; i++) {
      const g = src.glyph(this.glyphs[i]!);
      let data = g.data;
      if (g.components.length > 0) {
        data = copyOf(data);
        const dv = viewOf(data);
        for (const c of g.components) dv.setUint16(c.pos, this.includeGlyph(c.gid));
      }
      parts.push(data);
      metrics.push([g.advance, g.lsb]);
    }
    const n = this.glyphs.length;

    const glyfLength = parts.reduce((s, p) => s + pad4(p.length), 0);
    const glyf = new Uint8Array(glyfLength);
    const loca = new Uint8Array(4 * (n + 1));
    const locaView = new DataView(loca.buffer);
    let at = 0;
    parts.forEach((p, i) => {
      locaView.setUint32(4 * i, at);
      glyf.set(p, at);
      at += pad4(p.length);
    });
    locaView.setUint32(4 * n, at);

    const hmtx = new Uint8Array(4 * n);
    const hmtxView = new DataView(hmtx.buffer);
    metrics.forEach(([adv, lsb], i) => {
      hmtxView.setUint16(4 * i, adv);
      hmtxView.setInt16(4 * i + 2, lsb);
    });

    const head = copyOf(src.tableBytes("head")!);
    viewOf(head).setUint32(8, 0); // checkSumAdjustment, set below
    viewOf(head).setInt16(50, 1); // long loca offsets
    const hhea = copyOf(src.tableBytes("hhea")!);
    viewOf(hhea).setUint16(34, n); // numberOfHMetrics
    const maxp = copyOf(src.tableBytes("maxp")!);
    viewOf(maxp).setUint16(4, n); // numGlyphs

    // Sorted by tag, as the table directory must be.
    const tables: Array<[string, Uint8Array]> = [];
    const add = (tag: string, bytes: Uint8Array | null) => {
      if (bytes) tables.push([tag, bytes]);
    };
    add("cvt ", src.tableBytes("cvt "));
    add("fpgm", src.tableBytes("fpgm"));
    add("glyf", glyf);
    add("head", head);
    add("hhea", hhea);
    add("hmtx", hmtx);
    add("loca", loca);
    add("maxp", maxp);
    add("prep", src.tableBytes("prep"));

    const numTables = tables.length;
    const headerLength = 12 + 16 * numTables;
    const total = tables.reduce((s, [, b]) => s + pad4(b.length), headerLength);
    const out = new Uint8Array(total);
    const v = new DataView(out.buffer);
    const entrySelector = Math.floor(Math.log2(numTables));
    const searchRange = 16 * 2 ** entrySelector;
    v.setUint32(0, 0x00010000);
    v.setUint16(4, numTables);
    v.setUint16(6, searchRange);
    v.setUint16(8, entrySelector);
    v.setUint16(10, numTables * 16 - searchRange);
    let offset = headerLength;
    let headOffset = 0;
    tables.forEach(([tag, bytes], i) => {
      out.set(bytes, offset);
      const rec = 12 + 16 * i;
      for (let k = 0; k < 4; k++) out[rec + k] = tag.charCodeAt(k);
      v.setUint32(rec + 4, checksum(out, offset, bytes.length));
      v.setUint32(rec + 8, offset);
      v.setUint32(rec + 12, bytes.length);
      if (tag === "head") headOffset = offset;
      offset += pad4(bytes.length);
    });
    v.setUint32(headOffset + 8, (0xb1b0afba - checksum(out, 0, total)) >>> 0);
    return out;
  }
}
