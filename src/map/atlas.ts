/** The symbol sheet of layers/symbols.ts, rasterised once per page for the map images. */
import { buildIconAtlas, svgDataUrl, type IconAtlas } from '../../layers/symbols';

export interface SymbolSheet {
  readonly atlas: IconAtlas;
  /** The sheet's pixels (at 1×, cells are 64 px, drawn at 12–26 px: crisp on HiDPI too). */
  readonly pixels: ImageData;
}

let shared: Promise<SymbolSheet> | null = null;

/** Rasterises the sheet once per page; the map on screen and the export renderer share it. */
export function loadSymbolSheet(): Promise<SymbolSheet> {
  shared ??= rasterise();
  return shared;
}

async function rasterise(): Promise<SymbolSheet> {
  const atlas = buildIconAtlas();
  const img = new Image(atlas.width, atlas.height);
  img.src = svgDataUrl(atlas.svg);
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = atlas.width;
  canvas.height = atlas.height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2D canvas for the symbol sheet');
  ctx.drawImage(img, 0, 0);
  return { atlas, pixels: ctx.getImageData(0, 0, atlas.width, atlas.height) };
}

let now: SymbolSheet | null = null;
void loadSymbolSheet().then((s) => (now = s));

/** The sheet if it is rasterised already (it starts when this module loads), else null. */
export const symbolSheetNow = (): SymbolSheet | null => now;
