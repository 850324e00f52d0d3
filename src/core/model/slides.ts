import { isRecord } from '../result';
import { PROJECTION_STAGES, VARIANTS, type ProjectionStage, type Variant } from '../projection/types';

/** A saved view of the map for presenting (幻灯片): camera, visible layers, phasing year, title and caption. */
export interface Slide {
  readonly id: string;
  readonly title: string;
  readonly caption: string;
  readonly camera: SlideCamera;
  /** Ids of the layers shown on the slide (every other layer is hidden while it is shown). */
  readonly layers: readonly string[];
  /** The phasing year the slide shows (projects completed by then), or null for all projects. */
  readonly year: number | null;
  /** The demand projection's stage and variant, when the slide shows the projected gap (absent otherwise). */
  readonly projection?: SlideProjection | null;
}

export interface SlideProjection {
  readonly stage: ProjectionStage;
  readonly variant: Variant;
}

/** A slide's projection view; null when absent or not one we know (the slide itself is kept). */
export function parseSlideProjection(v: unknown): SlideProjection | null {
  if (!isRecord(v)) return null;
  const stage = PROJECTION_STAGES.find((s) => s === v.stage);
  const variant = VARIANTS.find((x) => x === v.variant);
  return stage && variant ? { stage, variant } : null;
}

export interface SlideCamera {
  readonly lon: number;
  readonly lat: number;
  readonly zoom: number;
}

/** More than a meeting needs; bounds what a file can make the app hold. */
export const MAX_SLIDES = 200;
export const MAX_SLIDE_TITLE = 80;
export const MAX_SLIDE_CAPTION = 500;
export const PHASE_YEARS = { min: 2022, max: 2035 } as const;

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function parseCamera(v: unknown): SlideCamera | null {
  if (!isRecord(v)) return null;
  const { lon, lat, zoom } = v;
  if (!finite(lon) || !finite(lat) || !finite(zoom)) return null;
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90 || zoom < 0 || zoom > 24) return null;
  return { lon, lat, zoom };
}

/** Reads one slide from a file or storage; null when it is malformed. */
export function parseSlide(v: unknown): Slide | null {
  if (!isRecord(v)) return null;
  const { id, title, caption, layers, year } = v;
  const camera = parseCamera(v.camera);
  if (typeof id !== 'string' || id === '' || typeof title !== 'string' || !camera) return null;
  if (!Array.isArray(layers) || !layers.every((l): l is string => typeof l === 'string')) return null;
  const y =
    year === null || year === undefined
      ? null
      : finite(year) && Number.isInteger(year) && year >= PHASE_YEARS.min && year <= PHASE_YEARS.max
        ? year
        : undefined;
  if (y === undefined) return null;
  const projection = parseSlideProjection(v.projection);
  return {
    ...(projection ? { projection } : {}),
    id,
    title: title.slice(0, MAX_SLIDE_TITLE),
    caption: typeof caption === 'string' ? caption.slice(0, MAX_SLIDE_CAPTION) : '',
    camera,
    layers: [...new Set(layers)],
    year: y,
  };
}

/**
 * Reads a scenario's slides: malformed ones are left out (a bad slide never costs the planner the
 * scenario), duplicate ids keep the first, and at most MAX_SLIDES are kept. Returns how many were dropped.
 */
export function parseSlides(v: unknown): { slides: Slide[]; dropped: number } {
  if (v === undefined || v === null) return { slides: [], dropped: 0 };
  if (!Array.isArray(v)) return { slides: [], dropped: 1 };
  const slides: Slide[] = [];
  const ids = new Set<string>();
  for (const raw of v as unknown[]) {
    const s = parseSlide(raw);
    if (!s || ids.has(s.id) || slides.length >= MAX_SLIDES) continue;
    ids.add(s.id);
    slides.push(s);
  }
  return { slides, dropped: v.length - slides.length };
}
