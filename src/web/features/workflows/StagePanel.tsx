import { useId } from 'react';
import {
  DEFAULT_LEASE_MINUTES,
  REVIEW_STAGE_TYPES,
  type RouterBranch,
  SETTINGS_BY_TYPE,
  STAGE_TYPE_LABELS,
  START_STAGE_TYPES,
  type Stage,
  type StageSettings,
  WORKFLOW_LIMITS,
  type Workflow,
  type WorkflowIssue,
} from '../../../core/workflow/index.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { IssueList, NumberInput, PanelCheckbox, PanelInput, PanelSelect } from './fields.tsx';
import {
  addBranch,
  branchesOf,
  edgeIssues,
  missingEdgeIssues,
  outcomesOf,
  removeEdge,
  removeStage,
  setOutcomeEdge,
  setSetting,
  setStart,
  stageFieldIssues,
  thenGoToLabel,
  updateEdge,
  updateStage,
} from './model.ts';
import { PrincipalList } from './Principals.tsx';
import type { StageCount } from './queries.ts';

const NOT_CONNECTED = 'Not connected';

/** The settings of the selected stage, its "then go to" edges and (routers) its branches. */
export function StagePanel({
  workflow,
  stage,
  issues,
  count,
  readOnly,
  onChange,
  onDeleted,
}: {
  workflow: Workflow;
  stage: Stage;
  issues: readonly WorkflowIssue[];
  count: StageCount | undefined;
  readOnly: boolean;
  onChange: (w: Workflow) => void;
  onDeleted: () => void;
}) {
  const allowed = SETTINGS_BY_TYPE[stage.type];
  const fieldIssues = (field: string) => stageFieldIssues(workflow, issues, stage.id, field);
  const setting = <K extends keyof StageSettings>(key: K, value: StageSettings[K]) =>
    onChange(setSetting(workflow, stage.id, key, value));
  const targets = workflow.stages.filter((s) => s.id !== stage.id);
  const startable = START_STAGE_TYPES.includes(stage.type);
  // Issues about the whole stage that no field below shows (e.g. unreachable, dead end).
  const shownElsewhere = new Set<WorkflowIssue>();
  const s = stage.settings;

  return (
    <fieldset className="wf-panel-body" disabled={readOnly}>
      <legend className="visually-hidden">Stage {stage.name}</legend>
      <p className="wf-panel-type">
        {STAGE_TYPE_LABELS[stage.type]} stage <code>{stage.id}</code>
        {count ? ` · ${count.total === 1 ? '1 task' : `${count.total} tasks`}` : null}
      </p>
      <PanelInput
        label="Stage name"
        value={stage.name}
        maxLength={WORKFLOW_LIMITS.nameLength}
        autoComplete="off"
        issues={fieldIssues('name')}
        onChange={(e) => onChange(updateStage(workflow, stage.id, (x) => ({ ...x, name: e.target.value })))}
      />
      {startable || stage.start ? (
        <PanelCheckbox
          label="Start stage"
          hint="New tasks enter the workflow here."
          checked={stage.start === true}
          issues={[...fieldIssues('start'), ...fieldIssues('type')]}
          onChange={(on) => onChange(setStart(workflow, stage.id, on))}
        />
      ) : null}

      {outcomesOf(stage.type).map((kind) => {
        const edge = workflow.edges.findIndex((e) => e.from === stage.id && e.kind === kind);
        const current = edge >= 0 ? workflow.edges[edge]!.to : '';
        const missing = missingEdgeIssues(issues, stage.id, kind);
        for (const i of missing) shownElsewhere.add(i);
        return (
          <PanelSelect
            key={kind}
            label={thenGoToLabel(kind)}
            value={current}
            issues={[...missing, ...(edge >= 0 ? edgeIssues(issues, edge) : [])]}
            onChange={(e) => onChange(setOutcomeEdge(workflow, stage.id, kind, e.target.value))}
          >
            <option value="">{NOT_CONNECTED}</option>
            {targets.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name.trim() || t.id}
              </option>
            ))}
          </PanelSelect>
        );
      })}

      {stage.type === 'router' ? (
        <RouterBranches
          workflow={workflow}
          stage={stage}
          issues={issues}
          readOnly={readOnly}
          onChange={onChange}
          shownElsewhere={shownElsewhere}
        />
      ) : null}

      {allowed.includes('workers') ? (
        <Workers
          workflow={workflow}
          stage={stage}
          issues={fieldIssues('settings.workers')}
          readOnly={readOnly}
          onChange={onChange}
        />
      ) : null}
      {allowed.includes('annotatorCount') ? (
        <NumberInput
          label="Number of annotators"
          hint={`How many people label each task independently (${WORKFLOW_LIMITS.minAnnotators}–${WORKFLOW_LIMITS.maxAnnotators}).`}
          min={WORKFLOW_LIMITS.minAnnotators}
          max={WORKFLOW_LIMITS.maxAnnotators}
          value={s.annotatorCount}
          issues={fieldIssues('settings.annotatorCount')}
          onChange={(v) => setting('annotatorCount', v)}
        />
      ) : null}
      {allowed.includes('minimumToProceed') ? (
        <NumberInput
          label="Minimum to proceed"
          hint="Once the deadline has passed, how many labels must be in for the task to move on (empty: all)."
          min={1}
          max={s.annotatorCount}
          value={s.minimumToProceed}
          issues={fieldIssues('settings.minimumToProceed')}
          onChange={(v) => setting('minimumToProceed', v)}
        />
      ) : null}
      {allowed.includes('deadlineHours') ? (
        <NumberInput
          label="Deadline (hours)"
          hint="After this long in the stage the task moves on with the labels that are in, if the minimum is met (empty: wait for all)."
          min={WORKFLOW_LIMITS.minDeadlineHours}
          max={WORKFLOW_LIMITS.maxDeadlineHours}
          value={s.deadlineHours}
          issues={fieldIssues('settings.deadlineHours')}
          onChange={(v) => setting('deadlineHours', v)}
        />
      ) : null}
      {allowed.includes('autoAcceptThreshold') ? (
        <NumberInput
          label="Auto-accept at agreement"
          hint="Tasks whose agreement score (0–1) reaches this are accepted with the consensus labels and skip consensus review (empty: review every task)."
          min={0}
          max={1}
          step={0.05}
          value={s.autoAcceptThreshold}
          issues={fieldIssues('settings.autoAcceptThreshold')}
          onChange={(v) => setting('autoAcceptThreshold', v)}
        />
      ) : null}
      {allowed.includes('consensusGeometry') ? (
        <PanelSelect
          label="Consensus geometry"
          value={s.consensusGeometry ?? 'best'}
          issues={fieldIssues('settings.consensusGeometry')}
          onChange={(e) => setting('consensusGeometry', e.target.value === 'mean' ? 'mean' : undefined)}
        >
          <option value="best">The best-agreeing annotator’s shape</option>
          <option value="mean">The mean of the annotators’ shapes</option>
        </PanelSelect>
      ) : null}
      {allowed.includes('sampleRate') ? (
        <NumberInput
          label="Review sample rate (%)"
          hint="The share of tasks reviewed; the rest pass as approved (empty: 100)."
          min={0}
          max={100}
          placeholder="100"
          value={s.sampleRate}
          issues={fieldIssues('settings.sampleRate')}
          onChange={(v) => setting('sampleRate', v)}
        />
      ) : null}
      {allowed.includes('leaseMinutes') ? (
        <NumberInput
          label="Lease (minutes)"
          hint={`A claimed task returns to the pool after this long without activity (empty: ${DEFAULT_LEASE_MINUTES}).`}
          min={WORKFLOW_LIMITS.minLeaseMinutes}
          max={WORKFLOW_LIMITS.maxLeaseMinutes}
          placeholder={String(DEFAULT_LEASE_MINUTES)}
          value={s.leaseMinutes}
          issues={fieldIssues('settings.leaseMinutes')}
          onChange={(v) => setting('leaseMinutes', v)}
        />
      ) : null}
      {allowed.includes('hideUnassignedTasks') ? (
        <PanelCheckbox
          label="Hide unassigned tasks"
          hint="Workers see only tasks assigned to them."
          checked={s.hideUnassignedTasks === true}
          issues={fieldIssues('settings.hideUnassignedTasks')}
          onChange={(on) => setting('hideUnassignedTasks', on || undefined)}
        />
      ) : null}
      {allowed.includes('allowReassessment') ? (
        <PanelCheckbox
          label="Allow reassessment"
          hint="Someone who worked a task in an earlier stage may be served it here."
          checked={s.allowReassessment === true}
          issues={fieldIssues('settings.allowReassessment')}
          onChange={(on) => setting('allowReassessment', on || undefined)}
        />
      ) : null}
      {allowed.includes('allowReviewerEdits') ? (
        <PanelCheckbox
          label="Reviewers may edit labels"
          hint="Whoever holds a task here may fix its labels (saved as their revision), not only approve or reject them."
          checked={s.allowReviewerEdits === true}
          issues={fieldIssues('settings.allowReviewerEdits')}
          onChange={(on) => setting('allowReviewerEdits', on || undefined)}
        />
      ) : null}
      {allowed.includes('reviewOwnWork') ? (
        <PanelCheckbox
          label="Annotators may review their own work"
          hint="Off: people who submitted a task in an earlier stage are not served it here, and their decisions on it are refused."
          checked={s.reviewOwnWork === true}
          issues={fieldIssues('settings.reviewOwnWork')}
          onChange={(on) => setting('reviewOwnWork', on || undefined)}
        />
      ) : null}
      <StageLevelIssues workflow={workflow} stage={stage} issues={issues} shownElsewhere={shownElsewhere} />
      {!readOnly ? (
        <div className="wf-panel-actions">
          <ConfirmButton
            label="Delete stage"
            question={
              count && count.total > 0
                ? `Delete this stage? Its ${count.total} tasks must go to another stage when you save.`
                : 'Delete this stage and its connections?'
            }
            confirmLabel="Delete"
            danger
            onConfirm={() => {
              onChange(removeStage(workflow, stage.id));
              onDeleted();
            }}
          />
        </div>
      ) : null}
    </fieldset>
  );
}

/** Issues on the stage as a whole (no path into one of its fields), listed at the panel's foot. */
function StageLevelIssues({
  workflow,
  stage,
  issues,
  shownElsewhere,
}: {
  workflow: Workflow;
  stage: Stage;
  issues: readonly WorkflowIssue[];
  shownElsewhere: Set<WorkflowIssue>;
}) {
  const index = workflow.stages.indexOf(stage);
  const own = issues.filter(
    (i) =>
      i.stageId === stage.id &&
      !shownElsewhere.has(i) &&
      (i.path === `stages[${index}]` || i.path === 'edges' || i.path === undefined),
  );
  if (own.length === 0) return null;
  return (
    <div className="wf-stage-issues">
      <IssueList issues={own} />
    </div>
  );
}

function Workers({
  workflow,
  stage,
  issues,
  readOnly,
  onChange,
}: {
  workflow: Workflow;
  stage: Stage;
  issues: readonly WorkflowIssue[];
  readOnly: boolean;
  onChange: (w: Workflow) => void;
}) {
  const name = useId();
  const workers = stage.settings.workers ?? { mode: 'all' as const };
  const everyone = REVIEW_STAGE_TYPES.includes(stage.type)
    ? 'All project reviewers'
    : 'All project annotators';
  const set = (value: StageSettings['workers']) => onChange(setSetting(workflow, stage.id, 'workers', value));
  return (
    <fieldset className="wf-workers">
      <legend>Who works here</legend>
      <p className="field-hint">Project Admins and Team Managers always may.</p>
      <div className="radio-row">
        <label className="check">
          <input type="radio" name={name} checked={workers.mode === 'all'} onChange={() => set(undefined)} />
          {everyone}
        </label>
        <label className="check">
          <input
            type="radio"
            name={name}
            checked={workers.mode === 'selected'}
            onChange={() => set({ mode: 'selected', userIds: [], groupIds: [] })}
          />
          Selected users and groups
        </label>
      </div>
      <IssueList issues={issues} />
      {workers.mode === 'selected' ? (
        <PrincipalList
          value={workers}
          readOnly={readOnly}
          emptyText="No one selected yet."
          addLabel="Add worker"
          onChange={(v) => set({ mode: 'selected', ...v })}
        />
      ) : null}
    </fieldset>
  );
}

const BRANCH_KIND_LABELS: Record<RouterBranch['kind'], string> = {
  percentage: 'Percentage',
  collaborator: 'Collaborator',
  otherwise: 'Otherwise',
};

function RouterBranches({
  workflow,
  stage,
  issues,
  readOnly,
  onChange,
  shownElsewhere,
}: {
  workflow: Workflow;
  stage: Stage;
  issues: readonly WorkflowIssue[];
  readOnly: boolean;
  onChange: (w: Workflow) => void;
  shownElsewhere: Set<WorkflowIssue>;
}) {
  const branches = branchesOf(workflow, stage.id);
  const targets = workflow.stages.filter((s) => s.id !== stage.id);
  return (
    <fieldset className="wf-branches">
      <legend>Branches</legend>
      <p className="field-hint">
        Collaborator branches are tried first, then percentages; “otherwise” takes the rest.
      </p>
      {branches.length === 0 ? <p className="muted">No branches yet.</p> : null}
      <ol className="wf-branch-list">
        {branches.map(({ edge, index }, n) => {
          const label = `Branch ${n + 1}`;
          const own = edgeIssues(issues, index);
          for (const i of own) shownElsewhere.add(i);
          const b = edge.branch;
          return (
            <li key={index} className="wf-branch">
              <p className="wf-branch-kind">
                {label}: {BRANCH_KIND_LABELS[b.kind]}
              </p>
              <PanelSelect
                label={`${label} goes to`}
                value={edge.to}
                onChange={(e) => onChange(updateEdge(workflow, index, (x) => ({ ...x, to: e.target.value })))}
              >
                <option value="">{NOT_CONNECTED}</option>
                {targets.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name.trim() || t.id}
                  </option>
                ))}
              </PanelSelect>
              {b.kind === 'percentage' ? (
                <NumberInput
                  label={`${label} percent`}
                  min={1}
                  max={100}
                  value={Number.isNaN(b.percent) ? undefined : b.percent}
                  onChange={(v) =>
                    onChange(
                      updateEdge(workflow, index, () => ({
                        ...edge,
                        branch: { kind: 'percentage', percent: v ?? 0 },
                      })),
                    )
                  }
                />
              ) : null}
              {b.kind === 'collaborator' ? (
                <PrincipalList
                  value={b}
                  readOnly={readOnly}
                  emptyText="No collaborators named yet."
                  addLabel="Add collaborator"
                  onChange={(v) =>
                    onChange(
                      updateEdge(workflow, index, () => ({
                        ...edge,
                        branch: { kind: 'collaborator', ...v },
                      })),
                    )
                  }
                />
              ) : null}
              <IssueList issues={own} />
              {!readOnly ? (
                <button
                  type="button"
                  className="btn btn-small btn-ghost"
                  onClick={() => onChange(removeEdge(workflow, index))}
                >
                  Remove {label.toLowerCase()}
                </button>
              ) : null}
            </li>
          );
        })}
      </ol>
      {!readOnly ? (
        <div className="wf-branch-add">
          <button
            type="button"
            className="btn btn-small"
            onClick={() => onChange(addBranch(workflow, stage.id, { kind: 'percentage', percent: 10 }))}
          >
            Add percentage branch
          </button>
          <button
            type="button"
            className="btn btn-small"
            onClick={() =>
              onChange(addBranch(workflow, stage.id, { kind: 'collaborator', userIds: [], groupIds: [] }))
            }
          >
            Add collaborator branch
          </button>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => onChange(addBranch(workflow, stage.id, { kind: 'otherwise' }))}
          >
            Add otherwise branch
          </button>
        </div>
      ) : null}
    </fieldset>
  );
}
