import { describe, expect, it } from 'vitest';
import { EMPTY_HISTORY, pushHistory, redoStep, undoCount, undoStep, type HistoryPointer } from './history';

describe('history pointer', () => {
  it('pushes, undoes and redoes', () => {
    let h: HistoryPointer = EMPTY_HISTORY;
    for (let i = 0; i < 3; i++) h = pushHistory(h).pointer;
    expect(h).toEqual({ base: 1, head: 3, top: 3 });
    const u = undoStep(h);
    if (!u) throw new Error('expected an undo step');
    expect(u.seq).toBe(3);
    h = u.pointer;
    expect(redoStep(h)?.seq).toBe(3);
  });

  it('a new edit after undo drops the redo branch', () => {
    let h: HistoryPointer = { base: 1, head: 5, top: 5 };
    for (let i = 0; i < 2; i++) h = undoStep(h)?.pointer ?? h;
    const p = pushHistory(h);
    expect(p.seq).toBe(4);
    expect(p.drop).toEqual([4, 5]);
    expect(p.pointer).toEqual({ base: 1, head: 4, top: 4 });
  });

  it('keeps at most the limit, dropping the oldest', () => {
    let h: HistoryPointer = EMPTY_HISTORY;
    const dropped: number[] = [];
    for (let i = 0; i < 510; i++) {
      const p = pushHistory(h, 500);
      dropped.push(...p.drop);
      h = p.pointer;
    }
    expect(undoCount(h)).toBe(500);
    expect(h).toEqual({ base: 11, head: 510, top: 510 });
    expect(dropped).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    let undone = 0;
    for (let s = undoStep(h); s; s = undoStep(s.pointer)) undone++;
    expect(undone).toBe(500);
  });
});
