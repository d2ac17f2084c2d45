import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, isApiError, unwrap } from '../../api/client.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { TextAreaField } from '../../components/Field.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import type { GoldSetDetail } from './queries.ts';

/** The ids of a textarea (one a line; any whitespace separates), blanks and repeats dropped. */
export const taskIdsOf = (text: string) => [
  ...new Set(
    text
      .split(/\s+/)
      .map((s) => s.trim())
      .filter(Boolean),
  ),
];

/**
 * Adding gold from completed tasks, by id. The server takes all or nothing and names the entry at
 * fault (`taskIds[2]`); the hint says which id that is.
 */
export function AddGoldTasksForm({
  goldSetId,
  onAdded,
}: {
  goldSetId: string;
  onAdded: (detail: GoldSetDetail) => void;
}) {
  const [text, setText] = useState('');
  const add = useMutation({
    mutationFn: (taskIds: string[]) =>
      unwrap(
        api.POST('/api/v1/gold-sets/{id}/tasks', { params: { path: { id: goldSetId } }, body: { taskIds } }),
      ),
    onSuccess: (detail) => {
      setText('');
      onAdded(detail);
    },
  });
  const ids = taskIdsOf(text);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (ids.length > 0) add.mutate(ids);
  };
  const line = lineAtFault(add.error, ids);
  return (
    <form className="form form-narrow gold-add" onSubmit={submit} noValidate>
      <TextAreaField
        label="Completed task ids"
        name="taskIds"
        rows={4}
        hint="One task id a line. Their labels as they were completed become the gold."
        aria-invalid={line !== null || undefined}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          if (add.error) add.reset();
        }}
      />
      <ErrorAlert error={add.error} />
      {line ? (
        <p className="field-hint">
          That is id number {line.number}: <code>{line.id}</code>.
        </p>
      ) : null}
      <div className="form-actions">
        <SubmitButton busy={add.isPending} disabled={ids.length === 0}>
          Add gold tasks
        </SubmitButton>
      </div>
    </form>
  );
}

/** Which entered id the server's field (`taskIds.2` or `taskIds[2]`) points at, if any. */
function lineAtFault(error: unknown, ids: readonly string[]) {
  if (!isApiError(error) || !error.field) return null;
  const match = /^taskIds[.[](\d+)/.exec(error.field);
  if (!match) return null;
  const index = Number(match[1]);
  const id = ids[index];
  return id === undefined ? null : { number: index + 1, id };
}
