import { BUILT_IN_TEMPLATES, type Workflow, WorkflowSchema } from '../../../core/workflow/index.ts';
import type { Executor } from '../../db/database.ts';
import { nowIso } from '../../db/ids.ts';

// A project's workflow versions. The project row names the current version; older versions stay
// readable (the history of how the project's workflow changed).

export interface ProjectWorkflow {
  projectId: string;
  version: number;
  workflow: Workflow;
  templateId: string | null;
  note: string;
  createdBy: string | null;
  createdAt: string;
}

export function parseWorkflow(json: string): Workflow {
  return WorkflowSchema.parse(JSON.parse(json));
}

// A stored version never changes, so its parsed document can be kept: every claim reads the
// workflow, and parsing it each time was a large share of a claim's time. Bounded, oldest out.
const parsedVersions = new Map<string, Workflow>();
const PARSED_VERSIONS_KEPT = 1000;

/** The workflow of one stored version, parsed once per process. */
export async function workflowAt(
  db: Executor,
  projectId: string,
  version: number,
): Promise<Workflow | undefined> {
  const key = `${projectId}:${version}`;
  const kept = parsedVersions.get(key);
  if (kept) return kept;
  const row = await db
    .selectFrom('project_workflows')
    .select('definition')
    .where('project_id', '=', projectId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) return undefined;
  const workflow = parseWorkflow(row.definition);
  if (parsedVersions.size >= PARSED_VERSIONS_KEPT) parsedVersions.delete(parsedVersions.keys().next().value!);
  parsedVersions.set(key, workflow);
  return workflow;
}

export async function findWorkflowVersion(
  db: Executor,
  projectId: string,
  version: number,
): Promise<ProjectWorkflow | undefined> {
  const row = await db
    .selectFrom('project_workflows')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    projectId: row.project_id,
    version: row.version,
    workflow: parseWorkflow(row.definition),
    templateId: row.template_id,
    note: row.note,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

/** The project's current workflow. Every project has one (created with the project). */
export async function currentWorkflow(db: Executor, projectId: string): Promise<ProjectWorkflow> {
  const project = await db
    .selectFrom('projects')
    .select('workflow_version')
    .where('id', '=', projectId)
    .executeTakeFirstOrThrow();
  const found = await findWorkflowVersion(db, projectId, project.workflow_version);
  if (!found) throw new Error(`project ${projectId} has no workflow version ${project.workflow_version}`);
  return found;
}

/** Stores `workflow` as the project's next version and makes it current. Call inside a transaction. */
export async function addWorkflowVersion(
  trx: Executor,
  input: {
    projectId: string;
    workflow: Workflow;
    templateId?: string | null;
    note?: string;
    createdBy: string | null;
  },
  now: number,
): Promise<number> {
  const last = await trx
    .selectFrom('project_workflows')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('project_id', '=', input.projectId)
    .executeTakeFirst();
  const version = Number(last?.v ?? 0) + 1;
  await trx
    .insertInto('project_workflows')
    .values({
      project_id: input.projectId,
      version,
      definition: JSON.stringify(input.workflow),
      template_id: input.templateId ?? null,
      note: input.note ?? '',
      created_by: input.createdBy,
      created_at: nowIso(now),
    })
    .execute();
  await trx
    .updateTable('projects')
    .set({ workflow_version: version })
    .where('id', '=', input.projectId)
    .execute();
  return version;
}

/** What a project gets when its creator names no workflow: Annotate → Review → Complete. */
export function defaultWorkflowTemplate(): { id: string; workflow: Workflow } {
  const t = BUILT_IN_TEMPLATES.find((b) => b.key === 'annotate_review')!;
  return { id: `builtin:${t.key}`, workflow: t.workflow };
}

/** Version 1 of a new project's workflow (the project row already says version 1). */
export async function insertFirstWorkflow(
  trx: Executor,
  input: { projectId: string; workflow: Workflow; templateId: string | null; createdBy: string | null },
  now: number,
) {
  await trx
    .insertInto('project_workflows')
    .values({
      project_id: input.projectId,
      version: 1,
      definition: JSON.stringify(input.workflow),
      template_id: input.templateId,
      note: '',
      created_by: input.createdBy,
      created_at: nowIso(now),
    })
    .execute();
}
