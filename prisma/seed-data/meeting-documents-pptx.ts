// A small real PowerPoint file (.pptx) for the demo meeting documents: the Office Open XML parts a
// presentation needs (content types, presentation, one master, one layout, a theme, the slides), zipped
// with JSZip. Each slide has a title and bullet lines. Seed support only; the app reads, never writes, PPTX.
import JSZip from "jszip";

const NS =
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
  'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function rels(items: Array<[string, string, string]>): string {
  const body = items.map(([id, type, target]) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`);
  return `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body.join("")}</Relationships>`;
}

const emptyTree =
  '<p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/></p:spTree>';

const colors: Array<[string, string]> = [
  ["dk1", '<a:srgbClr val="000000"/>'],
  ["lt1", '<a:srgbClr val="FFFFFF"/>'],
  ["dk2", '<a:srgbClr val="1F2937"/>'],
  ["lt2", '<a:srgbClr val="F3F4F6"/>'],
  ["accent1", '<a:srgbClr val="B91C1C"/>'],
  ["accent2", '<a:srgbClr val="1D4ED8"/>'],
  ["accent3", '<a:srgbClr val="15803D"/>'],
  ["accent4", '<a:srgbClr val="CA8A04"/>'],
  ["accent5", '<a:srgbClr val="7C3AED"/>'],
  ["accent6", '<a:srgbClr val="0F766E"/>'],
  ["hlink", '<a:srgbClr val="1D4ED8"/>'],
  ["folHlink", '<a:srgbClr val="6D28D9"/>'],
];
const fill = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>';
const line = `<a:ln w="9525">${fill}</a:ln>`;
const font = '<a:latin typeface="Times New Roman"/><a:ea typeface=""/><a:cs typeface=""/>';
const theme =
  `${XML}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Hội nghị"><a:themeElements>` +
  `<a:clrScheme name="Hội nghị">${colors.map(([n, c]) => `<a:${n}>${c}</a:${n}>`).join("")}</a:clrScheme>` +
  `<a:fontScheme name="Hội nghị"><a:majorFont>${font}</a:majorFont><a:minorFont>${font}</a:minorFont></a:fontScheme>` +
  `<a:fmtScheme name="Hội nghị"><a:fillStyleLst>${fill.repeat(3)}</a:fillStyleLst><a:lnStyleLst>${line.repeat(3)}</a:lnStyleLst>` +
  `<a:effectStyleLst>${"<a:effectStyle><a:effectLst/></a:effectStyle>".repeat(3)}</a:effectStyleLst>` +
  `<a:bgFillStyleLst>${fill.repeat(3)}</a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>`;

function textBox(id: number, name: string, y: number, h: number, paragraphs: string[], size: number, bold: boolean) {
  const runs = paragraphs
    .map((t) => `<a:p><a:r><a:rPr lang="vi-VN" sz="${size}"${bold ? ' b="1"' : ""}/><a:t>${esc(t)}</a:t></a:r></a:p>`)
    .join("");
  return (
    `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${name}"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>` +
    `<p:spPr><a:xfrm><a:off x="457200" y="${y}"/><a:ext cx="8229600" cy="${h}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>` +
    `<p:txBody><a:bodyPr wrap="square"/><a:lstStyle/>${runs}</p:txBody></p:sp>`
  );
}

export interface Slide {
  title: string;
  lines: string[];
}

/** A .pptx with these slides (16:9). */
export async function buildPptx(title: string, slides: Slide[]): Promise<Buffer> {
  const zip = new JSZip();
  const put = (name: string, data: string) => zip.file(name, data, { createFolders: false });
  const overrides = [
    ["/ppt/presentation.xml", `${CT}.presentationml.presentation.main+xml`],
    ["/ppt/slideMasters/slideMaster1.xml", `${CT}.presentationml.slideMaster+xml`],
    ["/ppt/slideLayouts/slideLayout1.xml", `${CT}.presentationml.slideLayout+xml`],
    ["/ppt/theme/theme1.xml", `${CT}.theme+xml`],
    ["/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"],
    ...slides.map((_, i) => [`/ppt/slides/slide${i + 1}.xml`, `${CT}.presentationml.slide+xml`]),
  ];
  put(
    "[Content_Types].xml",
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      overrides.map(([p, t]) => `<Override PartName="${p}" ContentType="${t}"/>`).join("") +
      "</Types>",
  );
  put(
    "_rels/.rels",
    rels([
      ["rId1", "officeDocument", "ppt/presentation.xml"],
      ["rId2", "metadata/core-properties", "docProps/core.xml"],
    ]).replace(
      `${REL}/metadata/core-properties`,
      "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
    ),
  );
  put(
    "docProps/core.xml",
    `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
      'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>' +
      esc(title) +
      "</dc:title><dc:creator>Hội nghị CCHC</dc:creator></cp:coreProperties>",
  );
  put(
    "ppt/presentation.xml",
    `${XML}<p:presentation ${NS}><p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst>` +
      `<p:sldIdLst>${slides.map((_, i) => `<p:sldId id="${256 + i}" r:id="rId${i + 2}"/>`).join("")}</p:sldIdLst>` +
      '<p:sldSz cx="9144000" cy="5143500"/><p:notesSz cx="6858000" cy="9144000"/></p:presentation>',
  );
  put(
    "ppt/_rels/presentation.xml.rels",
    rels([
      ["rId1", "slideMaster", "slideMasters/slideMaster1.xml"],
      ...slides.map((_, i): [string, string, string] => [`rId${i + 2}`, "slide", `slides/slide${i + 1}.xml`]),
      [`rId${slides.length + 2}`, "theme", "theme/theme1.xml"],
    ]),
  );
  put(
    "ppt/slideMasters/slideMaster1.xml",
    `${XML}<p:sldMaster ${NS}><p:cSld>${emptyTree}</p:cSld>` +
      '<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" ' +
      'accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>' +
      '<p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="rId1"/></p:sldLayoutIdLst></p:sldMaster>',
  );
  put(
    "ppt/slideMasters/_rels/slideMaster1.xml.rels",
    rels([
      ["rId1", "slideLayout", "../slideLayouts/slideLayout1.xml"],
      ["rId2", "theme", "../theme/theme1.xml"],
    ]),
  );
  put(
    "ppt/slideLayouts/slideLayout1.xml",
    `${XML}<p:sldLayout ${NS} type="blank"><p:cSld name="Trống">${emptyTree}</p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>`,
  );
  put(
    "ppt/slideLayouts/_rels/slideLayout1.xml.rels",
    rels([["rId1", "slideMaster", "../slideMasters/slideMaster1.xml"]]),
  );
  put("ppt/theme/theme1.xml", theme);
  slides.forEach((s, i) => {
    const tree = emptyTree.replace(
      "</p:spTree>",
      textBox(2, "Tiêu đề", 342900, 914400, [s.title], 3200, true) +
        textBox(
          3,
          "Nội dung",
          1371600,
          3429000,
          s.lines.map((l) => `• ${l}`),
          2000,
          false,
        ) +
        "</p:spTree>",
    );
    put(
      `ppt/slides/slide${i + 1}.xml`,
      `${XML}<p:sld ${NS}><p:cSld>${tree}</p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>`,
    );
    put(`ppt/slides/_rels/slide${i + 1}.xml.rels`, rels([["rId1", "slideLayout", "../slideLayouts/slideLayout1.xml"]]));
  });
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
