import type { ScenarioMeta } from '../model/project';
import { MAX_SLIDE_CAPTION, MAX_SLIDE_TITLE, MAX_SLIDES, type Slide } from '../model/slides';
import type { Edit } from './edit';
import { deepEqual } from './equal';

/** Slides are part of the scenario's metadata, so every slide change is a metadata Edit (undoable). */
function withSlides(meta: ScenarioMeta, slides: readonly Slide[]): ScenarioMeta {
  const { slides: _old, ...rest } = meta;
  return slides.length === 0 ? rest : { ...rest, slides };
}

const slideEdit = (kind: Edit['kind'], subject: string, meta: ScenarioMeta, slides: readonly Slide[]): Edit => ({
  kind,
  subject,
  changes: [],
  meta: { before: meta, after: withSlides(meta, slides) },
});

/** Trimmed words; a projection view only where there is one (a slide without it stays as it was stored). */
function clean(slide: Slide): Slide {
  const { projection, ...rest } = slide;
  return {
    ...rest,
    title: slide.title.trim().slice(0, MAX_SLIDE_TITLE),
    caption: slide.caption.trim().slice(0, MAX_SLIDE_CAPTION),
    ...(projection ? { projection } : {}),
  };
}

/** Adds a slide at the end (or after `afterId`); null when the scenario already holds MAX_SLIDES. */
export function addSlideEdit(meta: ScenarioMeta, slide: Slide, afterId?: string): Edit | null {
  const slides = meta.slides ?? [];
  if (slides.length >= MAX_SLIDES || slides.some((s) => s.id === slide.id)) return null;
  const at = afterId === undefined ? slides.length : slides.findIndex((s) => s.id === afterId) + 1 || slides.length;
  const next = [...slides.slice(0, at), clean(slide), ...slides.slice(at)];
  return slideEdit('slideAdd', clean(slide).title, meta, next);
}

export type SlidePatch = Partial<Pick<Slide, 'title' | 'caption' | 'camera' | 'layers' | 'year' | 'projection'>>;

/** Renames, re-captions or re-captures a slide; null when nothing changes or the slide is gone. */
export function updateSlideEdit(meta: ScenarioMeta, id: string, patch: SlidePatch): Edit | null {
  const slides = meta.slides ?? [];
  const old = slides.find((s) => s.id === id);
  if (!old) return null;
  const updated = clean({ ...old, ...patch });
  if (updated.title === '') return null;
  if (deepEqual(updated, old)) return null;
  return slideEdit(
    'slideEdit',
    updated.title,
    meta,
    slides.map((s) => (s.id === id ? updated : s)),
  );
}

export function deleteSlideEdit(meta: ScenarioMeta, id: string): Edit | null {
  const slides = meta.slides ?? [];
  const old = slides.find((s) => s.id === id);
  if (!old) return null;
  return slideEdit(
    'slideDelete',
    old.title,
    meta,
    slides.filter((s) => s.id !== id),
  );
}

/** Moves a slide to a position (clamped); null when it does not move. */
export function moveSlideEdit(meta: ScenarioMeta, id: string, to: number): Edit | null {
  const slides = meta.slides ?? [];
  const from = slides.findIndex((s) => s.id === id);
  const slide = slides[from];
  if (!slide) return null;
  const target = Math.max(0, Math.min(slides.length - 1, Math.round(to)));
  if (target === from) return null;
  const rest = slides.filter((s) => s.id !== id);
  return slideEdit('slideMove', slide.title, meta, [...rest.slice(0, target), slide, ...rest.slice(target)]);
}

/** A title for a new slide: "幻灯片 3" style, numbered past the existing ones. */
export function nextSlideTitle(meta: ScenarioMeta, base: string): string {
  const titles = new Set((meta.slides ?? []).map((s) => s.title));
  let n = (meta.slides ?? []).length + 1;
  while (titles.has(`${base} ${n}`)) n++;
  return `${base} ${n}`;
}
