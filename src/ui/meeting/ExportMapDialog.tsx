import { useEffect, useState } from 'preact/hooks';
import {
  pngSize,
  PNG_PRESETS,
  paperPx,
  type Orientation,
  type PaperSize,
  type PngPreset,
} from '../../core/export/paper';
import { liveView } from '../../map/live';
import { exportPdf, exportPng, type ExportContent } from '../../map/print';
import { maxRenderSize, RenderTooLargeError } from '../../map/render';
import { download } from '../common/download';
import { useModal } from '../common/useModal';
import { useMeeting, usePrintStores, useT } from '../context';

export type MapExportKind = 'png' | 'pdf';

/** PNG or PDF of the map: what to draw, at what size; drawn at that size, not captured from the window. */
export function ExportMapDialog({ kind, onClose }: { kind: MapExportKind | null; onClose: () => void }) {
  const t = useT();
  const stores = usePrintStores();
  const slides = useMeeting().state.slides.value;
  const [content, setContent] = useState<string>('current');
  const [preset, setPreset] = useState<PngPreset>('hd');
  const [paper, setPaper] = useState<PaperSize>('A3');
  const [orientation, setOrientation] = useState<Orientation>('landscape');
  const [allSlides, setAllSlides] = useState(true);
  const [stats, setStats] = useState(true);
  const [busy, setBusy] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  // Escape closes it, except while drawing
  const modal = useModal(kind !== null, () => {
    if (!busy) onClose();
  });
  useEffect(() => {
    if (!kind) return;
    setError(null);
    setBusy(null);
  }, [kind]);

  const screen = liveView()?.pixels ?? { width: 1280, height: 720 };
  // asked only while the dialog is open: the dialog is mounted (closed) from the start
  const max = kind ? maxRenderSize() : Infinity;

  const run = async (): Promise<void> => {
    if (!kind) return;
    setError(null);
    const c: ExportContent = content === 'current' ? { type: 'current' } : { type: 'slide', id: content };
    try {
      if (kind === 'png') {
        setBusy({ done: 0, total: 1 });
        const r = await exportPng(stores, { content: c, preset });
        download(r.name, new Uint8Array(await r.blob.arrayBuffer()), 'image/png');
      } else {
        const r = await exportPdf(
          stores,
          { paper, orientation, allSlides: allSlides && slides.length > 0, stats },
          (done, total) => setBusy({ done, total }),
        );
        download(r.name, r.bytes, 'application/pdf');
      }
      setBusy(null);
      onClose();
    } catch (e: unknown) {
      setBusy(null);
      setError(
        e instanceof RenderTooLargeError
          ? t('export.tooLarge', { max: e.max })
          : t('export.failed', { message: e instanceof Error ? e.message : String(e) }),
      );
    }
  };

  const sizeLabel = (p: PngPreset): string => {
    const [w, h] = pngSize(p, screen);
    return t(`export.size.${p}`, { w, h });
  };

  return (
    <dialog
      ref={modal.ref}
      class="modal export-map"
      data-testid="export-map-dialog"
      data-kind={kind ?? ''}
      onCancel={modal.onCancel}
    >
      {kind && (
        <form
          method="dialog"
          onSubmit={(e) => {
            e.preventDefault();
            void run();
          }}
        >
          <h2>{kind === 'png' ? t('export.pngTitle') : t('export.pdfTitle')}</h2>
          {kind === 'png' || slides.length === 0 ? (
            <label class="field">
              <span>{t('export.view')}</span>
              <select data-testid="export-content" value={content} onChange={(e) => setContent(e.currentTarget.value)}>
                <option value="current">{t('present.currentView')}</option>
                {slides.map((s, i) => (
                  <option key={s.id} value={s.id} data-i18n-exempt="">
                    {i + 1}. {s.title}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <label class="check">
              <input
                type="checkbox"
                data-testid="export-all-slides"
                checked={allSlides}
                onChange={(e) => setAllSlides(e.currentTarget.checked)}
              />
              {t('export.allSlides', { count: slides.length })}
            </label>
          )}
          {kind === 'png' ? (
            <fieldset class="field">
              <legend>{t('export.size')}</legend>
              {PNG_PRESETS.map((p) => {
                const [w, h] = pngSize(p, screen);
                return (
                  <label key={p} class="check">
                    <input
                      type="radio"
                      name="png-size"
                      data-testid={`export-size-${p}`}
                      checked={preset === p}
                      disabled={w > max || h > max}
                      onChange={() => setPreset(p)}
                    />
                    {sizeLabel(p)}
                  </label>
                );
              })}
            </fieldset>
          ) : (
            <>
              <div class="field-row">
                <label class="field">
                  <span>{t('export.paper')}</span>
                  <select
                    data-testid="export-paper"
                    value={paper}
                    onChange={(e) => setPaper(e.currentTarget.value as PaperSize)}
                  >
                    <option value="A4">A4</option>
                    <option value="A3">A3</option>
                  </select>
                </label>
                <label class="field">
                  <span>{t('export.orientation')}</span>
                  <select
                    data-testid="export-orientation"
                    value={orientation}
                    onChange={(e) => setOrientation(e.currentTarget.value as Orientation)}
                  >
                    <option value="landscape">{t('export.landscape')}</option>
                    <option value="portrait">{t('export.portrait')}</option>
                  </select>
                </label>
              </div>
              <p class="muted small" data-i18n-exempt="">
                {paperPx(paper, orientation, 150).join(' × ')} px · 150 dpi
              </p>
              <label class="check">
                <input
                  type="checkbox"
                  data-testid="export-stats"
                  checked={stats}
                  onChange={(e) => setStats(e.currentTarget.checked)}
                />
                {t('export.statsPage')}
              </label>
            </>
          )}
          {busy && (
            <p class="small" data-testid="export-progress" role="status">
              <progress max={busy.total} value={busy.done} /> {t('export.rendering', busy)}
            </p>
          )}
          {error && (
            <p class="error small" role="alert" data-testid="export-error">
              {error}
            </p>
          )}
          <div class="dialog-actions">
            <button type="button" class="ghost" onClick={onClose} disabled={busy !== null}>
              {t('export.cancel')}
            </button>
            <button type="submit" class="primary" data-testid="export-go" disabled={busy !== null}>
              {t('export.go')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
