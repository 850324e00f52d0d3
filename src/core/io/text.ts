/** Text decoding for CSV and DBF: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (Excel in China). */
import { err, ok, type Result } from '../result';

export type TextEncodingId = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** Decodes bytes, choosing the encoding: a BOM decides; valid UTF-8 is UTF-8; otherwise GB18030 (a superset of GBK). */
export function decodeText(
  bytes: Uint8Array,
  forced?: TextEncodingId,
): Result<{ text: string; encoding: TextEncodingId }, string> {
  const tryDecode = (enc: TextEncodingId, from = 0): string | null => {
    try {
      return new TextDecoder(enc, { fatal: true }).decode(bytes.subarray(from));
    } catch {
      return null;
    }
  };
  if (forced) {
    const t = tryDecode(forced, bomLength(bytes, forced));
    return t === null ? err(forced) : ok({ text: t, encoding: forced });
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const t = tryDecode('utf-8', 3);
    return t === null ? err('utf-8') : ok({ text: t, encoding: 'utf-8' });
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    const t = tryDecode('utf-16le', 2);
    return t === null ? err('utf-16le') : ok({ text: t, encoding: 'utf-16le' });
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const t = tryDecode('utf-16be', 2);
    return t === null ? err('utf-16be') : ok({ text: t, encoding: 'utf-16be' });
  }
  const utf8 = tryDecode('utf-8');
  if (utf8 !== null) return ok({ text: utf8, encoding: 'utf-8' });
  const gb = tryDecode('gb18030');
  if (gb !== null && !looksBinary(gb)) return ok({ text: gb, encoding: 'gb18030' });
  return err('unknown');
}

function bomLength(bytes: Uint8Array, enc: TextEncodingId): number {
  if (enc === 'utf-8' && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 3;
  if (enc.startsWith('utf-16') && (bytes[0] === 0xff || bytes[0] === 0xfe)) return 2;
  return 0;
}

/** Control characters other than tab/newline in the first few thousand characters: not a text file. */
export function looksBinary(text: string): boolean {
  const head = text.slice(0, 4096);
  let bad = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) bad++;
  }
  return bad > head.length / 50;
}

/** Code page names from a Shapefile .cpg ("936", "GBK", "UTF-8", "65001") to a TextDecoder label. */
export function encodingFromCpg(cpg: string): string | null {
  const v = cpg.trim().toLowerCase().replace(/^cp/, '');
  if (v === '') return null;
  if (['utf-8', 'utf8', '65001'].includes(v)) return 'utf-8';
  if (['936', 'gbk', 'gb2312', 'gb18030', '54936', 'ansi 936', 'x-gbk', 'chinese'].includes(v)) return 'gb18030';
  if (['950', 'big5', 'ansi 950'].includes(v)) return 'big5';
  const ansi = /^(?:ansi\s*|windows-?)?(125[0-8])$/.exec(v);
  if (ansi?.[1]) return `windows-${ansi[1]}`;
  if (['932', 'shift_jis', 'sjis'].includes(v)) return 'shift_jis';
  if (['949', 'euc-kr'].includes(v)) return 'euc-kr';
  if (/^(8859|iso-?8859)-?1$/.test(v)) return 'windows-1252';
  return null;
}

/** Full-width ASCII (Ｅｘｃｅｌ, １２３) to half-width; the ideographic space to a space. */
export function halfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}
