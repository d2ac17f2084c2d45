import { resolveScoring } from '../../../core/benchmark/config.ts';
import { SHAPE_TYPES, type ShapeType } from './format.ts';
import type { BenchmarkSettings, BenchmarkSettingsInput } from './queries.ts';

// The settings form's state (text as typed, so a half-typed number is not lost) and the body it
// becomes. Pure, so it is testable without a browser; the server checks the ranges again.

export interface ScreeningDraft {
  on: boolean;
  goldSetId: string;
  taskCount: string;
  passPercent: string;
  maxAttempts: string;
  feedback: boolean;
}

export interface MonitoringDraft {
  on: boolean;
  goldSetId: string;
  everyN: string;
  stageIds: string[];
}

export interface SettingsDraft {
  thresholds: Record<ShapeType, string>;
  pointTolerance: string;
  weights: { localisation: string; class: string; attributes: string };
  /** Feature id → weight, for every class of the ontology and any other saved before. */
  classWeights: Record<string, string>;
  questionWeights: Record<string, string>;
  screening: ScreeningDraft;
  monitoring: MonitoringDraft;
}

const text = (n: number) => String(n);

export function draftOf(
  settings: BenchmarkSettings,
  features: { objects: string[]; questions: string[] },
): SettingsDraft {
  const scoring = resolveScoring(settings.scoring);
  const weightsFor = (ids: readonly string[], saved: Record<string, number>) =>
    Object.fromEntries(
      [...new Set([...ids, ...Object.keys(saved)])].map((id) => [id, text(saved[id] ?? 1)] as const),
    );
  const s = settings.screening;
  const m = settings.monitoring;
  return {
    thresholds: Object.fromEntries(SHAPE_TYPES.map((t) => [t, text(scoring.thresholds[t])])) as Record<
      ShapeType,
      string
    >,
    pointTolerance: text(scoring.pointTolerance),
    weights: {
      localisation: text(scoring.weights.localisation),
      class: text(scoring.weights.class),
      attributes: text(scoring.weights.attributes),
    },
    classWeights: weightsFor(features.objects, scoring.classWeights),
    questionWeights: weightsFor(features.questions, scoring.questionWeights),
    screening: {
      on: s !== null,
      goldSetId: s?.goldSetId ?? '',
      taskCount: text(s?.taskCount ?? 5),
      passPercent: text(Math.round((s?.passThreshold ?? 0.8) * 100)),
      maxAttempts: text(s?.maxAttempts ?? 2),
      feedback: s?.feedback ?? false,
    },
    monitoring: {
      on: m !== null,
      goldSetId: m?.goldSetId ?? '',
      everyN: text(m?.everyN ?? 20),
      stageIds: m?.stageIds ?? [],
    },
  };
}

/** A field the form could not read, named as the server would name it. */
export class DraftError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

function num(value: string, field: string, label: string): number {
  const n = Number(value.trim());
  if (value.trim() === '' || !Number.isFinite(n)) throw new DraftError(field, `${label}: enter a number.`);
  return n;
}

/** Weights other than the default 1 (what is left out weighs 1). */
function weightTable(rows: Record<string, string>, field: string, label: (id: string) => string) {
  const out: Record<string, number> = {};
  for (const [id, value] of Object.entries(rows)) {
    const n = num(value, `${field}.${id}`, label(id));
    if (n !== 1) out[id] = n;
  }
  return out;
}

/** The PUT body; throws DraftError for a field that is not a number or a switched-on part left without a gold set. */
export function inputOf(
  d: SettingsDraft,
  revision: number,
  names: { feature: (id: string) => string },
): BenchmarkSettingsInput {
  const thresholds = Object.fromEntries(
    SHAPE_TYPES.map((t) => [t, num(d.thresholds[t], `scoring.thresholds.${t}`, `Threshold (${t})`)]),
  );
  const screening = d.screening.on
    ? {
        goldSetId: required(d.screening.goldSetId, 'screening.goldSetId', 'Screening: choose a gold set.'),
        taskCount: num(d.screening.taskCount, 'screening.taskCount', 'Tasks per attempt'),
        passThreshold: num(d.screening.passPercent, 'screening.passThreshold', 'Pass threshold') / 100,
        maxAttempts: num(d.screening.maxAttempts, 'screening.maxAttempts', 'Attempts allowed'),
        feedback: d.screening.feedback,
      }
    : null;
  const monitoring = d.monitoring.on
    ? {
        goldSetId: required(d.monitoring.goldSetId, 'monitoring.goldSetId', 'Monitoring: choose a gold set.'),
        everyN: num(d.monitoring.everyN, 'monitoring.everyN', 'One gold task in'),
        stageIds: d.monitoring.stageIds,
      }
    : null;
  return {
    revision,
    scoring: {
      thresholds,
      pointTolerance: num(d.pointTolerance, 'scoring.pointTolerance', 'Point tolerance'),
      weights: {
        localisation: num(d.weights.localisation, 'scoring.weights.localisation', 'Localisation weight'),
        class: num(d.weights.class, 'scoring.weights.class', 'Class weight'),
        attributes: num(d.weights.attributes, 'scoring.weights.attributes', 'Attributes weight'),
      },
      classWeights: weightTable(
        d.classWeights,
        'scoring.classWeights',
        (id) => `Weight of ${names.feature(id)}`,
      ),
      questionWeights: weightTable(
        d.questionWeights,
        'scoring.questionWeights',
        (id) => `Weight of ${names.feature(id)}`,
      ),
    },
    screening,
    monitoring,
  };
}

function required(value: string, field: string, message: string) {
  if (!value) throw new DraftError(field, message);
  return value;
}
