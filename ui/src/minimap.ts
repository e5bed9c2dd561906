// The strip beside the article: one mark per passage, placed in proportion to its character
// offsets, so an editor sees at a glance where the copying lies.

export type MinimapPassage = { index: number; articleStart: number; articleEnd: number; slot: number; kind: string };

export type Mark = {
  index: number;
  /** Top edge, percent of the strip. */
  top: number;
  /** Height, percent of the strip (at least `minHeight`, never past the bottom). */
  height: number;
  slot: number;
  kind: string;
};

export function minimapMarks(passages: readonly MinimapPassage[], textLength: number, minHeight = 0.5): Mark[] {
  if (textLength <= 0) return [];
  const pct = (chars: number) => (Math.max(0, Math.min(chars, textLength)) / textLength) * 100;
  return passages.map((p) => {
    const height = Math.max(minHeight, pct(p.articleEnd) - pct(p.articleStart));
    const top = Math.min(pct(p.articleStart), 100 - height);
    return { index: p.index, top, height, slot: p.slot, kind: p.kind };
  });
}
