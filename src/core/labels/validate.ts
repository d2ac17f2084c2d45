import type { z } from 'zod';
import {
  type ObjectFeature,
  type OntologyDocument,
  type Question,
  type QuestionOption,
  SHAPE_LABELS,
} from '../ontology/format.ts';
import { formatPath } from '../ontology/validate.ts';
import type { Answer, Geometry, LabelDocument, LabelObject } from './format.ts';
import { LabelDocumentSchema } from './format.ts';
import { boundsOf, degeneracy } from './geometry.ts';

/** One problem, at a path such as `objects[3].geometry.points`; `objectId` names the object it is in. */
export interface LabelIssue {
  path: string;
  message: string;
  objectId?: string;
}

/**
 * save: a draft may be incomplete, so only what is wrong is refused.
 * submit: the labels are handed on, so what is missing is refused too.
 */
export type LabelCheckMode = 'save' | 'submit';

export type LabelValidation = { ok: true; document: LabelDocument } | { ok: false; issues: LabelIssue[] };

export interface LabelCheckOptions {
  mode: LabelCheckMode;
  /** The data unit's size; without it geometry is not checked against the image. */
  image?: { width: number; height: number };
}

/** How far past the image's edge geometry may reach: the centre of the edge pixels, where tools snap. */
const IMAGE_TOLERANCE = 0.5;

type Report = (path: string, message: string) => void;

interface Check {
  mode: LabelCheckMode;
  image: { width: number; height: number } | undefined;
  objectFeatures: Map<string, ObjectFeature>;
}

/** `objects[2].geometry.w: …` → `objects[2] (kT3x…): geometry.w: …`, so a reader can find the object. */
export const labelIssueText = (i: LabelIssue): string => {
  const object = /^objects\[\d+\]/.exec(i.path);
  if (i.objectId === undefined || !object) return i.path ? `${i.path}: ${i.message}` : i.message;
  const rest = i.path.slice(object[0].length).replace(/^\./, '');
  return `${object[0]} (${i.objectId}): ${rest ? `${rest}: ` : ''}${i.message}`;
};

const quoted = (name: string) => `“${name}”`;

/** The id of the object at `objects[n]` of the raw input, so structural issues name their object too. */
function rawObjectId(input: unknown, path: readonly PropertyKey[]): string | undefined {
  if (path[0] !== 'objects' || typeof path[1] !== 'number') return undefined;
  const objects = (input as { objects?: unknown }).objects;
  const object: unknown = Array.isArray(objects) ? objects[path[1]] : undefined;
  const id = object && typeof object === 'object' ? (object as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

function zodIssues(error: z.ZodError, input: unknown): LabelIssue[] {
  return error.issues.map((i) => {
    const keys = i.code === 'unrecognized_keys' ? i.keys : [];
    const path = keys.length > 0 ? [...i.path, keys[0]!] : i.path;
    const message = keys.length > 0 ? 'is not a field of the label format' : i.message;
    const objectId = rawObjectId(input, i.path);
    return objectId === undefined
      ? { path: formatPath(path), message }
      : { path: formatPath(path), message, objectId };
  });
}

/**
 * Checks a label document against the ontology it was made with. Structure first (types, keys,
 * sizes, finite coordinates); then, in both modes: unknown object, question and option features,
 * wrong shapes, degenerate geometry, geometry outside the image (when `image` is given), skeleton
 * keypoints, answers that do not fit their question, sub-answers under options not chosen,
 * duplicate answers and duplicate object ids. Archived features are allowed, so old labels stay
 * loadable. `submit` adds completeness: required questions answered at every level and required
 * objects present.
 */
export function validateLabels(
  input: unknown,
  ontology: OntologyDocument,
  opts: LabelCheckOptions,
): LabelValidation {
  const parsed = LabelDocumentSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error, input) };
  const doc = parsed.data;
  const issues: LabelIssue[] = [];
  const report: Report = (path, message) => issues.push({ path, message });
  const check: Check = {
    mode: opts.mode,
    image: opts.image,
    objectFeatures: new Map(ontology.objects.map((o) => [o.featureId, o])),
  };

  checkObjectIds(doc.objects, issues);
  doc.objects.forEach((o, i) => {
    checkObject(o, `objects[${i}]`, check, (path, message) => issues.push({ path, message, objectId: o.id }));
  });
  const unknownClassification = (id: string) => `${id} is not a classification of the ontology`;
  checkAnswers(
    doc.classifications,
    ontology.classifications,
    'classifications',
    check,
    report,
    unknownClassification,
  );
  if (opts.mode === 'submit') checkRequiredObjects(doc, ontology, report);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, document: doc };
}

function checkObjectIds(objects: readonly LabelObject[], issues: LabelIssue[]) {
  const first = new Map<string, number>();
  objects.forEach((o, i) => {
    const earlier = first.get(o.id);
    if (earlier === undefined) first.set(o.id, i);
    else
      issues.push({
        path: `objects[${i}].id`,
        message: `repeats the id of objects[${earlier}]`,
        objectId: o.id,
      });
  });
}

function checkObject(o: LabelObject, path: string, check: Check, report: Report) {
  checkGeometry(o.geometry, `${path}.geometry`, check, report);
  const feature = check.objectFeatures.get(o.featureId);
  if (!feature) {
    report(`${path}.featureId`, `${o.featureId} is not an object of the ontology`);
    return;
  }
  if (o.geometry.type !== feature.shape) {
    const drawn = SHAPE_LABELS[o.geometry.type].toLowerCase();
    const expected = SHAPE_LABELS[feature.shape].toLowerCase();
    report(`${path}.geometry.type`, `is a ${drawn}, but ${quoted(feature.name)} is drawn as a ${expected}`);
  } else if (o.geometry.type === 'keypoint_skeleton') {
    checkKeypointIds(o.geometry.keypoints, feature, `${path}.geometry`, report);
  }
  const unknownAttribute = (id: string) => `${id} is not an attribute of ${quoted(feature.name)}`;
  checkAnswers(o.attributes, feature.attributes, `${path}.attributes`, check, report, unknownAttribute);
}

function checkGeometry(g: Geometry, path: string, check: Check, report: Report) {
  const d = degeneracy(g);
  if (d) {
    report(`${path}.${d.field}`, d.reason);
    return;
  }
  if (!check.image) return;
  const outside = outsideImage(g, check.image);
  if (outside !== null) {
    const { width, height } = check.image;
    report(outside ? `${path}.${outside}` : path, `reaches outside the ${width}×${height} image`);
  }
}

/** The field of `g` that lies outside the image (`points[4]`, or '' for the whole shape), or null. */
function outsideImage(g: Geometry, image: { width: number; height: number }): string | null {
  const t = IMAGE_TOLERANCE;
  const inside = (x: number, y: number) =>
    x >= -t && y >= -t && x <= image.width + t && y <= image.height + t;
  const firstOutside = (field: string, points: readonly { x: number; y: number }[]) => {
    const i = points.findIndex((p) => !inside(p.x, p.y));
    return i < 0 ? null : `${field}[${i}]`;
  };
  switch (g.type) {
    case 'polygon':
    case 'polyline':
      return firstOutside(
        'points',
        g.points.map(([x, y]) => ({ x, y })),
      );
    case 'keypoint_skeleton':
      return firstOutside('keypoints', g.keypoints);
    default: {
      const b = boundsOf(g);
      return inside(b.minX, b.minY) && inside(b.maxX, b.maxY) ? null : '';
    }
  }
}

function checkKeypointIds(
  keypoints: readonly { pointId: string }[],
  feature: ObjectFeature,
  path: string,
  report: Report,
) {
  const known = new Set((feature.skeleton?.points ?? []).map((p) => p.id));
  keypoints.forEach((k, i) => {
    if (!known.has(k.pointId)) {
      report(
        `${path}.keypoints[${i}].pointId`,
        `${k.pointId} is not a point of the ${quoted(feature.name)} skeleton`,
      );
    }
  });
}

/** Says why an answer's question id does not belong in a list, in the list's own terms. */
type Unknown = (featureId: string) => string;

function checkAnswers(
  answers: readonly Answer[],
  questions: readonly Question[],
  path: string,
  check: Check,
  report: Report,
  unknown: Unknown,
) {
  const byId = new Map(questions.map((q) => [q.featureId, q]));
  const seen = new Set<string>();
  answers.forEach((a, i) => {
    const at = `${path}[${i}]`;
    const q = byId.get(a.featureId);
    if (!q) {
      report(`${at}.featureId`, unknown(a.featureId));
    } else if (seen.has(a.featureId)) {
      report(`${at}.featureId`, `answers ${quoted(q.name)} again; each question is answered once`);
    } else {
      seen.add(a.featureId);
      checkAnswer(a, q, at, check, report);
    }
  });
  if (check.mode === 'submit') checkRequiredAnswers(answers, questions, path, report);
}

function checkAnswer(a: Answer, q: Question, path: string, check: Check, report: Report) {
  if (q.kind === 'text') checkTextAnswer(a, q, path, report);
  else checkChoiceAnswer(a, q, path, report);
  const options = q.options ?? [];
  const chosenIds = new Set(a.optionIds ?? []);
  const chosen = options.filter((o) => chosenIds.has(o.featureId));
  const subQuestions = chosen.flatMap((o) => o.questions ?? []);
  const unknownSub = (id: string) => subAnswerProblem(id, q, options, chosenIds);
  checkAnswers(a.answers ?? [], subQuestions, `${path}.answers`, check, report, unknownSub);
}

function checkTextAnswer(a: Answer, q: Question, path: string, report: Report) {
  if (a.optionIds !== undefined) {
    report(`${path}.optionIds`, `${quoted(q.name)} is a text question: it takes text, not options`);
  }
  if (a.text === undefined) report(`${path}.text`, `${quoted(q.name)} is a text question: give the text`);
}

function checkChoiceAnswer(a: Answer, q: Question, path: string, report: Report) {
  if (a.text !== undefined) {
    report(`${path}.text`, `${quoted(q.name)} is a ${q.kind} question: it takes options, not text`);
  }
  const ids = a.optionIds ?? [];
  if (q.kind === 'radio' && ids.length !== 1) {
    report(
      `${path}.optionIds`,
      `${quoted(q.name)} is a radio question: choose exactly one option, not ${ids.length}`,
    );
  }
  if (q.kind === 'checklist' && ids.length === 0) {
    report(`${path}.optionIds`, `${quoted(q.name)} is a checklist question: choose at least one option`);
  }
  const options = new Map((q.options ?? []).map((o) => [o.featureId, o]));
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    const option = options.get(id);
    if (!option) report(`${path}.optionIds[${i}]`, `${id} is not an option of ${quoted(q.name)}`);
    else if (seen.has(id)) report(`${path}.optionIds[${i}]`, `repeats the option ${quoted(option.label)}`);
    seen.add(id);
  });
}

/** A sub-answer to a question of an option that was not chosen is told apart from a stray id. */
function subAnswerProblem(
  featureId: string,
  parent: Question,
  options: readonly QuestionOption[],
  chosenIds: ReadonlySet<string>,
): string {
  const owner = options.find((o) => (o.questions ?? []).some((sq) => sq.featureId === featureId));
  if (owner && !chosenIds.has(owner.featureId)) {
    return `${featureId} is a question of the option ${quoted(owner.label)}, which is not chosen`;
  }
  return `${featureId} is not a question under the chosen options of ${quoted(parent.name)}`;
}

function checkRequiredAnswers(
  answers: readonly Answer[],
  questions: readonly Question[],
  path: string,
  report: Report,
) {
  // Archived questions are retired: labels need not answer them any more.
  for (const q of questions) {
    if (!q.required || q.archived) continue;
    const i = answers.findIndex((a) => a.featureId === q.featureId);
    const answer = answers[i];
    if (!answer) report(path, `misses the required question ${quoted(q.name)} (${q.featureId})`);
    else if (q.kind === 'text' && answer.text !== undefined && !answer.text.trim()) {
      report(`${path}[${i}].text`, `must not be blank: ${quoted(q.name)} is required`);
    }
  }
}

function checkRequiredObjects(doc: LabelDocument, ontology: OntologyDocument, report: Report) {
  const present = new Set(doc.objects.map((o) => o.featureId));
  for (const feature of ontology.objects) {
    if (!feature.required || feature.archived || present.has(feature.featureId)) continue;
    report('objects', `needs at least one ${quoted(feature.name)} (${feature.featureId}): it is required`);
  }
}
