import { type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, useId } from 'react';
import type { OntologyIssue } from '../../../core/ontology/index.ts';

// Small labelled controls for the editor: each shows the validator's messages for its path
// right under it, marks itself invalid and is described by them.

function Messages({ id, messages }: { id: string; messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <ul className="field-errors" id={id}>
      {messages.map((m) => (
        <li key={m}>{m}</li>
      ))}
    </ul>
  );
}

const messagesOf = (issues: readonly OntologyIssue[] | undefined) => (issues ?? []).map((i) => i.message);

type InputProps = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  issues?: readonly OntologyIssue[];
  hint?: ReactNode;
  className?: string;
};

export function EditorInput({ label, issues, hint, className, ...input }: InputProps) {
  const id = useId();
  const messages = messagesOf(issues);
  const described = [messages.length > 0 ? `${id}-errors` : null, hint ? `${id}-hint` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        aria-invalid={messages.length > 0 || undefined}
        aria-describedby={described || undefined}
        {...input}
      />
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <Messages id={`${id}-errors`} messages={messages} />
    </div>
  );
}

type SelectProps = SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  issues?: readonly OntologyIssue[];
  className?: string;
  children: ReactNode;
};

export function EditorSelect({ label, issues, className, children, ...select }: SelectProps) {
  const id = useId();
  const messages = messagesOf(issues);
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        aria-invalid={messages.length > 0 || undefined}
        aria-describedby={messages.length > 0 ? `${id}-errors` : undefined}
        {...select}
      >
        {children}
      </select>
      <Messages id={`${id}-errors`} messages={messages} />
    </div>
  );
}

export function EditorCheckbox({
  label,
  checked,
  onChange,
  disabled,
  issues,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  issues?: readonly OntologyIssue[];
}) {
  const id = useId();
  const messages = messagesOf(issues);
  return (
    <div className="check">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        aria-describedby={messages.length > 0 ? `${id}-errors` : undefined}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      <Messages id={`${id}-errors`} messages={messages} />
    </div>
  );
}

/** Messages that belong to a node as a whole (e.g. "must have at least one option"). */
export function NodeMessages({ issues }: { issues: readonly OntologyIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <ul className="field-errors">
      {issues.map((i) => (
        <li key={`${i.path}:${i.message}`}>{i.message}</li>
      ))}
    </ul>
  );
}

/** Move up, move down and remove buttons for one item of a list. */
export function ItemActions({
  what,
  index,
  count,
  onMove,
  onRemove,
  disabled,
}: {
  /** Names the item for screen readers, e.g. `object “Car”`. */
  what: string;
  index: number;
  count: number;
  onMove: (to: number) => void;
  onRemove: () => void;
  disabled?: boolean;
}) {
  return (
    <div className="item-actions">
      <button
        type="button"
        className="btn btn-small btn-icon"
        aria-label={`Move ${what} up`}
        title="Move up"
        disabled={disabled || index === 0}
        onClick={() => onMove(index - 1)}
      >
        <span aria-hidden="true">↑</span>
      </button>
      <button
        type="button"
        className="btn btn-small btn-icon"
        aria-label={`Move ${what} down`}
        title="Move down"
        disabled={disabled || index === count - 1}
        onClick={() => onMove(index + 1)}
      >
        <span aria-hidden="true">↓</span>
      </button>
      <button
        type="button"
        className="btn btn-small btn-danger-outline"
        aria-label={`Remove ${what}`}
        disabled={disabled}
        onClick={onRemove}
      >
        Remove
      </button>
    </div>
  );
}
