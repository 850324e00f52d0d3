/** Output sizes for PNG and PDF export: paper in millimetres, images in pixels. */

export const PAPER_SIZES = { A4: [210, 297], A3: [297, 420] } as const;
export type PaperSize = keyof typeof PAPER_SIZES;
export type Orientation = 'landscape' | 'portrait';

export const PT_PER_MM = 72 / 25.4;

/** Page width and height in millimetres. */
export function paperMm(size: PaperSize, orientation: Orientation): [number, number] {
  const [short, long] = PAPER_SIZES[size];
  return orientation === 'landscape' ? [long, short] : [short, long];
}

/** Page width and height in PDF points (1/72 inch), rounded to 0.01 pt. */
export function paperPt(size: PaperSize, orientation: Orientation): [number, number] {
  const [w, h] = paperMm(size, orientation);
  return [Math.round(w * PT_PER_MM * 100) / 100, Math.round(h * PT_PER_MM * 100) / 100];
}

/** Pixels for a page at a resolution (dots per inch). */
export function paperPx(size: PaperSize, orientation: Orientation, dpi: number): [number, number] {
  const [w, h] = paperMm(size, orientation);
  return [Math.round((w / 25.4) * dpi), Math.round((h / 25.4) * dpi)];
}

export const PNG_PRESETS = ['screen', 'hd', 'a3-150', 'a3-300'] as const;
export type PngPreset = (typeof PNG_PRESETS)[number];

/** Pixel size of a PNG preset; 'screen' is the map's own size on screen times the device pixel ratio. */
export function pngSize(preset: PngPreset, screen: { width: number; height: number }): [number, number] {
  switch (preset) {
    case 'screen':
      return [Math.round(screen.width), Math.round(screen.height)];
    case 'hd':
      return [1920, 1080];
    case 'a3-150':
      return paperPx('A3', 'landscape', 150);
    case 'a3-300':
      return paperPx('A3', 'landscape', 300);
  }
}

/**
 * How many image pixels stand for one CSS pixel of the map drawn for export, so a big image shows the
 * same amount of map detail (labels, symbols) as the screen does, only sharper: about 1,600 CSS pixels
 * across, never below 1.
 */
export function exportPixelRatio(widthPx: number, heightPx: number, referenceCss = 1600): number {
  const r = Math.max(widthPx, heightPx * 1.4) / referenceCss;
  return Math.max(1, Math.round(r * 100) / 100);
}

/** A metric scale bar: the longest 1-2-5 × 10ⁿ length that fits in `maxPx` at `metresPerPx`. */
export function scaleBar(metresPerPx: number, maxPx: number): { metres: number; px: number; label: string } {
  const maxM = metresPerPx * maxPx;
  const pow = 10 ** Math.floor(Math.log10(maxM));
  const step = [5, 2, 1].map((s) => s * pow).find((m) => m <= maxM) ?? pow;
  const px = step / metresPerPx;
  return { metres: step, px, label: step >= 1000 ? `${step / 1000} km` : `${step} m` };
}

/** Metres per CSS pixel of Web Mercator at a latitude and zoom (512-px tiles, as MapLibre uses). */
export function metresPerPixel(lat: number, zoom: number): number {
  return (40_075_016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);
}

const mercY = (lat: number): number => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
const latOfY = (y: number): number => ((2 * Math.atan(Math.exp(y)) - Math.PI / 2) * 180) / Math.PI;

/**
 * The lon/lat box a Web Mercator camera shows in a viewport of `width`×`height` CSS pixels (512-px
 * tiles, north up): what an export drawn at another size must fit to show the same place.
 */
export function viewBounds(
  camera: { readonly lon: number; readonly lat: number; readonly zoom: number },
  width: number,
  height: number,
): [number, number, number, number] {
  const world = 512 * 2 ** camera.zoom;
  const dLon = (width / world) * 360;
  const cy = mercY(camera.lat);
  const dy = (height / world) * 2 * Math.PI;
  return [camera.lon - dLon / 2, latOfY(cy - dy / 2), camera.lon + dLon / 2, latOfY(cy + dy / 2)];
}
