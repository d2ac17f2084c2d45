import {
  diffLabels,
  type LabelDocument,
  LabelFormatError,
  labelIssueText,
  migrateLabels,
  validateLabels,
} from '../../../core/labels/index.ts';
import { type Executor, isUniqueViolation } from '../../db/database.ts';
import type { LabelRevisionsTable } from '../../db/schema.ts';
import { AppError, conflict, invalid, revisionConflict } from '../../http/errors.ts';
import { findDataUnit } from '../projects/queries.ts';
import { changesByFeature, stampAuthorship } from './authorship.ts';
import { documentIssues, projectOntology, storedDocument } from './heads.ts';
import { headRevision, insertRevision } from './queries.ts';

// Appending a revision to a branch: the checks every writer of labels goes through — a person
// saving in the editor, a consensus reviewer settling a task, a consensus stage keeping the
// labels its annotators agreed on.

export interface RevisionWrite {
  projectId: string;
  taskId: string;
  dataUnitId: string;
  branch: string;
  /** The revision the document was made from; null skips the check (the system writing). */
  baseRevision: number | null;
  document: unknown;
  /** A person (their id) or a model/system (its name). */
  author: { userId: string } | { model: string };
  /**
   * Objects the writer took over unchanged from elsewhere (another branch) keep who made them;
   * the branch's own head always counts.
   */
  known?: readonly LabelDocument[] | undefined;
  at: string;
}

function invalidLabels(issues: Parameters<typeof documentIssues>[0]) {
  const first = issues[0]!;
  const more =
    issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return new AppError(
    400,
    'invalid_labels',
    `document.${labelIssueText(first)}${more}`,
    `document.${first.path}`,
    { issues: documentIssues(issues) },
  );
}

/**
 * Checks `write.document` against the project's ontology (400 invalid_labels naming the object
 * and field) and against the branch's head (409 revision_conflict), then appends it. Returns the
 * stored row, the document as stored (authorship stamped) and what changed.
 */
export async function appendRevision(trx: Executor, write: RevisionWrite) {
  const ontology = await projectOntology(trx, write.projectId);
  if (!ontology) {
    throw conflict(
      'no_ontology',
      'This project has no ontology to label with yet; a project Admin picks one.',
    );
  }
  let incoming: unknown;
  try {
    incoming = migrateLabels(write.document);
  } catch (err) {
    if (err instanceof LabelFormatError) throw invalid('document', err.message);
    throw err;
  }
  const unit = await findDataUnit(trx, write.dataUnitId);
  const image =
    unit?.kind === 'image' && unit.width && unit.height
      ? { width: unit.width, height: unit.height }
      : undefined;
  const checked = validateLabels(incoming, ontology, { mode: 'save', ...(image ? { image } : {}) });
  if (!checked.ok) throw invalidLabels(checked.issues);

  const head = await headRevision(trx, write.taskId, write.branch);
  const current = head?.revision ?? 0;
  if (write.baseRevision !== null && write.baseRevision !== current) {
    throw revisionConflict('The labels of this task', current);
  }
  const base = head ? storedDocument(head.document) : null;
  const known: LabelDocument = {
    formatVersion: checked.document.formatVersion,
    classifications: [],
    objects: [...(write.known ?? []).flatMap((d) => d.objects), ...(base?.objects ?? [])],
  };
  const authorName = 'userId' in write.author ? write.author.userId : `model:${write.author.model}`;
  const document = stampAuthorship(known, checked.document, authorName, write.at);
  const changes = { ...diffLabels(base, document), ...changesByFeature(base, document) };
  const row: LabelRevisionsTable = {
    task_id: write.taskId,
    branch: write.branch,
    revision: current + 1,
    base_revision: head ? current : null,
    format_version: document.formatVersion,
    document: JSON.stringify(document),
    author_id: 'userId' in write.author ? write.author.userId : null,
    model_name: 'model' in write.author ? write.author.model : null,
    changes: JSON.stringify(changes),
    created_at: write.at,
  };
  try {
    await insertRevision(trx, row);
  } catch (err) {
    // PostgreSQL: a concurrent save from the same base got there first.
    if (isUniqueViolation(err)) throw revisionConflict('The labels of this task', current + 1);
    throw err;
  }
  return { row, document, changes };
}
