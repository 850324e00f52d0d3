import { zlibSync } from 'fflate';

/**
 * A small PDF 1.7 writer for exported maps: each page is one full-page image (the map or a statistics
 * table drawn by the browser with its own CJK fonts, so Chinese looks exactly as on screen) with the
 * page's words laid over it as invisible text, so the PDF can be searched and copied from. The text
 * uses the standard Adobe-GB1 font STSong-Light with the UniGB-UCS2-H encoding (PDF 32000 §9.7.5.2),
 * which needs no embedded font, plus a ToUnicode map so every reader extracts the right characters.
 */

export type PdfImage =
  | { readonly type: 'jpeg'; readonly bytes: Uint8Array; readonly width: number; readonly height: number }
  /** Raw RGBA pixels (canvas ImageData), written losslessly as Flate-compressed RGB. */
  | {
      readonly type: 'rgba';
      readonly pixels: Uint8Array | Uint8ClampedArray;
      readonly width: number;
      readonly height: number;
    };

/** A run of text on a page: position in points from the top-left corner, at its baseline. */
export interface PdfText {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly size: number;
}

export interface PdfPage {
  /** Page size in points (1/72 inch). */
  readonly width: number;
  readonly height: number;
  readonly image: PdfImage;
  readonly texts: readonly PdfText[];
}

export interface PdfInfo {
  readonly title: string;
  readonly subject?: string;
  readonly producer: string;
  readonly created: Date;
}

const latin1 = (s: string): Uint8Array => {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
};

const hex4 = (n: number): string => n.toString(16).toUpperCase().padStart(4, '0');

/** UTF-16BE code units of the string's BMP characters (the text encoding UniGB-UCS2-H reads). */
export function ucs2Hex(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp > 0xffff) continue;
    out += hex4(cp);
  }
  return out;
}

/** A PDF text string in UTF-16BE with a byte-order mark (for the document information dictionary). */
function utf16String(text: string): string {
  let out = 'FEFF';
  for (let i = 0; i < text.length; i++) out += hex4(text.charCodeAt(i));
  return `<${out}>`;
}

const num = (v: number): string => (Math.round(v * 100) / 100).toString();

function pdfDate(d: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `(D:${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z)`;
}

function toUnicodeCMap(): string {
  const ranges: string[] = [];
  for (let hi = 0; hi < 256; hi++) {
    if (hi >= 0xd8 && hi <= 0xdf) continue;
    const h = hi.toString(16).toUpperCase().padStart(2, '0');
    ranges.push(`<${h}00> <${h}FF> <${h}00>`);
  }
  const blocks: string[] = [];
  for (let i = 0; i < ranges.length; i += 100) {
    const chunk = ranges.slice(i, i + 100);
    blocks.push(`${chunk.length} beginbfrange\n${chunk.join('\n')}\nendbfrange`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

function rgbOf(pixels: Uint8Array | Uint8ClampedArray, width: number, height: number): Uint8Array {
  const n = width * height;
  const out = new Uint8Array(n * 3);
  for (let i = 0; i < n; i++) {
    // composite over white: exported pages have no transparency
    const a = (pixels[i * 4 + 3] ?? 255) / 255;
    for (let c = 0; c < 3; c++) out[i * 3 + c] = Math.round((pixels[i * 4 + c] ?? 255) * a + 255 * (1 - a));
  }
  return out;
}

/** Writes the pages as one PDF file. */
export function writePdf(pages: readonly PdfPage[], info: PdfInfo): Uint8Array {
  const chunks: Uint8Array[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (b: Uint8Array): void => {
    chunks.push(b);
    length += b.length;
  };
  const obj = (id: number, dict: string, stream?: Uint8Array): void => {
    offsets[id] = length;
    if (!stream) {
      push(latin1(`${id} 0 obj\n${dict}\nendobj\n`));
      return;
    }
    push(latin1(`${id} 0 obj\n${dict.replace(/>>$/, ` /Length ${stream.length} >>`)}\nstream\n`));
    push(stream);
    push(latin1('\nendstream\nendobj\n'));
  };

  push(latin1('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'));
  const CATALOG = 1;
  const PAGES = 2;
  const FONT = 3;
  const CIDFONT = 4;
  const DESCRIPTOR = 5;
  const TOUNICODE = 6;
  const INFO = 7;
  const first = 8;
  const pageIds = pages.map((_, i) => first + i * 3);

  obj(CATALOG, `<< /Type /Catalog /Pages ${PAGES} 0 R /Lang (zh-CN) >>`);
  obj(PAGES, `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`);
  obj(
    FONT,
    `<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [${CIDFONT} 0 R] /ToUnicode ${TOUNICODE} 0 R >>`,
  );
  obj(
    CIDFONT,
    `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor ${DESCRIPTOR} 0 R /DW 1000 >>`,
  );
  obj(
    DESCRIPTOR,
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  );
  obj(TOUNICODE, '<< >>', latin1(toUnicodeCMap()));
  obj(
    INFO,
    `<< /Title ${utf16String(info.title)}${info.subject ? ` /Subject ${utf16String(info.subject)}` : ''} /Producer ${utf16String(info.producer)} /CreationDate ${pdfDate(info.created)} >>`,
  );

  pages.forEach((page, i) => {
    const pageId = pageIds[i] ?? 0;
    const contentId = pageId + 1;
    const imageId = pageId + 2;
    const { width: w, height: h } = page;
    obj(
      pageId,
      `<< /Type /Page /Parent ${PAGES} 0 R /MediaBox [0 0 ${num(w)} ${num(h)}] /Resources << /Font << /F1 ${FONT} 0 R >> /XObject << /Im0 ${imageId} 0 R >> >> /Contents ${contentId} 0 R >>`,
    );
    const ops = [`q ${num(w)} 0 0 ${num(h)} 0 0 cm /Im0 Do Q`];
    for (const t of page.texts) {
      const hex = ucs2Hex(t.text);
      if (hex === '') continue;
      // render mode 3: invisible (the image shows the text); it is there to be found and copied
      ops.push(`BT 3 Tr /F1 ${num(t.size)} Tf 1 0 0 1 ${num(t.x)} ${num(h - t.y)} Tm <${hex}> Tj ET`);
    }
    obj(contentId, '<< /Filter /FlateDecode >>', zlibSync(latin1(ops.join('\n'))));
    const img = page.image;
    if (img.type === 'jpeg')
      obj(
        imageId,
        `<< /Type /XObject /Subtype /Image /Width ${img.width} /Height ${img.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode >>`,
        img.bytes,
      );
    else
      obj(
        imageId,
        `<< /Type /XObject /Subtype /Image /Width ${img.width} /Height ${img.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode >>`,
        zlibSync(rgbOf(img.pixels, img.width, img.height), { level: 6 }),
      );
  });

  const size = first + pages.length * 3;
  const xrefAt = length;
  const rows = ['xref', `0 ${size}`, '0000000000 65535 f '];
  for (let id = 1; id < size; id++) rows.push(`${String(offsets[id] ?? 0).padStart(10, '0')} 00000 n `);
  push(
    latin1(
      `${rows.join('\n')}\ntrailer\n<< /Size ${size} /Root ${CATALOG} 0 R /Info ${INFO} 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`,
    ),
  );

  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
