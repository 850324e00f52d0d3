import { describe, expect, it } from 'vitest';
import { parsePdf } from '../../../tests/helpers/pdf';
import { paperPt } from './paper';
import { ucs2Hex, writePdf, type PdfPage } from './pdf';

const white = (w: number, h: number): Uint8Array => new Uint8Array(w * h * 4).fill(255);

describe('writePdf', () => {
  it('writes pages of the requested size whose Chinese text a PDF reader extracts', async () => {
    const [w, h] = paperPt('A3', 'landscape');
    const pages: PdfPage[] = [
      {
        width: w,
        height: h,
        image: { type: 'rgba', pixels: white(40, 28), width: 40, height: 28 },
        texts: [
          { text: '泉州市学校建设规划图', x: 40, y: 60, size: 24 },
          { text: '鲤城区 · 学位 1,260', x: 40, y: 100, size: 12 },
        ],
      },
      {
        width: w,
        height: h,
        image: { type: 'rgba', pixels: white(4, 3), width: 4, height: 3 },
        texts: [{ text: '分区县统计 Statistics', x: 40, y: 60, size: 18 }],
      },
    ];
    const bytes = writePdf(pages, { title: '泉州市学校建设规划图', producer: 'test', created: new Date(0) });
    const pdf = await parsePdf(bytes);
    expect(pdf.pages).toHaveLength(2);
    expect(pdf.pages[0]?.width).toBeCloseTo(1190.55, 1);
    expect(pdf.pages[0]?.height).toBeCloseTo(841.89, 1);
    expect(pdf.pages[0]?.text).toContain('泉州市学校建设规划图');
    expect(pdf.pages[0]?.text).toContain('鲤城区');
    expect(pdf.pages[1]?.text).toContain('分区县统计 Statistics');
    expect(pdf.title).toBe('泉州市学校建设规划图');
  });

  it('encodes text as UTF-16 code units and leaves out characters beyond the BMP', () => {
    expect(ucs2Hex('泉A')).toBe('6CC90041');
    expect(ucs2Hex('a😀b')).toBe('00610062');
  });

  it('gives byte offsets in the cross-reference table that point at their objects', () => {
    const bytes = writePdf(
      [{ width: 100, height: 100, image: { type: 'rgba', pixels: white(1, 1), width: 1, height: 1 }, texts: [] }],
      { title: 't', producer: 'p', created: new Date(0) },
    );
    const text = new TextDecoder('latin1').decode(bytes);
    const start = Number(/startxref\n(\d+)/.exec(text)?.[1]);
    expect(text.slice(start, start + 4)).toBe('xref');
    const entries = text.slice(start).split('\n').slice(3, 11);
    entries.forEach((e, i) => {
      const at = Number(e.slice(0, 10));
      expect(text.slice(at, at + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`);
    });
  });
});
