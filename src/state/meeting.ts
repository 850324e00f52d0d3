/**
 * Slides (saved views) and presentation mode. Slides live in the scenario's metadata, so every change
 * is an Edit through the one write path (undoable, stored, sent to other tabs, exported with GeoJSON).
 */
import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import type { Edit } from '../core/edits/edit';
import {
  addSlideEdit,
  deleteSlideEdit,
  moveSlideEdit,
  nextSlideTitle,
  updateSlideEdit,
  type SlidePatch,
} from '../core/edits/slides';
import type { ScenarioCollection } from '../core/model/project';
import { MAX_SLIDES, type Slide, type SlideCamera, type SlideProjection } from '../core/model/slides';
import { isLayerId, LAYER_IDS, type LayerId } from '../../layers/types';
import type { NoticeRequest } from './notices';

export interface Presentation {
  /** Index into the slides; with no slides, 0 stands for the current view. */
  readonly index: number;
  /** What was on screen before presenting, restored on exit. */
  readonly before: { readonly visible: ReadonlySet<LayerId>; readonly year: number | null };
}

export interface MeetingDeps {
  readonly scenario: ReadonlySignal<ScenarioCollection>;
  readonly commit: (edit: Edit) => Promise<boolean>;
  readonly camera: () => SlideCamera | null;
  readonly visible: ReadonlySignal<ReadonlySet<LayerId>>;
  readonly setVisible: (ids: ReadonlySet<LayerId>) => void;
  readonly year: ReadonlySignal<number | null>;
  readonly setYear: (year: number | null) => void;
  /** The demand projection's stage and variant (a slide showing the projected gap keeps them). */
  readonly projection?: {
    readonly get: () => SlideProjection;
    readonly set: (view: SlideProjection) => void;
  };
  /** Asks the map to move to a slide's camera (MapLibre owns the camera). */
  readonly goTo: (camera: SlideCamera) => void;
  readonly newId: () => string;
  readonly defaultTitle: () => string;
  readonly notify: (n: NoticeRequest) => void;
}

export interface MeetingState {
  readonly slides: ReadonlySignal<readonly Slide[]>;
  readonly presentation: ReadonlySignal<Presentation | null>;
  /** The slide on screen while presenting (null: the current view, when there are no slides). */
  readonly currentSlide: ReadonlySignal<Slide | null>;
}

export interface MeetingActions {
  saveSlide(title?: string): Promise<boolean>;
  updateSlide(id: string, patch: SlidePatch): Promise<boolean>;
  /** Replaces a slide's camera, layers and year with what is on screen now. */
  recaptureSlide(id: string): Promise<boolean>;
  deleteSlide(id: string): Promise<boolean>;
  moveSlide(id: string, to: number): Promise<boolean>;
  showSlide(id: string): void;
  present(from?: number): void;
  step(delta: number): void;
  goToSlide(index: number): void;
  exitPresentation(): void;
}

export function createMeeting(deps: MeetingDeps): { state: MeetingState; actions: MeetingActions } {
  const slides = computed<readonly Slide[]>(() => deps.scenario.value.scenario.slides ?? []);
  const presentation = signal<Presentation | null>(null);
  const currentSlide = computed(() => {
    const p = presentation.value;
    return p ? (slides.value[p.index] ?? null) : null;
  });

  const capture = (): Pick<Slide, 'camera' | 'layers' | 'year' | 'projection'> | null => {
    const camera = deps.camera();
    if (!camera) return null;
    return {
      camera: {
        lon: Math.round(camera.lon * 1e6) / 1e6,
        lat: Math.round(camera.lat * 1e6) / 1e6,
        zoom: Math.round(camera.zoom * 100) / 100,
      },
      layers: LAYER_IDS.filter((id) => deps.visible.peek().has(id)),
      year: deps.year.peek(),
      // which stage and variant the projected gap shows, when it is shown
      projection: deps.visible.peek().has('projectedGap') ? (deps.projection?.get() ?? null) : null,
    };
  };

  const apply = (slide: Slide): void => {
    batch(() => {
      deps.setVisible(new Set(slide.layers.filter(isLayerId)));
      deps.setYear(slide.year);
      if (slide.projection) deps.projection?.set(slide.projection);
    });
    deps.goTo(slide.camera);
  };

  const commitMaybe = (edit: Edit | null): Promise<boolean> => (edit ? deps.commit(edit) : Promise.resolve(false));

  const goToSlide = (index: number): void => {
    const p = presentation.peek();
    if (!p) return;
    const list = slides.peek();
    if (list.length === 0) return;
    const i = Math.max(0, Math.min(list.length - 1, index));
    if (i === p.index) return;
    presentation.value = { ...p, index: i };
    const s = list[i];
    if (s) apply(s);
  };

  const actions: MeetingActions = {
    saveSlide: (title) => {
      const meta = deps.scenario.peek().scenario;
      if ((meta.slides ?? []).length >= MAX_SLIDES) {
        deps.notify({ tone: 'error', key: 'slides.full', params: { max: MAX_SLIDES } });
        return Promise.resolve(false);
      }
      const view = capture();
      if (!view) return Promise.resolve(false);
      const slide: Slide = {
        id: deps.newId(),
        title: title?.trim() || nextSlideTitle(meta, deps.defaultTitle()),
        caption: '',
        ...view,
      };
      return commitMaybe(addSlideEdit(meta, slide));
    },
    updateSlide: (id, patch) => commitMaybe(updateSlideEdit(deps.scenario.peek().scenario, id, patch)),
    recaptureSlide: (id) => {
      const view = capture();
      return view ? commitMaybe(updateSlideEdit(deps.scenario.peek().scenario, id, view)) : Promise.resolve(false);
    },
    deleteSlide: (id) => commitMaybe(deleteSlideEdit(deps.scenario.peek().scenario, id)),
    moveSlide: (id, to) => commitMaybe(moveSlideEdit(deps.scenario.peek().scenario, id, to)),
    showSlide: (id) => {
      const s = slides.peek().find((x) => x.id === id);
      if (s) apply(s);
    },
    present: (from = 0) => {
      const list = slides.peek();
      const index = list.length === 0 ? 0 : Math.max(0, Math.min(list.length - 1, from));
      presentation.value = { index, before: { visible: deps.visible.peek(), year: deps.year.peek() } };
      const s = list[index];
      if (s) apply(s);
    },
    step: (delta) => {
      const p = presentation.peek();
      if (p) goToSlide(p.index + delta);
    },
    goToSlide,
    exitPresentation: () => {
      const p = presentation.peek();
      if (!p) return;
      presentation.value = null;
      batch(() => {
        deps.setVisible(p.before.visible);
        deps.setYear(p.before.year);
      });
    },
  };
  return { state: { slides, presentation, currentSlide }, actions };
}
