import type { z } from 'zod';
import {
  type ObjectFeature,
  ONTOLOGY_LIMITS,
  type OntologyDocument,
  OntologyDocumentSchema,
  type Question,
  RESERVED_SHAPES,
  SHAPE_LABELS,
} from './format.ts';

/** One problem, at a path such as `objects[2].attributes[0].options`. */
export interface OntologyIssue {
  path: string;
  message: string;
}

export type OntologyValidation =
  | { ok: true; document: OntologyDocument; issues: []; warnings: OntologyIssue[] }
  | { ok: false; issues: OntologyIssue[]; warnings: OntologyIssue[] };

/** `['objects', 2, 'name']` → `objects[2].name`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

export const issueText = (issue: OntologyIssue) =>
  issue.path ? `${issue.path}: ${issue.message}` : issue.message;

const zodIssues = (error: z.ZodError): OntologyIssue[] =>
  error.issues.map((i) => {
    const keys = i.code === 'unrecognized_keys' ? i.keys : [];
    const path = keys.length > 0 ? [...i.path, keys[0]!] : i.path;
    const message = keys.length > 0 ? 'is not a field of the ontology format' : i.message;
    return { path: formatPath(path), message };
  });

const keyOf = (s: string) => s.trim().toLowerCase();

/**
 * Checks a document: its structure first, then the rules across fields (unique feature ids and
 * names, options where the kind needs them, skeletons, hotkeys, size). Every problem is reported
 * with its path, so an editor can show it next to the field.
 */
export function validateOntology(input: unknown): OntologyValidation {
  const parsed = OntologyDocumentSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error), warnings: [] };
  const doc = parsed.data;
  const issues: OntologyIssue[] = [];
  const warnings: OntologyIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });

  const featureIds = new Map<string, string>();
  const claimId = (id: string, path: string) => {
    const first = featureIds.get(id);
    if (first !== undefined) add(`${path}.featureId`, `repeats the feature id ${id} of ${first}`);
    else featureIds.set(id, path);
  };

  const checkQuestions = (questions: Question[], base: string, isAttribute: boolean, level: number) => {
    const names = new Set<string>();
    questions.forEach((q, i) => {
      const path = `${base}[${i}]`;
      claimId(q.featureId, path);
      if (!q.name.trim()) add(`${path}.name`, 'must not be empty');
      else if (names.has(keyOf(q.name))) add(`${path}.name`, `repeats the question “${q.name.trim()}”`);
      names.add(keyOf(q.name));
      if (q.dynamic && !isAttribute) add(`${path}.dynamic`, 'only object attributes can be dynamic');
      const options = q.options ?? [];
      if (q.kind === 'text') {
        if (options.length > 0) add(`${path}.options`, 'a text question has no options');
      } else if (options.length === 0) {
        add(`${path}.options`, 'must have at least one option');
      }
      const labels = new Set<string>();
      options.forEach((o, j) => {
        const optionPath = `${path}.options[${j}]`;
        claimId(o.featureId, optionPath);
        if (!o.label.trim()) add(`${optionPath}.label`, 'must not be empty');
        else if (labels.has(keyOf(o.label)))
          add(`${optionPath}.label`, `repeats the option “${o.label.trim()}”`);
        labels.add(keyOf(o.label));
        if (o.questions) checkQuestions(o.questions, `${optionPath}.questions`, isAttribute, level + 1);
      });
    });
  };

  const objectNames = new Set<string>();
  const hotkeys = new Map<string, number>();
  doc.objects.forEach((o, i) => {
    const path = `objects[${i}]`;
    claimId(o.featureId, path);
    if (!o.name.trim()) add(`${path}.name`, 'must not be empty');
    else if (objectNames.has(keyOf(o.name))) add(`${path}.name`, `repeats the object “${o.name.trim()}”`);
    objectNames.add(keyOf(o.name));
    if (o.hotkey !== undefined) {
      const hotkey = hotkeyProblem(o.hotkey);
      if (hotkey) add(`${path}.hotkey`, hotkey);
      else {
        const other = hotkeys.get(o.hotkey.toLowerCase());
        if (other !== undefined) add(`${path}.hotkey`, `is already the hotkey of objects[${other}]`);
        else hotkeys.set(o.hotkey.toLowerCase(), i);
      }
    }
    checkSkeleton(o, path, add);
    if (RESERVED_SHAPES.includes(o.shape)) {
      warnings.push({
        path: `${path}.shape`,
        message: `${SHAPE_LABELS[o.shape]} is reserved: no tool draws it yet`,
      });
    }
    checkQuestions(o.attributes, `${path}.attributes`, true, 1);
  });
  checkQuestions(doc.classifications, 'classifications', false, 1);

  if (featureIds.size > ONTOLOGY_LIMITS.features) {
    add('', `has ${featureIds.size} features; at most ${ONTOLOGY_LIMITS.features} are allowed`);
  }
  return issues.length > 0
    ? { ok: false, issues, warnings }
    : { ok: true, document: doc, issues: [], warnings };
}

/** A hotkey is one visible character (a letter, digit or punctuation), or null when it is one. */
export function hotkeyProblem(hotkey: string): string | null {
  if ([...hotkey].length !== 1) return 'must be a single key';
  if (!/^[\p{L}\p{N}\p{P}\p{S}]$/u.test(hotkey)) return 'must be a letter, digit or symbol';
  return null;
}

function checkSkeleton(o: ObjectFeature, path: string, add: (path: string, message: string) => void) {
  if (o.shape !== 'keypoint_skeleton') {
    if (o.skeleton) add(`${path}.skeleton`, 'only keypoint skeletons have a skeleton');
    return;
  }
  if (!o.skeleton) {
    add(`${path}.skeleton`, 'a keypoint skeleton needs its points');
    return;
  }
  const { points, edges } = o.skeleton;
  if (points.length === 0) add(`${path}.skeleton.points`, 'must have at least one point');
  const ids = new Set<string>();
  const names = new Set<string>();
  points.forEach((p, i) => {
    const at = `${path}.skeleton.points[${i}]`;
    if (ids.has(p.id)) add(`${at}.id`, `repeats the point id ${p.id}`);
    ids.add(p.id);
    if (!p.name.trim()) add(`${at}.name`, 'must not be empty');
    else if (names.has(keyOf(p.name))) add(`${at}.name`, `repeats the point “${p.name.trim()}”`);
    names.add(keyOf(p.name));
  });
  const seen = new Set<string>();
  edges.forEach(([a, b], i) => {
    const at = `${path}.skeleton.edges[${i}]`;
    if (!ids.has(a) || !ids.has(b)) {
      add(at, `refers to a point that does not exist (${[a, b].filter((x) => !ids.has(x)).join(', ')})`);
      return;
    }
    if (a === b) {
      add(at, 'connects a point to itself');
      return;
    }
    const key = [a, b].sort().join('\u0001');
    if (seen.has(key)) add(at, 'repeats an edge');
    seen.add(key);
  });
}

/** Issues at `path` or inside it, for showing next to one field or one tree node. */
export const issuesAt = (issues: readonly OntologyIssue[], path: string) =>
  issues.filter((i) => i.path === path || i.path.startsWith(`${path}.`) || i.path.startsWith(`${path}[`));

/** Issues exactly at `path`. */
export const issuesOn = (issues: readonly OntologyIssue[], path: string) =>
  issues.filter((i) => i.path === path);
