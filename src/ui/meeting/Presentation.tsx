import { useEffect } from 'preact/hooks';
import { swatchSvg, visibleLegend } from '../../../layers/index';
import { svgDataUrl } from '../../../layers/symbols';
import { creditLines, dateText } from '../../map/credits';
import { useI18n, useMeeting, usePrintStores, useProjection, useScenarios, useView } from '../context';

/**
 * Presentation mode: the map full screen with a title block, the legend of the visible layers, a north
 * arrow, the scale bar and the credit line; ←/→ (and Page Up/Down, space) step, Home/End jump, Esc exits.
 */
export function Presentation() {
  const i18n = useI18n();
  const meeting = useMeeting();
  const scenarios = useScenarios();
  const view = useView();
  const projectionStore = useProjection();
  const printStores = usePrintStores();
  const p = meeting.state.presentation.value;
  const presenting = p !== null;

  useEffect(() => {
    if (!presenting) return;
    const m = meeting.actions;
    const onKey = (e: KeyboardEvent): void => {
      const total = meeting.state.slides.peek().length;
      const keys: Record<string, () => void> = {
        ArrowRight: () => m.step(1),
        ArrowDown: () => m.step(1),
        PageDown: () => m.step(1),
        ' ': () => m.step(1),
        ArrowLeft: () => m.step(-1),
        ArrowUp: () => m.step(-1),
        PageUp: () => m.step(-1),
        Home: () => m.goToSlide(0),
        End: () => m.goToSlide(total - 1),
        Escape: () => m.exitPresentation(),
      };
      const run = keys[e.key];
      if (!run) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      run();
    };
    // the browser leaving full screen (its own Esc, F11) ends the presentation too
    const onFullscreen = (): void => {
      if (!document.fullscreenElement) m.exitPresentation();
    };
    window.addEventListener('keydown', onKey, true);
    document.addEventListener('fullscreenchange', onFullscreen);
    document.documentElement.requestFullscreen?.().catch(() => undefined);
    // the map fills the screen: let MapLibre measure its new size
    requestAnimationFrame(() => window.dispatchEvent(new Event('resize')));
    return () => {
      window.removeEventListener('keydown', onKey, true);
      document.removeEventListener('fullscreenchange', onFullscreen);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
      requestAnimationFrame(() => window.dispatchEvent(new Event('resize')));
    };
  }, [presenting]);

  if (!p) return null;
  const t = i18n.t.value;
  const lang = i18n.lang.value;
  const slides = meeting.state.slides.value;
  const slide = meeting.state.currentSlide.value;
  const total = Math.max(1, slides.length);
  const scenario = scenarios.state.scenario.value.scenario;
  const year = view.state.phaseYear.value;
  const projection = projectionStore.state;
  const legend = visibleLegend(view.state.visible.value);
  return (
    <div class="presentation" data-testid="presentation" data-index={p.index} data-slide={slide?.id ?? ''}>
      <div class="pres-title" data-testid="present-title">
        <h1>{slide?.title ?? scenario.name}</h1>
        <p class="pres-sub">
          {t('present.bureau')} · {slide ? `${scenario.name} · ` : ''}
          {dateText(lang)}
        </p>
        {slide?.caption && <p class="pres-caption">{slide.caption}</p>}
        {year !== null && <p class="pres-caption">{t('present.yearNote', { year: String(year) })}</p>}
        {view.state.visible.value.has('projectedGap') && (
          <p class="pres-caption" data-testid="present-projection">
            {t('layer.projectedGap')} ·{' '}
            {t('legend.projectedGapCaption', {
              year: String(projection.mapYear.value),
              stage: t(`projection.stage.${projection.stage.value}`),
              variant: t(`projection.variantShort.${projection.variant.value}`),
            })}
          </p>
        )}
      </div>
      <div class="pres-north" aria-label={t('present.north')} role="img">
        <svg viewBox="0 0 40 50" width="44" height="55" aria-hidden="true">
          <path d="M20 6 30 40 20 33z" fill="#1b2733" />
          <path d="M20 6 10 40 20 33z" fill="#8a99a8" />
        </svg>
        <span>{t('present.north')}</span>
      </div>
      {legend.length > 0 && (
        <div class="pres-legend" data-testid="present-legend" data-count={legend.length}>
          <h2>{t('present.legend')}</h2>
          <ul>
            {legend.map((e) => (
              <li key={e.labelKey}>
                <img src={svgDataUrl(swatchSvg(e.swatch))} width={22} height={22} alt="" />
                {t(e.labelKey)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p class="pres-credit" data-testid="present-credit">
        {creditLines(printStores).join(' · ')}
      </p>
      <div class="pres-controls">
        <button
          type="button"
          data-testid="present-prev"
          aria-label={t('present.prev')}
          title={t('present.prev')}
          disabled={p.index === 0}
          onClick={() => meeting.actions.step(-1)}
        >
          ‹
        </button>
        <span class="pres-counter" data-testid="present-counter">
          {p.index + 1} / {total}
        </span>
        <button
          type="button"
          data-testid="present-next"
          aria-label={t('present.next')}
          title={t('present.next')}
          disabled={p.index >= total - 1}
          onClick={() => meeting.actions.step(1)}
        >
          ›
        </button>
        <button
          type="button"
          class="pres-exit"
          data-testid="present-exit"
          onClick={() => meeting.actions.exitPresentation()}
        >
          {t('present.exit')}
        </button>
      </div>
    </div>
  );
}
