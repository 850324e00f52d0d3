/** KML and KMZ (zipped KML) through @tmcw/togeojson, with @xmldom/xmldom so it also runs in a worker. */
import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { err, type Result } from '../result';
import { tableFromFeatures } from './geojson';
import { decodeText } from './text';
import type { IoError, RawTable } from './types';
import { readZip } from './zip';

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
    // KML styles are not project fields
    const props: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(f.properties ?? {}))
      if (
        !/^(styleUrl|styleHash|styleMapHash|stroke|fill|icon|visibility)/.test(k) &&
        !k.startsWith('stroke') &&
        !k.startsWith('fill')
      )
        props[k] = v;
    return { ...f, properties: props };
  });
  if (features.length === 0) return err({ code: 'noRecords' });
  return tableFromFeatures(features, format, { declaredCrs: 'wgs84' });
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
