/** KML and KMZ (zipped KML) through @tmcw/togeojson, with @xmldom/xmldom so it also runs in a worker. */
import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { err, isRecord, type Result } from '../result';
import { tableFromFeatures } from './geojson';
import { UNSAFE_KEYS } from './tabular';
import { decodeText } from './text';
import type { IoError, RawTable } from './types';
import { readZip } from './zip';

/** KML styling that togeojson turns into properties: not project fields. */
const STYLE_FIELD = /^(styleUrl|styleHash|styleMapHash|stroke|fill|icon|label|visibility|marker-|timestamp)/i;

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const decodeEntities = (s: string): string =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
    if (e.startsWith('#x') || e.startsWith('#X')) return String.fromCodePoint(Number.parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)));
    return ENTITIES[e.toLowerCase()] ?? whole;
  });

/** The text of an HTML fragment: tags dropped, entities decoded, white space folded. */
export function htmlText(html: string): string {
  return decodeEntities(
    html
      .replace(/<\s*(br|\/p|\/tr|\/div|\/li)\b[^>]*>/gi, '\n')
      .replace(/<\s*\/t[dh]\s*>/gi, ' ')
      .replace(/<[^>]*>/g, ''),
  )
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** Two-cell rows of the HTML tables in a description (ArcGIS writes field name | value), in order. */
export function descriptionTable(html: string): [string, string][] {
  const out: [string, string][] = [];
  for (const row of html.match(/<\s*tr\b[\s\S]*?<\s*\/tr\s*>/gi) ?? []) {
    const cells = [...row.matchAll(/<\s*t[dh]\b[^>]*>([\s\S]*?)<\s*\/t[dh]\s*>/gi)].map((m) => htmlText(m[1] ?? ''));
    const [key, value] = cells;
    if (cells.length === 2 && key !== undefined && value !== undefined && key !== '' && key.length <= 40)
      out.push([key, value]);
  }
  return out;
}

export function readKmlText(text: string, format: 'kml' | 'kmz'): Result<RawTable, IoError> {
  if (!/<kml[\s>]/i.test(text.slice(0, 4096))) return err({ code: 'kmlInvalid', params: { detail: 'no <kml>' } });
  let failed = '';
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning' && failed === '') failed = message.split('\n')[0] ?? '';
    },
  });
  let doc;
  try {
    doc = parser.parseFromString(text, 'text/xml');
  } catch (e) {
    failed = e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e);
  }
  if (!doc || failed !== '') return err({ code: 'kmlInvalid', params: { detail: failed.slice(0, 120) } });
  const fc = kml(doc);
  const features = fc.features.map((f) => {
    const props: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(f.properties ?? {})) if (!STYLE_FIELD.test(k)) props[k] = v;
    // ArcGIS "Layer To KML" puts the attributes in an HTML table in the description
    // togeojson gives an HTML (CDATA) description as { "@type": "html", value }
    const raw = props.description;
    const description =
      typeof raw === 'string' ? raw : isRecord(raw) && typeof raw.value === 'string' ? raw.value : null;
    if (description !== null && typeof raw !== 'string') props.description = description;
    if (description !== null && /<\s*(table|tr|td|br|p|div|span|b)\b/i.test(description)) {
      for (const [k, v] of descriptionTable(description))
        if (!Object.hasOwn(props, k) && !STYLE_FIELD.test(k) && !UNSAFE_KEYS.has(k)) props[k] = v;
      props.description = htmlText(description);
    }
    return { ...f, properties: props };
  });
  if (features.length === 0) return err({ code: 'noRecords' });
  // KML specifies WGS84, but tools export 高德 coordinates into it: the datum is left to the evidence
  return tableFromFeatures(features, format, { declaredCrs: null });
}

export function readKml(bytes: Uint8Array): Result<RawTable, IoError> {
  const t = decodeText(bytes);
  if (!t.ok) return err({ code: 'encoding' });
  return readKmlText(t.value.text, 'kml');
}

/** A KMZ is a zip whose main document is doc.kml (or the first .kml). */
export function readKmz(bytes: Uint8Array): Result<RawTable, IoError> {
  const files = readZip(bytes, (n) => n.toLowerCase().endsWith('.kml'));
  if (!files.ok) return files;
  const names = [...files.value.keys()];
  const main = names.find((n) => n.toLowerCase().endsWith('doc.kml')) ?? names[0];
  const data = main === undefined ? undefined : files.value.get(main);
  if (!data) return err({ code: 'zipNoData', params: { expected: '.kml' } });
  const t = decodeText(data);
  if (!t.ok) return err({ code: 'encoding' });
  return readKmlText(t.value.text, 'kmz');
}
