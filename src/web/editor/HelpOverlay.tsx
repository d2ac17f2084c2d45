import { type KeyboardEvent, useLayoutEffect, useMemo, useRef } from 'react';
import type { OntologyDocument } from '../../core/ontology/format.ts';
import { type EditorStore, featureHotkeys, SHORTCUTS } from '../../editor/index.ts';
import { useEditorState } from './use-editor.ts';

// Every shortcut of the editor, by group, and the ontology's class hotkeys: opened with "?" (the
// store's showHelp). A modal dialog, so the canvas's shortcuts are out of reach while it is open.

const GROUPS = ['Tools', 'Edit', 'View', 'Task'] as const;

/** "Ctrl+Shift+Z" → ["Ctrl", "Shift", "Z"]; a lone "+" (or "Ctrl++") keeps its plus. */
export const keyParts = (keys: string): string[] => keys.split(/(?<=.)\+(?=.)/);

function Keys({ keys }: { keys: string }) {
  const parts = keyParts(keys);
  return (
    <span className="ed-keys">
      {parts.map((part, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed key combination
        <span key={i}>
          {i > 0 ? '+' : null}
          <kbd>{part}</kbd>
        </span>
      ))}
    </span>
  );
}

export function HelpOverlay({ store, ontology }: { store: EditorStore; ontology: OntologyDocument }) {
  const open = useEditorState(store, (s) => s.showHelp);
  if (!open) return null;
  return <HelpDialog store={store} ontology={ontology} />;
}

function HelpDialog({ store, ontology }: { store: EditorStore; ontology: OntologyDocument }) {
  const ref = useRef<HTMLDialogElement>(null);
  const { shortcuts, classKeys } = useMemo(() => {
    const byId = new Map(ontology.objects.map((f) => [f.featureId, f]));
    const hotkeys = featureHotkeys(ontology);
    const classKeys = [...hotkeys].flatMap(([key, featureId]) => {
      const feature = byId.get(featureId);
      return feature ? [{ key: key.toUpperCase(), feature }] : [];
    });
    // Tools are offered only for the ontology's shapes, and a class hotkey on a tool's letter wins.
    const shapes = new Set<string>([
      'select',
      ...ontology.objects.filter((f) => !f.archived).map((f) => f.shape),
    ]);
    const shortcuts = SHORTCUTS.filter((s) => {
      if (!s.action.startsWith('tool.')) return true;
      return shapes.has(s.action.slice('tool.'.length)) && !s.keys.some((k) => hotkeys.has(k.toLowerCase()));
    });
    return { shortcuts, classKeys };
  }, [ontology]);

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  // Keys pressed in the dialog stay in it: Escape and "?" close it, nothing reaches the editor.
  const onKeyDown = (e: KeyboardEvent) => {
    e.stopPropagation();
    if (e.key === 'Escape' || e.key === '?') {
      e.preventDefault();
      store.toggleHelp();
    }
  };

  return (
    <dialog
      ref={ref}
      className="dialog ed-help"
      aria-label="Keyboard shortcuts"
      onKeyDown={onKeyDown}
      onCancel={(e) => {
        e.preventDefault();
        store.toggleHelp();
      }}
    >
      <div className="dialog-header">
        <h2>Keyboard shortcuts</h2>
        <button type="button" className="btn-close" aria-label="Close" onClick={() => store.toggleHelp()}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <div className="dialog-body ed-help-body">
        {GROUPS.map((group) => {
          const inGroup = shortcuts.filter((s) => s.group === group);
          if (inGroup.length === 0) return null;
          return (
            <section key={group} className="ed-help-group">
              <h3>{group}</h3>
              <dl className="ed-shortcuts">
                {inGroup.map((s) => (
                  <div key={`${s.action} ${s.keys.join()}`}>
                    <dt>
                      {s.keys.map((k, i) => (
                        <span key={k}>
                          {i > 0 ? <span className="ed-or"> or </span> : null}
                          <Keys keys={k} />
                        </span>
                      ))}
                    </dt>
                    <dd>{s.description}</dd>
                  </div>
                ))}
              </dl>
            </section>
          );
        })}
        {classKeys.length > 0 ? (
          <section className="ed-help-group">
            <h3>Classes</h3>
            <dl className="ed-shortcuts">
              {classKeys.map(({ key, feature }) => (
                <div key={feature.featureId}>
                  <dt>
                    <Keys keys={key} />
                  </dt>
                  <dd>
                    <span className="ed-swatch" style={{ background: feature.color }} aria-hidden="true" />
                    {feature.name}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ) : null}
      </div>
    </dialog>
  );
}
