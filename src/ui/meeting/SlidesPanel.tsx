import { useState } from 'preact/hooks';
import type { Slide } from '../../core/model/slides';
import { useI18n, useMeeting } from '../context';

function SlideItem({ slide, index, count }: { slide: Slide; index: number; count: number }) {
  const i18n = useI18n();
  const meeting = useMeeting();
  const t = i18n.t.value;
  const [title, setTitle] = useState(slide.title);
  const [caption, setCaption] = useState(slide.caption);
  // the slide changed elsewhere (undo, another tab): show the stored text again
  const [shown, setShown] = useState(slide);
  if (shown !== slide) {
    setShown(slide);
    setTitle(slide.title);
    setCaption(slide.caption);
  }
  const m = meeting.actions;
  return (
    <li class="slide-item" data-testid="view-item" data-id={slide.id} data-index={index}>
      <div class="slide-head">
        <span class="slide-no" aria-hidden="true">
          {index + 1}
        </span>
        <input
          type="text"
          class="slide-title"
          data-testid="view-title"
          aria-label={t('slides.titleLabel')}
          value={title}
          maxLength={80}
          onInput={(e) => setTitle(e.currentTarget.value)}
          onBlur={() => {
            if (title.trim() === '') setTitle(slide.title);
            else void m.updateSlide(slide.id, { title });
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.currentTarget.blur();
          }}
        />
      </div>
      <textarea
        class="slide-caption"
        data-testid="view-caption"
        aria-label={t('slides.captionLabel')}
        placeholder={t('slides.captionLabel')}
        rows={2}
        maxLength={500}
        value={caption}
        onInput={(e) => setCaption(e.currentTarget.value)}
        onBlur={() => void m.updateSlide(slide.id, { caption })}
      />
      <p class="muted small slide-meta">
        {t('slides.layerCount', { count: slide.layers.length })}
        {slide.year !== null && <> · {t('present.yearNote', { year: String(slide.year) })}</>}
      </p>
      <div class="slide-actions">
        <button type="button" class="ghost small" data-testid="view-show" onClick={() => m.showSlide(slide.id)}>
          {t('slides.show')}
        </button>
        <button
          type="button"
          class="ghost small"
          data-testid="view-present"
          onClick={() => m.present(index)}
          title={t('present.startTitle')}
        >
          {t('present.start')}
        </button>
        <button
          type="button"
          class="ghost small"
          data-testid="view-recapture"
          onClick={() => void m.recaptureSlide(slide.id)}
        >
          {t('slides.recapture')}
        </button>
        <span class="spacer" />
        <button
          type="button"
          class="icon-btn"
          data-testid="view-up"
          aria-label={t('slides.up')}
          title={t('slides.up')}
          disabled={index === 0}
          onClick={() => void m.moveSlide(slide.id, index - 1)}
        >
          ↑
        </button>
        <button
          type="button"
          class="icon-btn"
          data-testid="view-down"
          aria-label={t('slides.down')}
          title={t('slides.down')}
          disabled={index === count - 1}
          onClick={() => void m.moveSlide(slide.id, index + 1)}
        >
          ↓
        </button>
        <button
          type="button"
          class="icon-btn"
          data-testid="view-delete"
          aria-label={t('slides.delete')}
          title={t('slides.delete')}
          onClick={() => void m.deleteSlide(slide.id)}
        >
          ×
        </button>
      </div>
    </li>
  );
}

/** 幻灯片: saved views of the map, stored with the scenario and presented in order. */
export function SlidesPanel() {
  const i18n = useI18n();
  const meeting = useMeeting();
  const t = i18n.t.value;
  const slides = meeting.state.slides.value;
  return (
    <section class="panel" data-testid="slides-panel" aria-labelledby="slides-title">
      <header class="panel-head">
        <h2 id="slides-title">{t('sidebar.slides')}</h2>
        <div class="panel-actions">
          <button
            type="button"
            class="primary small"
            data-testid="view-save"
            onClick={() => void meeting.actions.saveSlide()}
          >
            {t('slides.save')}
          </button>
        </div>
      </header>
      <p class="muted small">{t('slides.hint')}</p>
      <ol class="slide-list" data-testid="view-list" data-count={slides.length}>
        {slides.map((s, i) => (
          <SlideItem key={s.id} slide={s} index={i} count={slides.length} />
        ))}
      </ol>
      {slides.length === 0 && <p class="muted small">{t('slides.empty')}</p>}
    </section>
  );
}
