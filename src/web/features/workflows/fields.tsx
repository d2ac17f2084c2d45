import { type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, useId } from 'react';
import type { WorkflowIssue } from '../../../core/workflow/index.ts';

// Labelled controls of the stage panel: each shows the validator's messages about it right under
// it, marks itself invalid and is described by them.

export function IssueList({ id, issues }: { id?: string; issues: readonly WorkflowIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <ul className="field-errors" id={id}>
      {issues.map((i) => (
        <li key={`${i.code}:${i.path}:${i.message}`}>{i.message}</li>
      ))}
    </ul>
  );
}

type InputProps = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  issues?: readonly WorkflowIssue[];
  hint?: ReactNode;
};

export function PanelInput({ label, issues = [], hint, ...input }: InputProps) {
  const id = useId();
  const described = [issues.length > 0 ? `${id}-errors` : null, hint ? `${id}-hint` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        aria-invalid={issues.length > 0 || undefined}
        aria-describedby={described || undefined}
        {...input}
      />
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <IssueList id={`${id}-errors`} issues={issues} />
    </div>
  );
}

type SelectProps = SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  issues?: readonly WorkflowIssue[];
  children: ReactNode;
};

export function PanelSelect({ label, issues = [], children, ...select }: SelectProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        aria-invalid={issues.length > 0 || undefined}
        aria-describedby={issues.length > 0 ? `${id}-errors` : undefined}
        {...select}
      >
        {children}
      </select>
      <IssueList id={`${id}-errors`} issues={issues} />
    </div>
  );
}

export function PanelCheckbox({
  label,
  checked,
  onChange,
  hint,
  issues = [],
  disabled,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
  issues?: readonly WorkflowIssue[];
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className="field field-check">
      <label className="check">
        <input
          type="checkbox"
          checked={checked}
          disabled={disabled}
          aria-invalid={issues.length > 0 || undefined}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onChange={(e) => onChange(e.target.checked)}
        />
        {label}
      </label>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <IssueList issues={issues} />
    </div>
  );
}

/** A whole-number input that reports `undefined` when emptied (the setting's default then applies). */
export function NumberInput({
  label,
  value,
  onChange,
  issues,
  hint,
  min,
  max,
  step,
  placeholder,
}: {
  label: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  issues?: readonly WorkflowIssue[];
  hint?: ReactNode;
  min?: number;
  max?: number;
  /** Fractional steps allow decimals (the default allows whole numbers). */
  step?: number;
  placeholder?: string;
}) {
  return (
    <PanelInput
      label={label}
      type="number"
      inputMode={step !== undefined && !Number.isInteger(step) ? 'decimal' : 'numeric'}
      min={min}
      max={max}
      step={step}
      placeholder={placeholder}
      value={value ?? ''}
      issues={issues}
      hint={hint}
      onChange={(e) => {
        const raw = e.target.value.trim();
        onChange(raw === '' ? undefined : Number(raw));
      }}
    />
  );
}
