import { useId } from 'react';
import type { EditorStore } from '../../editor/index.ts';
import { useEditorState } from './use-editor.ts';

// Brightness and contrast of the image (view only: nothing is saved). 1 is the image as it is.

const MIN = 0.2;
const MAX = 3;
const percent = (v: number) => `${Math.round(v * 100)}%`;

export function AdjustControls({ store }: { store: EditorStore }) {
  const brightness = useEditorState(store, (s) => s.adjust.brightness);
  const contrast = useEditorState(store, (s) => s.adjust.contrast);
  const id = useId();
  return (
    <fieldset className="ed-adjust">
      <legend className="visually-hidden">Image adjustments</legend>
      <Slider
        id={`${id}-b`}
        label="Brightness"
        value={brightness}
        onChange={(v) => store.setAdjust({ brightness: v })}
      />
      <Slider
        id={`${id}-c`}
        label="Contrast"
        value={contrast}
        onChange={(v) => store.setAdjust({ contrast: v })}
      />
      <button
        type="button"
        className="btn btn-small"
        disabled={brightness === 1 && contrast === 1}
        onClick={() => store.setAdjust({ brightness: 1, contrast: 1 })}
      >
        Reset
      </button>
    </fieldset>
  );
}

function Slider({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: number;
  onChange: (value: number) => void;
}) {
  return (
    <div className="ed-slider">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="range"
        min={MIN}
        max={MAX}
        step={0.05}
        value={value}
        aria-valuetext={percent(value)}
        onChange={(e) => onChange(Number(e.target.value))}
      />
      {/* Shown for the eye; screen readers hear aria-valuetext (an <output> would be a live region). */}
      <span className="ed-slider-value" aria-hidden="true">
        {percent(value)}
      </span>
    </div>
  );
}
