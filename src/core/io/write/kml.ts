/**
 * KML for field apps (奥维互动地图, Google Earth, 两步路): one Placemark per project with its name, the
 * kind's symbol colour, a description table of its attributes, ExtendedData for tools that read fields,
 * and — when it has one — its 用地红线 as a Polygon in the same Placemark (a MultiGeometry), in WGS84 or,
 * for apps that expect it, GCJ-02 (named in the document's description). Written by hand: the KML
 * writers on npm (tokml, @placemarkio/tokml) style markers only through simplestyle properties, whose
 * icons are fetched from an online server; here each kind gets its own Style and, in a KMZ, its icon.
 */

export interface KmlPlacemark {
  readonly name: string;
  /** A key of `styles`. */
  readonly style: string;
  readonly point: readonly [number, number];
  readonly polygon: readonly (readonly (readonly [number, number])[])[] | null;
  /** [field key (ASCII: GIS tools read it as the field name), label, value], in display order. */
  readonly attributes: readonly (readonly [string, string, string])[];
}

export interface KmlDocument {
  readonly name: string;
  readonly description: string;
  /** Style id → colour (#RRGGBB) and label. */
  readonly styles: Readonly<Record<string, { readonly color: string; readonly label: string }>>;
  /** Folder per style (the kinds), in this order. */
  readonly placemarks: readonly KmlPlacemark[];
  /** An icon file inside a KMZ (tinted by each style's colour), or none for a plain KML. */
  readonly icon: string | null;
}

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** #RRGGBB → KML's aabbggrr. */
export function kmlColor(hex: string, alpha = 'ff'): string {
  const h = hex.replace('#', '');
  return `${alpha}${h.slice(4, 6)}${h.slice(2, 4)}${h.slice(0, 2)}`.toLowerCase();
}

const coords = (ps: readonly (readonly [number, number])[]): string =>
  ps.map(([x, y]) => `${x.toFixed(7)},${y.toFixed(7)},0`).join(' ');

function placemark(p: KmlPlacemark): string {
  const table = p.attributes.map(([, k, v]) => `<tr><th align="left">${esc(k)}</th><td>${esc(v)}</td></tr>`).join('');
  const data = p.attributes
    .map(
      ([key, k, v]) => `<Data name="${esc(key)}"><displayName>${esc(k)}</displayName><value>${esc(v)}</value></Data>`,
    )
    .join('');
  const point = `<Point><coordinates>${coords([p.point])}</coordinates></Point>`;
  const polygon = p.polygon
    ? `<Polygon>${p.polygon
        .map(
          (r, i) =>
            `<${i === 0 ? 'outerBoundaryIs' : 'innerBoundaryIs'}><LinearRing><coordinates>${coords(r)}</coordinates></LinearRing></${i === 0 ? 'outerBoundaryIs' : 'innerBoundaryIs'}>`,
        )
        .join('')}</Polygon>`
    : '';
  const geometry = polygon ? `<MultiGeometry>${point}${polygon}</MultiGeometry>` : point;
  return (
    `<Placemark><name>${esc(p.name)}</name><styleUrl>#${p.style}</styleUrl>` +
    `<description><![CDATA[<table>${table.replace(/]]>/g, ']]&gt;')}</table>]]></description>` +
    `<ExtendedData>${data}</ExtendedData>${geometry}</Placemark>`
  );
}

export function writeKml(doc: KmlDocument): string {
  const styles = Object.entries(doc.styles)
    .map(
      ([id, s]) =>
        `<Style id="${id}"><IconStyle><color>${kmlColor(s.color)}</color><scale>1.1</scale>` +
        (doc.icon ? `<Icon><href>${doc.icon}</href></Icon>` : '') +
        `</IconStyle><LabelStyle><scale>0.8</scale></LabelStyle>` +
        `<LineStyle><color>${kmlColor('#D7373F')}</color><width>2</width></LineStyle>` +
        `<PolyStyle><color>${kmlColor(s.color, '40')}</color></PolyStyle></Style>`,
    )
    .join('');
  const folders = Object.entries(doc.styles)
    .map(([id, s]) => {
      const items = doc.placemarks.filter((p) => p.style === id);
      return items.length === 0 ? '' : `<Folder><name>${esc(s.label)}</name>${items.map(placemark).join('')}</Folder>`;
    })
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<kml xmlns="http://www.opengis.net/kml/2.2"><Document>' +
    `<name>${esc(doc.name)}</name><description>${esc(doc.description)}</description>` +
    `${styles}${folders}</Document></kml>\n`
  );
}
