import { BitmapLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { ExistingSchoolRecord } from '../core/io/existing';
import type { CatchmentCircle, LayerDescriptor, RasterOverlay } from '../../layers/types';
import { isDeckDescriptor } from './deckDescriptors';

/**
 * luma.gl probes every texture format at device set-up by creating a texture and a framebuffer for each
 * (over a second on software GL); the few formats our layers use are checked when first needed instead.
 */
export const DEVICE_PROPS = { _initializeFeatures: false } as const;

/** ImageData per painted raster, so deck.gl sees the same image (and keeps its texture) until it changes. */
const images = new WeakMap<RasterOverlay['image'], ImageData>();
function imageData(o: RasterOverlay): ImageData {
  let img = images.get(o.image);
  if (!img) {
    // the worker transferred the buffer to us: wrap it, no copy (this runs on every drag frame)
    img = new ImageData(o.image.data as Uint8ClampedArray<ArrayBuffer>, o.image.width, o.image.height);
    images.set(o.image, img);
  }
  return img;
}

let empty: ImageData | null = null;
const emptyImage = (): ImageData => (empty ??= new ImageData(1, 1));

/**
 * Turns the pure descriptors of layers/ into deck.gl layers (cheap: deck diffs by id and data identity).
 * Analysis layers are opt-in: a hidden one is not created at all, so no shaders are compiled for it
 * (costly on software GL). `beneath[i]`: the MapLibre layer the descriptor at index i is drawn beneath
 * (interleaved mode).
 */
export function toDeckLayers(descriptors: readonly LayerDescriptor[], beneath: readonly string[]): Layer[] {
  const shown = descriptors.flatMap((d, i) =>
    isDeckDescriptor(d) && d.visible ? [{ d, interleave: { beforeId: beneath[i] ?? '' } }] : [],
  );
  return shown.map(({ d, interleave }): Layer => {
    if (d.type === 'raster') {
      const o = d.overlay;
      return new BitmapLayer({
        id: d.id,
        visible: d.visible && o !== null,
        pickable: false,
        // deck.gl cannot swap an image for null: an empty raster is a transparent pixel
        image: o ? imageData(o) : emptyImage(),
        bounds: o ? [...o.bounds] : [0, 0, 0, 0],
        // the image is a lon/lat grid: warp it correctly into Web Mercator
        _imageCoordinateSystem: 'lnglat',
        opacity: d.opacity,
        textureParameters: { minFilter: 'nearest', magFilter: 'nearest' },
        ...interleave,
      });
    }
    if (d.type === 'circles') {
      const colors = d.colors;
      return new ScatterplotLayer<CatchmentCircle>({
        id: d.id,
        data: d.data as CatchmentCircle[],
        visible: d.visible,
        pickable: false,
        stroked: true,
        filled: d.fillAlpha > 0,
        getPosition: (c) => [c.position[0], c.position[1]],
        getRadius: (c) => c.radius,
        radiusUnits: 'meters',
        getLineWidth: d.lineWidthPx,
        lineWidthUnits: 'pixels',
        getLineColor: (c) => [...colors[c.level]],
        getFillColor: (c) => {
          const [r, g, b] = colors[c.level];
          return [r, g, b, d.fillAlpha];
        },
        ...interleave,
      });
    }
    // the existing schools (dots)
    const colors = d.colors;
    return new ScatterplotLayer<ExistingSchoolRecord>({
      id: d.id,
      data: d.data as ExistingSchoolRecord[],
      visible: d.visible,
      pickable: true,
      stroked: true,
      filled: true,
      getPosition: (s) => [s.lon, s.lat],
      getRadius: d.radiusPx,
      radiusUnits: 'pixels',
      getLineWidth: 1,
      lineWidthUnits: 'pixels',
      getLineColor: [255, 255, 255, 230],
      getFillColor: (s) => [...colors[s.kind]],
      ...interleave,
    });
  });
}
