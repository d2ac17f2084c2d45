import { z } from 'zod';
import { FEATURE_ID_PATTERN, newFeatureId, ONTOLOGY_LIMITS } from '../ontology/format.ts';

// The label document: what annotators (and models, as pre-labels) made for one data unit, in the
// terms of the project's ontology. Pure data, shared by the server (which validates every save)
// and the editor (which builds it). Rules that need the ontology live in validate.ts; this file
// is the structure only.

export const LABEL_FORMAT_VERSION = 1 as const;

/** Image pixels: x to the right, y down, origin at the image's top-left corner. */
export type Point = [number, number];

export type Geometry =
  /** Top-left corner and size. */
  | { type: 'bounding_box'; x: number; y: number; w: number; h: number }
  /** Centre, size, and rotation in degrees clockwise, in [-180, 180). */
  | { type: 'rotatable_box'; cx: number; cy: number; w: number; h: number; angle: number }
  /** Closed implicitly (the last point joins the first); at least 3 points. */
  | { type: 'polygon'; points: Point[] }
  /** Open; at least 2 points. */
  | { type: 'polyline'; points: Point[] }
  | { type: 'point'; x: number; y: number }
  | { type: 'keypoint_skeleton'; keypoints: Keypoint[] };

export type GeometryType = Geometry['type'];

export interface Keypoint {
  /** The id of a point of the object feature's skeleton in the ontology. */
  pointId: string;
  x: number;
  y: number;
  /** False for a point placed where it is estimated to be but hidden (occluded). */
  visible: boolean;
}

/** An answer to one question (a classification, or an object's attribute). */
export interface Answer {
  /** The question's feature id. */
  featureId: string;
  /** Feature ids of the chosen options. Radio: exactly one; checklist: one or more. */
  optionIds?: string[];
  /** Text questions only. */
  text?: string;
  /** Answers to sub-questions of the chosen options. */
  answers?: Answer[];
}

export interface LabelObject {
  /** Stable across saves, unique in the document: history and review comments refer to it. */
  id: string;
  /** The ontology object feature it instantiates. */
  featureId: string;
  /** `geometry.type` equals the feature's shape. */
  geometry: Geometry;
  attributes: Answer[];
  /** 0..1, set on pre-labels from a model. */
  confidence?: number;
  /** A user id, or `model:<name>` for pre-labels. */
  createdBy: string;
  /** ISO-8601. */
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
}

export interface LabelDocument {
  formatVersion: typeof LABEL_FORMAT_VERSION;
  objects: LabelObject[];
  classifications: Answer[];
}

/** Bounds that keep a document, and every check and diff over it, small. */
export const LABEL_LIMITS = {
  objects: 10_000,
  pointsPerShape: 10_000,
  textLength: 10_000,
  /** Answers nest as deep as the ontology's questions can. */
  answerDepth: ONTOLOGY_LIMITS.questionDepth,
} as const;

const L = LABEL_LIMITS;

/** Authors that are models rather than people: their saves are pre-labels. */
export const MODEL_AUTHOR_PREFIX = 'model:';

export const AUTHOR_PATTERN = /^(?:model:\S{1,128}|[A-Za-z0-9_-]{1,64})$/;

/** The model's name when `author` is `model:<name>`, or null for a user. */
export const modelNameOf = (author: string): string | null =>
  author.startsWith(MODEL_AUTHOR_PREFIX) ? author.slice(MODEL_AUTHOR_PREFIX.length) : null;

const idError = { error: 'must be 4–64 letters, digits, - or _' };
const FeatureId = z.string().regex(FEATURE_ID_PATTERN, idError);

// JSON cannot carry NaN or Infinity, but a document built in code can; the schema refuses them.
const Coord = z.number({ error: 'must be a finite number' });
const Size = z.number({ error: 'must be a finite number' }).min(0, { error: 'must not be negative' });
const PointSchema = z.tuple([Coord, Coord], { error: 'must be an [x, y] pair' });
const Points = z
  .array(PointSchema)
  .max(L.pointsPerShape, { error: `must have at most ${L.pointsPerShape} points` });

const KeypointSchema = z.strictObject({
  pointId: z.string().min(1, { error: 'must not be empty' }).max(64),
  x: Coord,
  y: Coord,
  visible: z.boolean(),
});

export const GeometrySchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('bounding_box'), x: Coord, y: Coord, w: Size, h: Size }),
  z.strictObject({
    type: z.literal('rotatable_box'),
    cx: Coord,
    cy: Coord,
    w: Size,
    h: Size,
    angle: z
      .number({ error: 'must be a finite number' })
      .min(-180, { error: 'must be from -180 up to (not including) 180 degrees' })
      .lt(180, { error: 'must be from -180 up to (not including) 180 degrees' }),
  }),
  z.strictObject({ type: z.literal('polygon'), points: Points }),
  z.strictObject({ type: z.literal('polyline'), points: Points }),
  z.strictObject({ type: z.literal('point'), x: Coord, y: Coord }),
  z.strictObject({
    type: z.literal('keypoint_skeleton'),
    keypoints: z
      .array(KeypointSchema)
      .max(L.pointsPerShape, { error: `must have at most ${L.pointsPerShape} keypoints` }),
  }),
]) as z.ZodType<Geometry>;

/**
 * Answers are built level by level rather than recursively (as the ontology's questions are), so
 * the schema itself bounds the nesting: a body nested a thousand levels deep is refused at the
 * level past the limit without being walked any further.
 */
function answerSchema(level: number): z.ZodType<Answer> {
  // A question's sub-answers can span several chosen options, so the bound is the whole
  // ontology's feature count rather than one option's question count.
  const answers =
    level < L.answerDepth
      ? z.array(answerSchema(level + 1)).max(ONTOLOGY_LIMITS.features)
      : z.array(z.unknown()).max(0, { error: `answers may nest at most ${L.answerDepth} levels deep` });
  return z.strictObject({
    featureId: FeatureId,
    optionIds: z.array(FeatureId).max(ONTOLOGY_LIMITS.optionsPerQuestion).optional(),
    text: z
      .string()
      .max(L.textLength, { error: `must be at most ${L.textLength} characters` })
      .optional(),
    answers: answers.optional(),
  }) as z.ZodType<Answer>;
}

const AnswerSchema = answerSchema(1);

const Author = z.string().regex(AUTHOR_PATTERN, { error: 'must be a user id or model:<name>' });
const Timestamp = z.iso.datetime({
  offset: true,
  error: 'must be an ISO-8601 date and time, like 2024-05-01T12:00:00Z',
});

export const LabelObjectSchema = z.strictObject({
  id: z.string().regex(FEATURE_ID_PATTERN, idError),
  featureId: FeatureId,
  geometry: GeometrySchema,
  attributes: z.array(AnswerSchema).max(ONTOLOGY_LIMITS.attributesPerObject),
  confidence: z
    .number({ error: 'must be a finite number' })
    .min(0, { error: 'must be from 0 to 1' })
    .max(1, { error: 'must be from 0 to 1' })
    .optional(),
  createdBy: Author,
  createdAt: Timestamp,
  updatedBy: Author,
  updatedAt: Timestamp,
}) as z.ZodType<LabelObject>;

/** The document's structure (types, keys, sizes, depth). `validateLabels` adds the ontology's rules. */
export const LabelDocumentSchema = z
  .strictObject({
    formatVersion: z.literal(LABEL_FORMAT_VERSION),
    objects: z.array(LabelObjectSchema).max(L.objects, { error: `must have at most ${L.objects} objects` }),
    classifications: z.array(AnswerSchema).max(ONTOLOGY_LIMITS.classifications),
  })
  .meta({
    id: 'LabelDocument',
    description: 'The labels of one data unit: objects drawn and questions answered (see docs/labels.md)',
  }) as unknown as z.ZodType<LabelDocument>;

export const emptyLabels = (): LabelDocument => ({
  formatVersion: LABEL_FORMAT_VERSION,
  objects: [],
  classifications: [],
});

/** A fresh object id. Object ids follow the feature id rules, so the same generator serves. */
export function newObjectId(): string {
  return newFeatureId();
}
