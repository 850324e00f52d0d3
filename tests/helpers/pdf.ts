/** Reads a PDF with pdf.js (Mozilla's reader, as Firefox and many viewers use): pages, sizes, text, title. */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

export interface ParsedPdf {
  readonly pages: { width: number; height: number; text: string }[];
  readonly title: string | null;
}

export async function parsePdf(bytes: Uint8Array): Promise<ParsedPdf> {
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: `${join(pdfjsRoot, 'cmaps')}/`,
    cMapPacked: true,
    standardFontDataUrl: `${join(pdfjsRoot, 'standard_fonts')}/`,
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  const pages: ParsedPdf['pages'] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
    const content = await page.getTextContent();
    const text = content.items.map((it) => ('str' in it ? it.str : '')).join('');
    pages.push({ width: x1 - x0, height: y1 - y0, text });
  }
  const meta = await doc.getMetadata();
  const info = meta.info as { Title?: unknown };
  await doc.destroy();
  return { pages, title: typeof info.Title === 'string' ? info.Title : null };
}
