import { type FormEvent, useState } from 'react';
import { STAGE_TYPE_LABELS, type Stage, type Workflow } from '../../../core/workflow/index.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { SelectField } from '../../components/Field.tsx';

/**
 * Asks where the tasks of removed stages go: a surviving stage that is not a router (tasks wait
 * in a stage; routers only pass them on).
 */
export function StageMappingDialog({
  removed,
  counts,
  workflow,
  busy,
  onClose,
  onConfirm,
}: {
  removed: readonly Stage[];
  counts: ReadonlyMap<string, number>;
  workflow: Workflow;
  busy: boolean;
  onClose: () => void;
  onConfirm: (mapping: Record<string, string>) => void;
}) {
  const targets = workflow.stages.filter((s) => s.type !== 'router');
  const [chosen, setChosen] = useState<Record<string, string>>({});
  // Stages the server adds to the list later start on the first choice too.
  const mapping = Object.fromEntries(removed.map((s) => [s.id, chosen[s.id] ?? targets[0]?.id ?? '']));
  const complete = removed.every((s) => mapping[s.id]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (complete) onConfirm(mapping);
  };
  return (
    <Dialog title="Where do their tasks go?" onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate data-testid="stage-mapping-dialog">
        <p>
          {removed.length === 1 ? 'A stage you removed holds tasks.' : 'Stages you removed hold tasks.'}{' '}
          Choose the stage each one's tasks move to; they arrive there as new, unassigned tasks.
        </p>
        {removed.map((s) => {
          const n = counts.get(s.id);
          return (
            <SelectField
              key={s.id}
              label={`Tasks in ${s.name.trim() || s.id} go to`}
              hint={
                n !== undefined
                  ? `${n === 1 ? '1 task' : `${n} tasks`} (${STAGE_TYPE_LABELS[s.type]})`
                  : undefined
              }
              value={mapping[s.id] ?? ''}
              onChange={(e) => setChosen((m) => ({ ...m, [s.id]: e.target.value }))}
            >
              {targets.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name.trim() || t.id}
                </option>
              ))}
            </SelectField>
          );
        })}
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="btn btn-primary"
            disabled={!complete || busy}
            aria-busy={busy || undefined}
          >
            Move tasks and save
          </button>
        </div>
      </form>
    </Dialog>
  );
}
