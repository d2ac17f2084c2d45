import { useMemo, useState } from 'react';
import type { EditorStore } from '../../../editor/index.ts';
import { type Issue, useTaskIssues } from '../../features/issues/queries.ts';
import type { PinMark } from '../draw.ts';

// Issues pinned to a point of the image: the raise form asks the canvas for a point (the next
// click), and the canvas draws every pinned issue of the task, the one open in the panel larger.

/** A point of the image, in image pixels (x right, y down). */
export interface ImagePoint {
  x: number;
  y: number;
}

/** What the Issues panel and the canvas share about pins, held by the editor's view. */
export interface IssuePins {
  /** Whether the next primary click on the canvas places the raise form's pin. */
  picking: boolean;
  /** The raise form's pin, once placed. */
  draft: ImagePoint | null;
  /** The issue open in the panel (its pin is drawn larger). */
  selectedId: string | null;
  /** The canvas's pick while picking (the pin goes there, inside the image, and picking ends). */
  onPick: ((p: ImagePoint) => void) | undefined;
  startPicking: () => void;
  cancelPicking: () => void;
  /** No pin and no picking (the pin is removed, or the form closed). */
  clear: () => void;
  select: (id: string | null | ((id: string | null) => string | null)) => void;
}

export function useIssuePins(store: EditorStore): IssuePins {
  const [picking, setPicking] = useState(false);
  const [draft, setDraft] = useState<ImagePoint | null>(null);
  const [selectedId, select] = useState<string | null>(null);
  // The actions stay the same functions, so effects may depend on them.
  const actions = useMemo(
    () => ({
      startPicking: () => setPicking(true),
      cancelPicking: () => setPicking(false),
      clear: () => {
        setDraft(null);
        setPicking(false);
      },
      select,
    }),
    [],
  );
  return useMemo(
    () => ({
      picking,
      draft,
      selectedId,
      onPick: picking
        ? (p: ImagePoint) => {
            setDraft(pinAt(p, store.getState().image));
            setPicking(false);
          }
        : undefined,
      ...actions,
    }),
    [picking, draft, selectedId, store, actions],
  );
}

/** A clicked image point as a pin: inside the image, to a tenth of a pixel. */
export function pinAt(p: ImagePoint, image: { width: number; height: number }): ImagePoint {
  const clamp = (v: number, max: number) => Math.round(Math.min(max, Math.max(0, v)) * 10) / 10;
  return { x: clamp(p.x, image.width), y: clamp(p.y, image.height) };
}

/** The pins the canvas draws for a task: its pinned issues, then the raise form's pin on top. */
export function usePinMarks(taskId: string, pins: IssuePins): readonly PinMark[] {
  const issues = useTaskIssues(taskId);
  const { selectedId, draft } = pins;
  return useMemo(() => pinMarks(issues.data?.items, selectedId, draft), [issues.data, selectedId, draft]);
}

export function pinMarks(
  issues: readonly Issue[] | undefined,
  selectedId: string | null,
  draft: ImagePoint | null,
): PinMark[] {
  const marks: PinMark[] = [];
  for (const i of issues ?? []) {
    if (i.pin) marks.push({ ...i.pin, status: i.status, selected: i.id === selectedId });
  }
  // Resolved pins under open ones, the selected one on top.
  marks.sort((a, b) => rank(a) - rank(b));
  if (draft) marks.push({ ...draft, status: 'draft', selected: true });
  return marks;
}

const rank = (m: PinMark) => (m.selected ? 2 : m.status === 'open' ? 1 : 0);
