import type { AutosaveStatus } from '../../editor/index.ts';

// Where the annotator's work is: saved, on its way, waiting for the network, or clashing with
// someone else's save (then they choose: take the saved version, or merge theirs into it).

export interface SaveIndicatorProps {
  status: AutosaveStatus;
  /** Drop the unsaved changes and load the task as saved on the server. */
  onReload: () => void;
  /** Merge the unsaved changes into the version saved on the server. */
  onMerge: () => void;
}

const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

export function saveText(status: AutosaveStatus): string {
  switch (status.state) {
    case 'saved':
      return 'Saved';
    case 'saving':
      return 'Saving…';
    case 'pending':
      return 'Unsaved changes';
    case 'offline':
      return status.pendingCount > 0
        ? `Offline — ${status.pendingCount} ${status.pendingCount === 1 ? 'change' : 'changes'} waiting`
        : 'Offline';
    case 'conflict':
      return 'Conflict: someone else saved this task';
    case 'error':
      return `Error: ${status.error ?? 'the labels could not be saved'}`;
  }
}

export function SaveIndicator({ status, onReload, onMerge }: SaveIndicatorProps) {
  const saved = status.lastSavedAt ? `Last saved at ${time.format(status.lastSavedAt)}` : undefined;
  return (
    <div className={`ed-save ed-save-${status.state}`}>
      <span role="status" className="ed-save-text" title={saved}>
        <span className="ed-save-dot" aria-hidden="true" />
        {saveText(status)}
      </span>
      {status.state === 'conflict' ? (
        <>
          <button
            type="button"
            className="btn btn-small"
            title="Discard your unsaved changes and load the version saved on the server"
            onClick={onReload}
          >
            Reload
          </button>
          <button
            type="button"
            className="btn btn-small btn-primary"
            title="Keep your changes and merge them into the version saved on the server"
            onClick={onMerge}
          >
            Merge
          </button>
        </>
      ) : null}
    </div>
  );
}
