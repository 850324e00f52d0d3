import { BitmapLayer, GeoJsonLayer, IconLayer, PolygonLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { ExistingSchoolRecord } from '../core/io/existing';
import type { ProjectFeature } from '../core/model/project';
import type { CatchmentCircle, CountyShade, LayerDescriptor, RasterOverlay } from '../../layers/types';
import { buildIconAtlas, iconKey, svgDataUrl, type IconAtlas } from '../../layers/symbols';
import { LABEL_LAYER_ID } from './style';

export interface LoadedAtlas {
  readonly atlas: IconAtlas;
  /** PNG data URL of the rasterised sheet (in-page, no network). */
  readonly image: string;
}

let shared: Promise<LoadedAtlas> | null = null;

/**
 * Rasterises the symbol sheet once per page (at 1×, cells are 64 px, drawn at ~24 px: crisp on HiDPI
 * too); the map on screen and the export renderer share it.
 */
export function loadIconAtlas(): Promise<LoadedAtlas> {
  shared ??= rasteriseAtlas();
  return shared;
}

async function rasteriseAtlas(): Promise<LoadedAtlas> {
  const atlas = buildIconAtlas();
  const img = new Image(atlas.width, atlas.height);
  img.src = svgDataUrl(atlas.svg);
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = atlas.width;
  canvas.height = atlas.height;
  canvas.getContext('2d')?.drawImage(img, 0, 0);
  return { atlas, image: canvas.toDataURL('image/png') };
}

/** Interleaved mode: draw below the first label layer (read by @deck.gl/maplibre, not in deck's prop types). */
const interleave = { beforeId: LABEL_LAYER_ID };

const position = (p: ProjectFeature): [number, number] => [
  p.geometry.coordinates[0] ?? 0,
  p.geometry.coordinates[1] ?? 0,
];

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

const ON_DEMAND: ReadonlySet<LayerDescriptor['type']> = new Set(['raster', 'circles', 'counties', 'dots']);

let empty: ImageData | null = null;
const emptyImage = (): ImageData => (empty ??= new ImageData(1, 1));

/** Turns the pure descriptors of layers/ into deck.gl layers (cheap: deck diffs by id and data identity). */
export function toDeckLayers(descriptors: readonly LayerDescriptor[], loaded: LoadedAtlas): Layer[] {
  // analysis layers are opt-in: a hidden one is not created at all, so start-up compiles no shaders for
  // them (costly on software GL); project layers stay, hidden, to keep their data and state
  const shown = descriptors.filter((d) => d.visible || !ON_DEMAND.has(d.type));
  return shown.map((d) => {
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
    if (d.type === 'dots') {
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
    }
    if (d.type === 'counties') {
      return new GeoJsonLayer<CountyShade['properties']>({
        id: d.id,
        data: d.data as CountyShade[],
        visible: d.visible,
        pickable: false,
        stroked: true,
        filled: true,
        getFillColor: (f) => [...d.fill(f.properties)],
        getLineColor: (f) => [...d.line(f.properties)],
        updateTriggers: { getFillColor: d.fill, getLineColor: d.line },
        getLineWidth: d.lineWidthPx,
        lineWidthUnits: 'pixels',
        ...interleave,
      });
    }
    if (d.type === 'polygons') {
      return new PolygonLayer<ProjectFeature>({
        id: d.id,
        data: d.data as ProjectFeature[],
        visible: d.visible,
        pickable: false,
        stroked: true,
        filled: true,
        getPolygon: (p) => p.properties.site?.coordinates ?? [],
        getLineColor: [...d.lineColor],
        getFillColor: [...d.fillColor],
        getLineWidth: d.lineWidthPx,
        lineWidthUnits: 'pixels',
        ...interleave,
      });
    }
    if (d.type === 'icons') {
      return new IconLayer<ProjectFeature>({
        id: d.id,
        data: d.data as ProjectFeature[],
        visible: d.visible,
        pickable: d.pickable,
        autoHighlight: true,
        highlightColor: [8, 145, 178, 90],
        iconAtlas: loaded.image,
        iconMapping: loaded.atlas.mapping,
        getIcon: (p) => iconKey(p.properties.kind, p.properties.action, p.properties.status),
        getPosition: position,
        getSize: d.sizeMeters,
        sizeUnits: 'meters',
        sizeMinPixels: d.minPx,
        sizeMaxPixels: d.maxPx,
        ...interleave,
      });
    }
    return new ScatterplotLayer<ProjectFeature>({
      id: d.id,
      data: d.data as ProjectFeature[],
      visible: d.visible,
      pickable: false,
      stroked: true,
      filled: d.fillColor !== null,
      getPosition: position,
      getRadius: d.radiusMeters,
      radiusUnits: 'meters',
      radiusMinPixels: d.minRadiusPx,
      radiusMaxPixels: d.maxRadiusPx,
      getLineWidth: d.lineWidthPx,
      lineWidthUnits: 'pixels',
      getLineColor: [...d.lineColor],
      getFillColor: d.fillColor ? [...d.fillColor] : [0, 0, 0, 0],
      ...interleave,
    });
  });
}
