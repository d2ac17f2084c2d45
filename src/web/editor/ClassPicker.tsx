import { useId, useMemo } from 'react';
import {
  type ObjectFeature,
  type OntologyDocument,
  RESERVED_SHAPES,
  SHAPE_LABELS,
  SHAPES,
} from '../../core/ontology/format.ts';
import { type EditorStore, featureHotkeys, TOOL_KEYS, type ToolId } from '../../editor/index.ts';
import { useEditorState } from './use-editor.ts';

// The classes an annotator draws (the active one is what the next object becomes) and the tools
// for the shapes this ontology uses. Picking a class also picks its shape's tool (the store does).

/** Each tool's letter (keymap.ts), for the buttons' titles. */
const TOOL_LETTER = new Map<ToolId, string>(
  Object.entries(TOOL_KEYS).map(([key, tool]) => [tool, key.toUpperCase()]),
);

const drawable = (f: ObjectFeature) => !RESERVED_SHAPES.includes(f.shape);

export interface ClassPickerProps {
  store: EditorStore;
  ontology: OntologyDocument;
  /** Review stages: nothing can be drawn, so classes and drawing tools are shown disabled. */
  readOnly?: boolean;
}

export function ClassPicker({ store, ontology, readOnly = false }: ClassPickerProps) {
  const activeFeatureId = useEditorState(store, (s) => s.activeFeatureId);
  const tool = useEditorState(store, (s) => s.tool);
  const headingId = useId();

  const { features, tools, hotkeyOf, toolKeyOf } = useMemo(() => {
    const features = ontology.objects.filter((f) => !f.archived);
    const hotkeys = featureHotkeys(ontology);
    const hotkeyOf = new Map<string, string>();
    for (const [key, featureId] of hotkeys) hotkeyOf.set(featureId, key.toUpperCase());
    const inUse = new Set(features.filter(drawable).map((f) => f.shape));
    const tools: ToolId[] = [
      'select',
      ...SHAPES.filter((s): s is Exclude<typeof s, 'bitmask'> => inUse.has(s)),
    ];
    // A class hotkey on a tool's letter wins over it (the store checks class hotkeys first).
    const toolKeyOf = (t: ToolId) => {
      const key = TOOL_LETTER.get(t);
      return key === undefined || hotkeys.has(key.toLowerCase()) ? null : key;
    };
    return { features, tools, hotkeyOf, toolKeyOf };
  }, [ontology]);

  return (
    <section className="ed-panel ed-class-picker" aria-labelledby={headingId}>
      <fieldset className="ed-tools">
        <legend className="visually-hidden">Tools</legend>
        {tools.map((t) => {
          const key = toolKeyOf(t);
          const name = t === 'select' ? 'Select' : SHAPE_LABELS[t];
          return (
            <button
              key={t}
              type="button"
              className="ed-tool"
              aria-pressed={tool === t}
              aria-keyshortcuts={key ?? undefined}
              title={key ? `${name} (${key})` : name}
              disabled={readOnly && t !== 'select'}
              onClick={() => store.setTool(t)}
            >
              {name}
              {key ? (
                <span aria-hidden="true">
                  <kbd className="ed-key">{key}</kbd>
                </span>
              ) : null}
            </button>
          );
        })}
      </fieldset>
      <h3 id={headingId}>Classes</h3>
      {features.length === 0 ? (
        <p className="ed-hint">This ontology has no objects to draw.</p>
      ) : (
        <ul className="ed-classes">
          {features.map((f) => {
            const hotkey = hotkeyOf.get(f.featureId);
            const usable = drawable(f);
            const shape = usable ? SHAPE_LABELS[f.shape] : `${SHAPE_LABELS[f.shape]} (coming later)`;
            return (
              <li key={f.featureId}>
                <button
                  type="button"
                  className="ed-class"
                  // The name alone, so "Polygon" finds the tool rather than every polygon class.
                  aria-label={f.name || 'Unnamed class'}
                  aria-pressed={activeFeatureId === f.featureId}
                  aria-keyshortcuts={hotkey}
                  title={hotkey ? `${f.name} — ${shape} (${hotkey})` : `${f.name} — ${shape}`}
                  disabled={readOnly || !usable}
                  onClick={() => store.setActiveFeature(f.featureId)}
                >
                  <span className="ed-swatch" style={{ background: f.color }} aria-hidden="true" />
                  <span className="ed-class-name">{f.name || 'Unnamed class'}</span>
                  <span className="ed-class-shape">{shape}</span>
                  {hotkey ? (
                    <span aria-hidden="true">
                      <kbd className="ed-key">{hotkey}</kbd>
                    </span>
                  ) : null}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
