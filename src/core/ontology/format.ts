import { z } from 'zod';

// The ontology document: the labelling schema a project pins. Pure data, shared by the server
// (which validates and stores it) and the web app (whose editor builds it and validates it with
// the same code). `formatVersion` lets stored documents be upgraded when the format changes
// (see migrate.ts).

export const ONTOLOGY_FORMAT_VERSION = 1 as const;

export const SHAPES = [
  'bounding_box',
  'rotatable_box',
  'polygon',
  'polyline',
  'point',
  'keypoint_skeleton',
  'bitmask',
] as const;
export type Shape = (typeof SHAPES)[number];

export const SHAPE_LABELS: Record<Shape, string> = {
  bounding_box: 'Bounding box',
  rotatable_box: 'Rotatable box',
  polygon: 'Polygon',
  polyline: 'Polyline',
  point: 'Point',
  keypoint_skeleton: 'Keypoint skeleton',
  bitmask: 'Bitmask',
};

/** Shapes the format accepts but no tool draws yet: validation warns, the editor offers them disabled. */
export const RESERVED_SHAPES: readonly Shape[] = ['bitmask'];

export const QUESTION_KINDS = ['radio', 'checklist', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = {
  radio: 'Radio',
  checklist: 'Checklist',
  text: 'Text',
};

/** Bounds that keep a document (and every editor and label check over it) small. */
export const ONTOLOGY_LIMITS = {
  /** A top-level classification or an object attribute is level 1; a question under one of its options level 2… */
  questionDepth: 4,
  objects: 200,
  classifications: 200,
  attributesPerObject: 100,
  optionsPerQuestion: 200,
  questionsPerOption: 50,
  skeletonPoints: 100,
  skeletonEdges: 500,
  /** Every feature id in the document: objects, questions and options together. */
  features: 5000,
  nameLength: 200,
} as const;

export interface SkeletonPoint {
  id: string;
  name: string;
}

export interface Skeleton {
  points: SkeletonPoint[];
  /** Undirected connections between two point ids. */
  edges: [string, string][];
}

export interface QuestionOption {
  featureId: string;
  label: string;
  /** Sub-questions asked when this option is chosen. */
  questions?: Question[] | undefined;
}

export interface Question {
  featureId: string;
  name: string;
  kind: QuestionKind;
  required?: boolean | undefined;
  /** Object attributes only: the answer may change from one video frame to the next. */
  dynamic?: boolean | undefined;
  archived?: boolean | undefined;
  /** Radio and checklist questions: at least one; text questions: none. */
  options?: QuestionOption[] | undefined;
}

export interface ObjectFeature {
  featureId: string;
  name: string;
  shape: Shape;
  color: string;
  hotkey?: string | undefined;
  required?: boolean | undefined;
  archived?: boolean | undefined;
  skeleton?: Skeleton | undefined;
  attributes: Question[];
}

export interface OntologyDocument {
  formatVersion: typeof ONTOLOGY_FORMAT_VERSION;
  objects: ObjectFeature[];
  classifications: Question[];
}

const L = ONTOLOGY_LIMITS;

export const FEATURE_ID_PATTERN = /^[A-Za-z0-9_-]{4,64}$/;

const FeatureId = z
  .string()
  .regex(FEATURE_ID_PATTERN, { error: 'must be 4–64 letters, digits, - or _' })
  .describe('Stable id of the feature; labels refer to it, so it never changes once saved');
const Name = z.string().max(L.nameLength);

/**
 * Questions are built level by level rather than recursively, so the schema itself bounds the
 * nesting depth: a body nested a thousand levels deep is refused at level five without being
 * walked any further.
 */
function questionSchema(level: number): z.ZodType<Question> {
  const questions =
    level < L.questionDepth
      ? z.array(questionSchema(level + 1)).max(L.questionsPerOption)
      : z.array(z.unknown()).max(0, { error: `questions may nest at most ${L.questionDepth} levels deep` });
  const option = z.strictObject({
    featureId: FeatureId,
    label: Name,
    questions: questions.optional(),
  });
  return z.strictObject({
    featureId: FeatureId,
    name: Name,
    kind: z.enum(QUESTION_KINDS),
    required: z.boolean().optional(),
    dynamic: z.boolean().optional(),
    archived: z.boolean().optional(),
    options: z.array(option).max(L.optionsPerQuestion).optional(),
  }) as z.ZodType<Question>;
}

const QuestionSchema = questionSchema(1);

const SkeletonSchema = z.strictObject({
  points: z.array(z.strictObject({ id: z.string().min(1).max(64), name: Name })).max(L.skeletonPoints),
  edges: z.array(z.tuple([z.string().max(64), z.string().max(64)])).max(L.skeletonEdges),
});

export const ObjectFeatureSchema = z.strictObject({
  featureId: FeatureId,
  name: Name,
  shape: z.enum(SHAPES),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'must be a colour like #1f77b4' }),
  hotkey: z.string().max(8).optional().describe('One key, unique across the objects'),
  required: z.boolean().optional(),
  archived: z.boolean().optional(),
  skeleton: SkeletonSchema.optional(),
  attributes: z.array(QuestionSchema).max(L.attributesPerObject),
});

/** The document's structure (types, keys, sizes, depth). `validateOntology` adds the rules across fields. */
export const OntologyDocumentSchema = z
  .strictObject({
    formatVersion: z.literal(ONTOLOGY_FORMAT_VERSION),
    objects: z.array(ObjectFeatureSchema).max(L.objects),
    classifications: z.array(QuestionSchema).max(L.classifications),
  })
  .meta({
    id: 'OntologyDocument',
    description: 'An ontology: objects to draw and questions to answer (see docs/ontologies.md)',
  }) as unknown as z.ZodType<OntologyDocument>;

export const emptyOntology = (): OntologyDocument => ({
  formatVersion: ONTOLOGY_FORMAT_VERSION,
  objects: [],
  classifications: [],
});

/** A fresh feature id: 12 characters of base 62, random. */
export function newFeatureId(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return out;
}
