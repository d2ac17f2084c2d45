import { useEffect } from 'react';
import { type ActivitySignal, activeSpans, IDLE_MS } from '../../../core/analytics/active-time.ts';
import { api } from '../../api/client.ts';

// The editor's clock of active time: input while the page is visible keeps it running (a minute
// past the last input), a hidden tab stops it. What it measured is reported every half minute,
// when the tab is hidden, and before the task is submitted, decided or given back. Reports may
// overlap (a running span is reported again): the server counts each moment once.

export const REPORT_MS = 30_000;

/** Pointer moves are many: one a second is enough to keep the clock running. */
const MOVE_EVERY_MS = 1000;

class ActivityClock {
  private signals: ActivitySignal[] = [];
  private lastMove = 0;

  constructor(private readonly taskId: string) {}

  input(at: number, move = false) {
    if (move) {
      if (at - this.lastMove < MOVE_EVERY_MS) return;
      this.lastMove = at;
    }
    this.signals.push({ at, kind: 'input' });
  }

  visibility(at: number, hidden: boolean) {
    this.signals.push({ at, kind: hidden ? 'hidden' : 'visible' });
  }

  /** Sends what the clock ran since the last report; `keepalive` for a page on its way out. */
  async report(keepalive = false) {
    const now = Date.now();
    const spans = activeSpans(this.signals, now);
    // Carry the last input while it still keeps the clock running, and whether the page is hidden.
    const last = this.signals.at(-1);
    const lastInput = [...this.signals].reverse().find((s) => s.kind === 'input');
    this.signals = [
      ...(last && last.kind !== 'input' ? [last] : []),
      ...(lastInput && lastInput.at + IDLE_MS > now && last?.kind !== 'hidden' ? [lastInput] : []),
    ].sort((a, b) => a.at - b.at);
    if (spans.length === 0) return;
    await api
      .POST('/api/v1/tasks/{id}/activity', {
        params: { path: { id: this.taskId } },
        body: { sentAt: now, spans },
        ...(keepalive ? { keepalive: true } : {}),
      })
      // Time is best effort: a task taken away meanwhile refuses it, and work goes on.
      .catch(() => undefined);
  }
}

const clocks = new Map<string, ActivityClock>();

/** Reports the task's active time now (before an action takes the task away). */
export async function reportActiveTime(taskId: string) {
  await clocks.get(taskId)?.report();
}

/** Measures active time on the task while it is the user's. */
export function useActiveTime(task: { id: string; mine: boolean }) {
  useEffect(() => {
    if (!task.mine) return;
    const clock = new ActivityClock(task.id);
    clocks.set(task.id, clock);
    const onInput = () => clock.input(Date.now());
    const onMove = () => clock.input(Date.now(), true);
    const onVisibility = () => {
      clock.visibility(Date.now(), document.hidden);
      if (document.hidden) void clock.report(true);
    };
    const events = ['pointerdown', 'keydown', 'wheel'] as const;
    for (const e of events) window.addEventListener(e, onInput, { passive: true, capture: true });
    window.addEventListener('pointermove', onMove, { passive: true, capture: true });
    document.addEventListener('visibilitychange', onVisibility);
    if (document.hidden) clock.visibility(Date.now(), true);
    const timer = setInterval(() => void clock.report(), REPORT_MS);
    return () => {
      clearInterval(timer);
      for (const e of events) window.removeEventListener(e, onInput, { capture: true });
      window.removeEventListener('pointermove', onMove, { capture: true });
      document.removeEventListener('visibilitychange', onVisibility);
      void clock.report(true);
      clocks.delete(task.id);
    };
  }, [task.id, task.mine]);
}
