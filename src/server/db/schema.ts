import type { Generated, Insertable, Selectable } from 'kysely';
import type { Metric } from '../../core/analytics/metrics.ts';
import type { ProjectRole, ProjectStatus, SharedResourceRole, WorkspaceRole } from '../../core/roles.ts';

// Portable column conventions (the same on SQLite and PostgreSQL):
// ids are UUIDv7 text, times are ISO-8601 UTC text (they sort as strings), JSON is text,
// and every row a user can edit carries an integer `revision` for optimistic concurrency.

export interface WorkspaceTable {
  id: number;
  name: string;
  created_at: string;
  revision: number;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: WorkspaceRole;
  status: 'active' | 'deactivated';
  password_hash: string | null;
  invited_by: string | null;
  created_at: string;
  updated_at: string;
  deactivated_at: string | null;
  last_login_at: string | null;
  revision: number;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiKeysTable {
  id: string;
  user_id: string;
  name: string;
  secret_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface InvitesTable {
  id: string;
  email: string;
  role: WorkspaceRole;
  token_hash: string;
  invited_by: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  accepted_user_id: string | null;
  revoked_at: string | null;
}

export interface GroupsTable {
  id: string;
  name: string;
  name_key: string;
  description: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  revision: number;
}

export interface WorkflowTemplatesTable {
  id: string;
  name: string;
  name_key: string;
  description: string;
  /** The workflow document as JSON (src/core/workflow/format.ts). */
  definition: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  revision: number;
}

export interface GroupMembersTable {
  group_id: string;
  user_id: string;
  added_at: string;
}

export type GroupManagersTable = GroupMembersTable;

export interface AuditLogTable {
  id: string;
  at: string;
  actor_id: string | null;
  actor_kind: 'user' | 'system' | 'anonymous';
  api_key_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  ip: string | null;
  request_id: string | null;
  before: string | null;
  after: string | null;
}

export interface RateLimitsTable {
  key: string;
  window_start: string;
  count: number;
}

export interface DatasetsTable {
  id: string;
  name: string;
  description: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  revision: number;
}

/** A role on a dataset, ontology or project, held by a user or by every member of a group. */
export interface AccessTable<Role extends string> {
  principal_type: 'user' | 'group';
  principal_id: string;
  role: Role;
  added_at: string;
  added_by: string | null;
}

export type DataUnitKind = 'image' | 'image_group' | 'video' | 'text';

export interface DataUnitsTable {
  id: string;
  dataset_id: string;
  kind: DataUnitKind;
  title: string;
  source: 'upload' | 'import' | 'manifest';
  storage_key: string | null;
  external_url: string | null;
  mime_type: string | null;
  size_bytes: number | null;
  width: number | null;
  height: number | null;
  duration_ms: number | null;
  fps: number | null;
  frame_count: number | null;
  thumbnail_key: string | null;
  /** JSON object, as text. */
  metadata: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  revision: number;
}

export interface DataUnitItemsTable {
  unit_id: string;
  position: number;
  storage_key: string | null;
  external_url: string | null;
  mime_type: string | null;
  size_bytes: number | null;
  width: number | null;
  height: number | null;
  thumbnail_key: string | null;
}

export interface OntologiesTable {
  id: string;
  name: string;
  description: string;
  current_version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  revision: number;
}

export interface OntologyVersionsTable {
  ontology_id: string;
  version: number;
  /** The ontology document (src/core/ontology), JSON as text. */
  schema: string;
  created_by: string | null;
  created_at: string;
}

export interface ProjectsTable {
  id: string;
  name: string;
  description: string;
  status: ProjectStatus;
  status_reason: string | null;
  status_changed_at: string;
  ontology_id: string | null;
  ontology_version: number | null;
  /** The current version in project_workflows. */
  workflow_version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  revision: number;
}

export interface ProjectTagsTable {
  project_id: string;
  tag: string;
}

export interface ProjectDatasetsTable {
  project_id: string;
  dataset_id: string;
  attached_at: string;
}

export interface TasksTable {
  id: string;
  project_id: string;
  data_unit_id: string;
  created_at: string;
  /** The workflow stage the task sits in (a stage id of the project's current workflow). */
  stage_id: string | null;
  status: Generated<string>;
  priority: Generated<number>;
  /** Who holds the task (single-holder stages; consensus holders are in task_holds). */
  assignee_id: string | null;
  /** 1 when the holder was named (by a manager or the workflow): the lease lapsing keeps them. */
  pinned: Generated<number>;
  lease_expires_at: string | null;
  stage_entered_at: string | null;
  updated_at: string | null;
  revision: Generated<number>;
  /** Set on a gold task served to one annotator (screening, monitoring): out of lists, exports, review. */
  gold_task_id: string | null;
}

export interface ProjectWorkflowsTable {
  project_id: string;
  version: number;
  /** The workflow document as JSON (src/core/workflow/format.ts). */
  definition: string;
  template_id: string | null;
  note: Generated<string>;
  created_by: string | null;
  created_at: string;
}

export interface TaskHoldsTable {
  task_id: string;
  user_id: string;
  stage_id: string;
  state: 'active' | 'submitted';
  pinned: Generated<number>;
  lease_expires_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface TaskSkipsTable {
  task_id: string;
  user_id: string;
  stage_id: string;
  reason: Generated<string>;
  skipped_at: string;
}

export interface TaskWorkersTable {
  task_id: string;
  user_id: string;
  stage_id: string;
  stage_type: string;
  worked_at: string;
}

export interface LabelRevisionsTable {
  task_id: string;
  /** `main`, or `annotator:<user id>` in consensus stages. */
  branch: string;
  revision: number;
  base_revision: number | null;
  format_version: number;
  /** The label document (src/core/labels), JSON as text. */
  document: string;
  /** Null for a model's pre-labels (then `model_name`). */
  author_id: string | null;
  model_name: string | null;
  /** JSON: what changed from the base revision. */
  changes: string;
  created_at: string;
}

/** What a consensus stage measured when it closed on a task (migration 0011). */
export interface ConsensusRoundsTable {
  id: string;
  project_id: string;
  task_id: string;
  stage_id: string;
  closed_at: string;
  closed_by: 'all_in' | 'deadline';
  /** JSON [{annotatorId, branch, revision}]. */
  branches: string;
  score: number;
  /** JSON TaskAgreement (src/core/consensus). */
  agreement: string;
  state: 'accepted' | 'review' | 'resolved';
  /** 1 on the task's newest round. */
  latest: number;
  consensus_revision: number;
  resolved_at: string | null;
  resolved_by: string | null;
  /** JSON ConsensusResolution. */
  resolution: string | null;
}

export interface ConsensusScoresTable {
  round_id: string;
  project_id: string;
  stage_id: string;
  user_id: string;
  latest: number;
  agreement: number;
  resolved_agreement: number | null;
  won: number | null;
  overruled: number | null;
}

export interface GoldSetsTable {
  id: string;
  project_id: string;
  name: string;
  description: Generated<string>;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  revision: Generated<number>;
}

export interface GoldTasksTable {
  id: string;
  gold_set_id: string;
  data_unit_id: string;
  source_task_id: string | null;
  source_revision: number | null;
  /** JSON LabelDocument: the reference labels. */
  document: string;
  created_by: string | null;
  created_at: string;
}

export interface BenchmarkSettingsTable {
  project_id: string;
  /** JSON ScoringConfigInput (src/core/benchmark). */
  scoring: string;
  /** JSON ScreeningSettings, null when the project screens nobody. */
  screening: string | null;
  /** JSON MonitoringSettings, null when no gold tasks are mixed in. */
  monitoring: string | null;
  revision: number;
  updated_by: string | null;
  updated_at: string;
}

export interface ScreeningAttemptsTable {
  id: string;
  project_id: string;
  user_id: string;
  number: number;
  gold_set_id: string;
  task_count: number;
  pass_threshold: number;
  state: 'in_progress' | 'passed' | 'failed';
  mean_score: number | null;
  started_at: string;
  finished_at: string | null;
}

export interface GoldServingsTable {
  task_id: string;
  project_id: string;
  user_id: string;
  gold_task_id: string | null;
  purpose: 'screening' | 'monitoring';
  attempt_id: string | null;
  stage_id: string;
  /** 1: the annotator sees their labels against the gold after submitting (training). */
  feedback: number;
  served_at: string;
}

export interface BenchmarkScoresTable {
  id: string;
  project_id: string;
  user_id: string;
  task_id: string;
  gold_task_id: string | null;
  gold_set_id: string;
  purpose: 'screening' | 'monitoring';
  attempt_id: string | null;
  stage_id: string;
  score: number;
  /** JSON TaskScore. */
  result: string;
  /** JSON LabelDocument: the gold as scored against. */
  gold: string;
  /** JSON LabelDocument: what the annotator submitted. */
  submitted: string;
  scored_at: string;
}

/** A moment of someone's work as the editor measured it (epoch ms), disjoint per user. */
export interface ActivitySpansTable {
  id: string;
  user_id: string;
  project_id: string;
  task_id: string;
  stage_id: string;
  start_ms: number;
  end_ms: number;
}

export interface TaskTimeTable {
  task_id: string;
  user_id: string;
  stage_id: string;
  project_id: string;
  active_ms: number;
  first_ms: number;
  last_ms: number;
}

export interface TimeByDayTable {
  project_id: string;
  /** YYYY-MM-DD (UTC). */
  day: string;
  user_id: string;
  stage_id: string;
  active_ms: number;
}

/** A label's review status; `label_id` is an object id, or `classification:<featureId>`. */
export interface LabelReviewsTable {
  task_id: string;
  label_id: string;
  status: 'new' | 'approved' | 'rejected' | 'resolved' | 'reopened';
  reviewer_id: string | null;
  reason: string | null;
  /** JSON array of tag names. */
  tags: Generated<string>;
  stage_id: string | null;
  /** The main branch's revision the decision was made on. */
  label_revision: number | null;
  decided_at: string | null;
  updated_at: string;
}

export interface IssuesTable {
  id: string;
  project_id: string;
  task_id: string;
  label_id: string | null;
  frame_start: number | null;
  frame_end: number | null;
  pin_x: number | null;
  pin_y: number | null;
  stage_id: string | null;
  body: string;
  /** JSON array of tag names. */
  tags: Generated<string>;
  author_id: string | null;
  assignee_id: string | null;
  status: 'open' | 'resolved';
  created_at: string;
  updated_at: string;
  resolved_at: string | null;
  resolved_by: string | null;
  revision: Generated<number>;
}

export interface IssueCommentsTable {
  id: string;
  issue_id: string;
  author_id: string | null;
  body: string;
  created_at: string;
}

export interface IssueMentionsTable {
  issue_id: string;
  user_id: string;
  created_at: string;
}

export interface ProjectIssueTagsTable {
  project_id: string;
  name: string;
  created_at: string;
}

/** Daily counters kept from the task events (core/analytics/metrics.ts); '' is "none". */
export interface MetricDaysTable {
  project_id: string;
  /** YYYY-MM-DD (UTC). */
  day: string;
  metric: string;
  user_id: string;
  stage_id: string;
  dataset_id: string;
  feature_id: string;
  n: number;
}

/** What the workspace report's counters hold: a column per metric, and active time. */
export type CountedColumns = Record<Metric, number> & { active_ms: number };

/** metric_days summed per calendar month (YYYY-MM). */
export type MetricMonthsTable = Omit<MetricDaysTable, 'day'> & { month: string };

/** metric_days summed per (day, project, person), with the person's active time there that day. */
export type PersonDaysTable = { day: string; project_id: string; user_id: string } & CountedColumns;

/** person_days summed per calendar month (YYYY-MM). */
export type PersonMonthsTable = { month: string; project_id: string; user_id: string } & CountedColumns;

/** person_days summed over the people. */
export type ProjectDaysTable = { day: string; project_id: string } & CountedColumns;

/** Active time per (day, person) over every project. */
export interface UserDaysTable {
  day: string;
  user_id: string;
  active_ms: number;
}

/** The days a person had active time in a calendar month (YYYY-MM). */
export interface UserMonthsTable {
  month: string;
  user_id: string;
  days_active: number;
}

/** A person with active time in a week (its Monday, YYYY-MM-DD). */
export interface UserWeeksTable {
  week: string;
  user_id: string;
}

/** Tasks waiting in each stage (not completed), as last counted on a day. */
export interface QueueDepthTable {
  project_id: string;
  day: string;
  stage_id: string;
  depth: number;
  counted_at: string;
}

export interface TaskEventsTable {
  id: string;
  project_id: string;
  task_id: string;
  kind: string;
  stage_id: string | null;
  to_stage_id: string | null;
  actor_id: string | null;
  subject_id: string | null;
  /** JSON object with the event's details. */
  data: Generated<string>;
  created_at: string;
}

export interface DB {
  workspace: WorkspaceTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  invites: InvitesTable;
  groups: GroupsTable;
  group_members: GroupMembersTable;
  group_managers: GroupManagersTable;
  audit_log: AuditLogTable;
  rate_limits: RateLimitsTable;
  datasets: DatasetsTable;
  dataset_access: AccessTable<SharedResourceRole> & { dataset_id: string };
  data_units: DataUnitsTable;
  data_unit_items: DataUnitItemsTable;
  ontologies: OntologiesTable;
  ontology_access: AccessTable<SharedResourceRole> & { ontology_id: string };
  ontology_versions: OntologyVersionsTable;
  projects: ProjectsTable;
  project_members: AccessTable<ProjectRole> & { project_id: string };
  project_tags: ProjectTagsTable;
  project_datasets: ProjectDatasetsTable;
  tasks: TasksTable;
  project_workflows: ProjectWorkflowsTable;
  task_holds: TaskHoldsTable;
  task_skips: TaskSkipsTable;
  task_workers: TaskWorkersTable;
  task_events: TaskEventsTable;
  label_revisions: LabelRevisionsTable;
  label_reviews: LabelReviewsTable;
  issues: IssuesTable;
  issue_comments: IssueCommentsTable;
  issue_mentions: IssueMentionsTable;
  project_issue_tags: ProjectIssueTagsTable;
  consensus_rounds: ConsensusRoundsTable;
  consensus_scores: ConsensusScoresTable;
  gold_sets: GoldSetsTable;
  gold_tasks: GoldTasksTable;
  benchmark_settings: BenchmarkSettingsTable;
  screening_attempts: ScreeningAttemptsTable;
  gold_servings: GoldServingsTable;
  activity_spans: ActivitySpansTable;
  task_time: TaskTimeTable;
  time_by_day: TimeByDayTable;
  metric_days: MetricDaysTable;
  metric_months: MetricMonthsTable;
  person_days: PersonDaysTable;
  person_months: PersonMonthsTable;
  project_days: ProjectDaysTable;
  user_days: UserDaysTable;
  user_months: UserMonthsTable;
  user_weeks: UserWeeksTable;
  queue_depth: QueueDepthTable;
  benchmark_scores: BenchmarkScoresTable;
  workflow_templates: WorkflowTemplatesTable;
}

export type UserRow = Selectable<UsersTable>;
export type GroupRow = Selectable<GroupsTable>;
export type WorkflowTemplateRow = Selectable<WorkflowTemplatesTable>;
export type InviteRow = Selectable<InvitesTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type NewAuditRow = Insertable<AuditLogTable>;
export type { Generated };
