import {
  emptyLabels,
  type LabelDocument,
  type LabelIssue,
  labelIssueText,
  migrateLabels,
  validateLabels,
} from '../../../core/labels/index.ts';
import { migrateOntologyDocument, type OntologyDocument } from '../../../core/ontology/index.ts';
import type { Stage } from '../../../core/workflow/index.ts';
import type { Executor } from '../../db/database.ts';
import { AppError } from '../../http/errors.ts';
import { headRevision } from './queries.ts';

// What the rest of the server needs to know of a task's labels — which branch a worker is on,
// the project's ontology, a branch's current document, and whether it may be handed on — without
// the labels routes (which build on the queue's task access).

export const MAIN_BRANCH = 'main';
export const annotatorBranch = (userId: string) => `annotator:${userId}`;

/** The branch a worker labels on in a stage: their own in consensus stages, else main. */
export const branchFor = (stageType: Stage['type'], userId: string) =>
  stageType === 'consensus' ? annotatorBranch(userId) : MAIN_BRANCH;

const parsedOntologies = new Map<string, OntologyDocument>();

/** The ontology version the project labels with (versions never change, so parsed ones are kept). */
export async function projectOntology(db: Executor, projectId: string): Promise<OntologyDocument | null> {
  const row = await db
    .selectFrom('projects')
    .innerJoin('ontology_versions as v', (j) =>
      j
        .onRef('v.ontology_id', '=', 'projects.ontology_id')
        .onRef('v.version', '=', 'projects.ontology_version'),
    )
    .select(['v.ontology_id', 'v.version', 'v.schema'])
    .where('projects.id', '=', projectId)
    .executeTakeFirst();
  if (!row) return null;
  const key = `${row.ontology_id}:${row.version}`;
  let ontology = parsedOntologies.get(key);
  if (!ontology) {
    ontology = migrateOntologyDocument(JSON.parse(row.schema));
    if (parsedOntologies.size >= 200) parsedOntologies.delete(parsedOntologies.keys().next().value!);
    parsedOntologies.set(key, ontology);
  }
  return ontology;
}

/** A stored document, brought up to the current format. */
export const storedDocument = (text: string) => migrateLabels(JSON.parse(text)) as unknown as LabelDocument;

/** The issues as the API reports them: paths from the request body's `document`. */
export const documentIssues = (issues: readonly LabelIssue[]) =>
  issues.map((i) => ({ ...i, path: `document.${i.path}` }));

const moreText = (n: number) => (n > 0 ? ` (and ${n} more problem${n > 1 ? 's' : ''})` : '');

/**
 * Refuses to hand on labels that are incomplete against the project's ontology (required answers
 * and objects; see validateLabels' submit mode): 409 labels_incomplete naming the first gap.
 * Projects without an ontology have nothing to check.
 */
export async function requireSubmittable(db: Executor, projectId: string, taskId: string, branch: string) {
  const ontology = await projectOntology(db, projectId);
  if (!ontology) return;
  const head = await headRevision(db, taskId, branch);
  const document = head ? storedDocument(head.document) : emptyLabels();
  const checked = validateLabels(document, ontology, { mode: 'submit' });
  if (checked.ok) return;
  throw new AppError(
    409,
    'labels_incomplete',
    `The labels are not complete yet: ${labelIssueText(checked.issues[0]!)}${moreText(checked.issues.length - 1)}.`,
    undefined,
    { issues: documentIssues(checked.issues) },
  );
}
