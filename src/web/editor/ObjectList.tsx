import {
  memo,
  type ReactNode,
  useCallback,
  useDeferredValue,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { ObjectFeature, OntologyDocument } from '../../core/ontology/format.ts';
import type { EditorStore } from '../../editor/index.ts';
import { rowWindow, scrollToReveal } from './list-window.ts';
import { filterObjects, searchIndex } from './object-search.ts';
import { useEditorState } from './use-editor.ts';

// Every object of the document, topmost first (the reverse of the document's drawing order), with
// a search box and per-object hide, lock and delete. Documents run to thousands of objects, so the
// list renders only the rows in view (all rows are one height) and rows are memoised on
// primitives: an edit or a selection re-renders only the rows it touched.

/** Height of a row in CSS px until one is measured. */
const ROW_HEIGHT = 31;
/** Rows rendered beyond each edge of the view, so scrolling and Tab find them ready. */
const OVERSCAN = 12;

const countText = (n: number) => `${n} ${n === 1 ? 'object' : 'objects'}`;

/** Enough of an id to tell objects apart at a glance; the search box takes any prefix. */
export const shortId = (id: string) => id.slice(0, 6);

/** A short mark after an object's name: its review status, or its open issues. */
export interface ObjectBadge {
  text: string;
  tone: 'muted' | 'success' | 'danger' | 'accent' | 'warning';
  title?: string;
}

export interface ObjectListProps {
  store: EditorStore;
  ontology: OntologyDocument;
  /** Review stages: objects can be selected, hidden and locked but not deleted. */
  readOnly?: boolean;
  /** Marks per object id; keep each entry's array the same while it does not change (rows are memoised). */
  badges?: ReadonlyMap<string, readonly ObjectBadge[]>;
}

export function ObjectList({ store, ontology, readOnly = false, badges }: ObjectListProps) {
  const objects = useEditorState(store, (s) => s.document.objects);
  const selection = useEditorState(store, (s) => s.selection);
  const hidden = useEditorState(store, (s) => s.hidden);
  const locked = useEditorState(store, (s) => s.locked);
  const [query, setQuery] = useState('');
  const [view, setView] = useState({ top: 0, height: 10 * ROW_HEIGHT });
  const [rowHeight, setRowHeight] = useState(ROW_HEIGHT);
  const headingId = useId();
  const searchId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  const featureOf = useMemo(() => new Map(ontology.objects.map((f) => [f.featureId, f])), [ontology]);
  const index = useMemo(() => searchIndex(ontology), [ontology]);
  const topFirst = useMemo(() => [...objects].reverse(), [objects]);
  // Typing stays responsive: the filter runs on the deferred query, behind the keystrokes.
  const deferredQuery = useDeferredValue(query);
  const matches = useMemo(
    () => filterObjects(topFirst, deferredQuery, index),
    [topFirst, deferredQuery, index],
  );
  const selected = useMemo(() => new Set(selection), [selection]);
  const { start, end } = rowWindow(matches.length, rowHeight, view.top, view.height, OVERSCAN);

  // The scroll box's height (the sidebar decides it) and a real row's height (fonts decide it).
  const hasRows = matches.length > 0;
  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    if (!hasRows || !scroller) return;
    const measure = () => {
      const height = scroller.clientHeight;
      setView((v) => (v.height === height ? v : { ...v, height }));
      const rows = tableRef.current?.querySelectorAll('tbody tr[data-object-id]');
      const body = tableRef.current?.tBodies[0];
      const h = rows && body && rows.length > 0 ? body.getBoundingClientRect().height / rows.length : 0;
      if (h && h > 0) setRowHeight((old) => (Math.abs(old - h) < 0.01 ? old : h));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(scroller);
    return () => observer.disconnect();
  }, [hasRows]);

  // The latest object selected (on the canvas, say) is scrolled into view within the list only:
  // scrollIntoView would scroll the sidebar and the page too, moving the canvas away. Only when
  // the selection moves: a document change must not scroll the list under the annotator.
  const latest = selection.at(-1);
  const reveal = useRef({ matches, rowHeight });
  reveal.current = { matches, rowHeight };
  useEffect(() => {
    const scroller = scrollRef.current;
    if (latest === undefined || !scroller) return;
    const { matches, rowHeight } = reveal.current;
    const at = matches.findIndex((o) => o.id === latest);
    if (at < 0) return;
    const top = scrollToReveal(at, rowHeight, scroller.scrollTop, scroller.clientHeight);
    if (top !== scroller.scrollTop) scroller.scrollTop = top;
  }, [latest]);

  const remove = useCallback(
    (id: string) => {
      // Keep keyboard focus in the list: on the next row's delete button, else the previous
      // row's, else the search box (the deleted row's button leaves the page).
      const row = tableRef.current?.querySelector(`tr[data-object-id="${CSS.escape(id)}"]`);
      const neighbour = [row?.nextElementSibling, row?.previousElementSibling].find(
        (r) => r instanceof HTMLElement && r.dataset.objectId !== undefined,
      );
      const target = neighbour?.querySelector<HTMLButtonElement>('button.ed-row-delete:not(:disabled)');
      store.select([id]);
      store.deleteSelected();
      (target ?? searchRef.current)?.focus();
    },
    [store],
  );

  const filtering = deferredQuery.trim() !== '';
  return (
    <section className="ed-panel ed-object-list" aria-labelledby={headingId}>
      <div className="ed-panel-header">
        <h3 id={headingId}>Objects</h3>
        <span className="ed-count">
          {filtering ? `${matches.length} of ${countText(objects.length)}` : countText(objects.length)}
        </span>
      </div>
      <label htmlFor={searchId} className="visually-hidden">
        Search objects
      </label>
      <input
        ref={searchRef}
        id={searchId}
        type="search"
        className="ed-search"
        placeholder="Search class, id or attribute"
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          if (scrollRef.current) scrollRef.current.scrollTop = 0;
        }}
      />
      {objects.length === 0 ? (
        <p className="ed-hint">No objects yet. Pick a class and draw on the image.</p>
      ) : !hasRows ? (
        <p className="ed-hint">No objects match “{deferredQuery.trim()}”.</p>
      ) : (
        <div
          ref={scrollRef}
          className="ed-object-scroll"
          onScroll={(e) => {
            const top = e.currentTarget.scrollTop;
            setView((v) => (v.top === top ? v : { ...v, top }));
          }}
        >
          {/* As tall as every row together, so the scrollbar is true to the whole list; the table of
              rendered rows sits where they belong in it. */}
          <div className="ed-object-sizer" style={{ height: matches.length * rowHeight }}>
            <table
              ref={tableRef}
              className="ed-objects"
              aria-label="Objects"
              aria-rowcount={matches.length + 1}
              style={{ transform: `translateY(${start * rowHeight}px)` }}
            >
              <colgroup>
                <col />
                <col className="ed-col-action" />
                <col className="ed-col-action" />
                <col className="ed-col-action" />
              </colgroup>
              <thead className="visually-hidden">
                <tr aria-rowindex={1}>
                  <th scope="col">Object</th>
                  <th scope="col">Hidden</th>
                  <th scope="col">Locked</th>
                  <th scope="col">Delete</th>
                </tr>
              </thead>
              <tbody>
                {matches.slice(start, end).map((o, i) => (
                  <ObjectRow
                    key={o.id}
                    id={o.id}
                    rowIndex={start + i + 2}
                    feature={featureOf.get(o.featureId)}
                    selected={selected.has(o.id)}
                    hidden={hidden.has(o.id)}
                    locked={locked.has(o.id)}
                    readOnly={readOnly}
                    badges={badges?.get(o.id)}
                    store={store}
                    onDelete={remove}
                  />
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}

/** Shift, Ctrl or Cmd adds the object to the selection, or takes it out when it is already in. */
function selectFromList(store: EditorStore, id: string, add: boolean) {
  if (!add) return store.select([id]);
  const { selection } = store.getState();
  if (selection.includes(id)) store.select(selection.filter((s) => s !== id));
  else store.select([id], { add: true });
}

interface ObjectRowProps {
  id: string;
  /** Position among the table's rows for assistive technology (the header is row 1). */
  rowIndex: number;
  feature: ObjectFeature | undefined;
  selected: boolean;
  hidden: boolean;
  locked: boolean;
  readOnly: boolean;
  badges: readonly ObjectBadge[] | undefined;
  store: EditorStore;
  onDelete: (id: string) => void;
}

const ObjectRow = memo(function ObjectRow({
  id,
  rowIndex,
  feature,
  selected,
  hidden,
  locked,
  readOnly,
  badges,
  store,
  onDelete,
}: ObjectRowProps) {
  const name = feature?.name || 'Unknown class';
  const label = `${name} ${shortId(id)}`;
  return (
    <tr
      data-object-id={id}
      aria-rowindex={rowIndex}
      aria-selected={selected}
      className={`ed-row${selected ? ' ed-row-selected' : ''}${hidden ? ' ed-row-hidden' : ''}`}
    >
      <td className="ed-row-main">
        <button
          type="button"
          className="ed-row-select"
          title={`${name} — id ${id}`}
          onClick={(e) => selectFromList(store, id, e.shiftKey || e.ctrlKey || e.metaKey)}
        >
          <span
            className="ed-swatch"
            style={{ background: feature?.color ?? 'transparent' }}
            aria-hidden="true"
          />
          <span className="ed-row-name">{name}</span>
          <span className="ed-row-id">{shortId(id)}</span>
          {badges?.map((b) => (
            <span key={b.text} className={`ed-row-badge ed-row-badge-${b.tone}`} title={b.title}>
              {b.text}
            </span>
          ))}
        </button>
      </td>
      <td>
        <button
          type="button"
          className="ed-icon-button"
          aria-label={`Hide ${label}`}
          aria-pressed={hidden}
          title={hidden ? 'Show' : 'Hide'}
          onClick={() => store.toggleHidden(id)}
        >
          {hidden ? <EyeOffIcon /> : <EyeIcon />}
        </button>
      </td>
      <td>
        <button
          type="button"
          className="ed-icon-button"
          aria-label={`Lock ${label}`}
          aria-pressed={locked}
          title={locked ? 'Unlock' : 'Lock'}
          onClick={() => store.toggleLocked(id)}
        >
          {locked ? <LockIcon /> : <UnlockIcon />}
        </button>
      </td>
      <td>
        <button
          type="button"
          className="ed-icon-button ed-row-delete"
          aria-label={`Delete ${label}`}
          title={locked ? 'Locked: unlock to delete' : 'Delete'}
          disabled={readOnly || locked}
          onClick={() => onDelete(id)}
        >
          <TrashIcon />
        </button>
      </td>
    </tr>
  );
});

// Icons: inline strokes in the text colour, hidden from screen readers (the buttons are labelled).

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      className="ed-icon"
      viewBox="0 0 24 24"
      width="16"
      height="16"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

const EyeIcon = () => (
  <Icon>
    <path d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12z" />
    <circle cx="12" cy="12" r="3" />
  </Icon>
);

const EyeOffIcon = () => (
  <Icon>
    <path d="M10.6 5.1A10.8 10.8 0 0 1 12 5c6.4 0 10 7 10 7a17 17 0 0 1-2.6 3.5M6.6 6.6C3.6 8.5 2 12 2 12s3.6 7 10 7a9.7 9.7 0 0 0 5.4-1.6" />
    <path d="M9.9 9.9a3 3 0 0 0 4.2 4.2" />
    <path d="M3 3l18 18" />
  </Icon>
);

const LockIcon = () => (
  <Icon>
    <rect x="4" y="11" width="16" height="10" rx="2" />
    <path d="M8 11V7a4 4 0 0 1 8 0v4" />
  </Icon>
);

const UnlockIcon = () => (
  <Icon>
    <rect x="4" y="11" width="16" height="10" rx="2" />
    <path d="M8 11V7a4 4 0 0 1 7.7-1.5" />
  </Icon>
);

const TrashIcon = () => (
  <Icon>
    <path d="M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3" />
  </Icon>
);
