import { beforeAll, expect, it } from 'vitest';
import { krippendorffAlpha } from '../src/core/agreement/index.ts';
import type { ObjectCluster, QuestionAgreement, TaskAgreement } from '../src/core/consensus/index.ts';
import { newId, nowIso } from '../src/server/db/ids.ts';
import type { ConsensusRoundsTable, ConsensusScoresTable } from '../src/server/db/schema.ts';
import { AgreementReportOut, agreementReport } from '../src/server/modules/consensus/report.ts';
import { agreementCsv, plainDecimal, toCsv } from '../src/server/modules/consensus/report-csv.ts';
import { describeEachDialect, type TestEnv } from './helpers/env.ts';
import { pinOntology } from './helpers/project-fixtures.ts';
import { bulkTasks } from './helpers/queue-bulk.ts';
import { consensusWorkflow, queueProject } from './helpers/queue-fixtures.ts';
import { mulberry32 } from './helpers/seeded-random.ts';

// The project agreement report on both databases, from consensus rounds and scores written
// straight into their tables (closing rounds through the queue is tested with the consensus
// stage; here the inputs are chosen so every number can be checked by hand): the task counts,
// score histogram, mean and median, Krippendorff's alpha per question and per object class, the
// per-annotator aggregates, the disputed list, and the CSV downloads. Then 10,000 tasks, checking
// that counts and sums hold at size.

const ONTOLOGY = {
  formatVersion: 1,
  objects: [
    { featureId: 'car_box', name: 'Car', shape: 'bounding_box', color: '#1f77b4', attributes: [] },
    { featureId: 'tree_pt', name: 'Tree', shape: 'point', color: '#2ca02c', attributes: [] },
  ],
  classifications: [
    {
      featureId: 'weather',
      name: 'Weather',
      kind: 'radio',
      options: [
        { featureId: 'rain', label: 'Rain' },
        { featureId: 'sun', label: 'Sun' },
      ],
    },
    { featureId: 'notes', name: 'Notes', kind: 'text' },
  ],
};

const STAGE = 'label';
const S = '{"featureId":"weather","optionIds":["sun"]}';
const R = '{"featureId":"weather","optionIds":["rain"]}';

interface SeedRound {
  taskId: string;
  score: number;
  state: ConsensusRoundsTable['state'];
  latest?: 0 | 1;
  annotators: string[];
  /** Per question: each annotator's value, in `annotators` order. */
  questions?: Record<string, (string | null)[]>;
  /** Per object: its class, which annotators drew it, and its mean similarity. */
  objects?: { featureId: string; members: string[]; meanSimilarity: number | null }[];
  /** Per annotator (same order): agreement, and once resolved [resolvedAgreement, won, overruled]. */
  scores: [number, ([number, number, number] | null)?][];
}

const equalShare = (values: readonly (string | null)[]) => {
  let equal = 0;
  let pairs = 0;
  for (let i = 0; i < values.length; i++)
    for (let j = i + 1; j < values.length; j++) {
      pairs++;
      if (values[i] === values[j]) equal++;
    }
  return pairs === 0 ? 1 : equal / pairs;
};

/** The TaskAgreement a round stores, with only what the report reads filled in meaningfully. */
function agreementOf(r: SeedRound): TaskAgreement {
  const questions: QuestionAgreement[] = Object.entries(r.questions ?? {}).map(([featureId, values]) => ({
    featureId,
    values: Object.fromEntries(r.annotators.map((a, i) => [a, values[i] ?? null])),
    agreement: equalShare(values),
    majority: null,
  }));
  const objects: ObjectCluster[] = (r.objects ?? []).map((o, k) => ({
    key: `${o.featureId}:obj${k}`,
    featureId: o.featureId,
    members: o.members.map((annotatorId) => ({ annotatorId, objectId: `obj${k}` })),
    missing: r.annotators.filter((a) => !o.members.includes(a)),
    agreement: 0,
    meanSimilarity: o.meanSimilarity,
    attributes: [],
  }));
  return {
    annotatorIds: r.annotators,
    score: r.score,
    objects,
    classes: [],
    questions,
    annotators: r.annotators.map((annotatorId) => ({ annotatorId, agreement: 0 })),
  };
}

/** Rounds and their score rows in multi-row inserts, in one transaction. */
async function seedRounds(env: TestEnv, projectId: string, rounds: SeedRound[], closedAt: string) {
  const roundRows: ConsensusRoundsTable[] = [];
  const scoreRows: ConsensusScoresTable[] = [];
  for (const r of rounds) {
    const id = newId(env.clock.now);
    const latest = r.latest ?? 1;
    roundRows.push({
      id,
      project_id: projectId,
      task_id: r.taskId,
      stage_id: STAGE,
      closed_at: closedAt,
      closed_by: 'all_in',
      branches: JSON.stringify(
        r.annotators.map((a) => ({ annotatorId: a, branch: `annotator:${a}`, revision: 1 })),
      ),
      score: r.score,
      agreement: JSON.stringify(agreementOf(r)),
      state: r.state,
      latest,
      consensus_revision: 1,
      resolved_at: null,
      resolved_by: null,
      resolution: null,
    });
    r.annotators.forEach((a, i) => {
      const [agreement, resolved] = r.scores[i]!;
      scoreRows.push({
        round_id: id,
        project_id: projectId,
        stage_id: STAGE,
        user_id: a,
        latest,
        agreement,
        resolved_agreement: resolved?.[0] ?? null,
        won: resolved?.[1] ?? null,
        overruled: resolved?.[2] ?? null,
      });
    });
  }
  await env.deps.db.transaction().execute(async (trx) => {
    for (let i = 0; i < roundRows.length; i += 500)
      await trx
        .insertInto('consensus_rounds')
        .values(roundRows.slice(i, i + 500))
        .execute();
    for (let i = 0; i < scoreRows.length; i += 2000)
      await trx
        .insertInto('consensus_scores')
        .values(scoreRows.slice(i, i + 2000))
        .execute();
  });
}

async function annotators(env: TestEnv, names: string[]): Promise<string[]> {
  const at = nowIso(env.clock.now);
  const rows = names.map((name) => {
    const id = newId(env.clock.now);
    return {
      id,
      email: `annotator-${id}@example.test`,
      name,
      role: 'tasker' as const,
      status: 'active' as const,
      password_hash: null,
      invited_by: null,
      created_at: at,
      updated_at: at,
      deactivated_at: null,
      last_login_at: null,
      revision: 1,
    };
  });
  await env.deps.db.insertInto('users').values(rows).execute();
  return rows.map((r) => r.id);
}

/** Minimal RFC 4180 reader for checking downloads. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describeEachDialect('consensus agreement report', (env) => {
  let projectId: string;
  let t: string[];
  let A: string;
  let B: string;
  let C: string;
  const closedAt = '2026-01-02T03:04:05.000Z';

  beforeAll(async () => {
    const project = await queueProject(env, { workflow: consensusWorkflow(3), units: 5 });
    projectId = project.projectId;
    t = project.taskIds;
    await pinOntology(env, projectId, ONTOLOGY);
    const unit = await env.deps.db
      .selectFrom('tasks')
      .select('data_unit_id')
      .where('id', '=', t[0]!)
      .executeTakeFirstOrThrow();
    await env.deps.db
      .updateTable('data_units')
      .set({ title: 'Street, "north" view' })
      .where('id', '=', unit.data_unit_id)
      .execute();
    const [a, b, c, d] = await annotators(env, ['Alice', 'Bob', 'Carol', 'Dora']);
    [A, B, C] = [a!, b!, c!];
    const abc = [A, B, C];
    await seedRounds(
      env,
      projectId,
      [
        {
          taskId: t[0]!,
          score: 0.9,
          state: 'accepted',
          annotators: abc,
          questions: { weather: [S, S, S] },
          objects: [
            { featureId: 'car_box', members: abc, meanSimilarity: 0.8 },
            { featureId: 'car_box', members: [A, B], meanSimilarity: 0.6 },
          ],
          scores: [[0.9], [0.9], [0.8]],
        },
        // An earlier round of the second task, and one by someone who is in no latest round: neither counts.
        {
          taskId: t[1]!,
          score: 0,
          state: 'review',
          latest: 0,
          annotators: [A, d!],
          questions: { weather: [S, R] },
          objects: [{ featureId: 'tree_pt', members: [A], meanSimilarity: null }],
          scores: [
            [0, [0, 100, 100]],
            [0, [0, 100, 100]],
          ],
        },
        {
          taskId: t[1]!,
          score: 0.3,
          state: 'review',
          annotators: abc,
          questions: { weather: [S, R, S], notes: ['"x"', null, null] },
          objects: [{ featureId: 'car_box', members: [A], meanSimilarity: null }],
          scores: [[0.4], [0.2], [0.3]],
        },
        {
          taskId: t[2]!,
          score: 0.1,
          state: 'resolved',
          annotators: abc,
          questions: { weather: [R, S, null] },
          objects: [{ featureId: 'car_box', members: abc, meanSimilarity: 0.9 }],
          scores: [
            [0.1, [0.8, 3, 1]],
            [0.1, [0.5, 2, 2]],
            [0.1, [0.2, 0, 4]],
          ],
        },
        {
          taskId: t[3]!,
          score: 0.9,
          state: 'accepted',
          annotators: abc,
          questions: { weather: [R, R, R] },
          objects: [{ featureId: 'tree_pt', members: abc, meanSimilarity: 0.5 }],
          scores: [[1], [1], [1]],
        },
        {
          taskId: t[4]!,
          score: 1,
          state: 'accepted',
          annotators: [A, B],
          questions: { weather: [S, S] },
          objects: [{ featureId: 'car_box', members: [A, B], meanSimilarity: 0.7 }],
          scores: [[0.7], [0.7]],
        },
      ],
      closedAt,
    );
  });

  it('counts the latest round of each task by state', async () => {
    const report = await agreementReport(env.deps.db, projectId);
    expect(AgreementReportOut.parse(report)).toEqual(report);
    expect(report.stageId).toBe(STAGE);
    expect(report.stages).toEqual([{ id: STAGE, name: 'Label' }]);
    expect(report).toMatchObject({ tasks: 5, accepted: 3, inReview: 1, resolved: 1 });
  });

  it('bins the scores in tenths, the last bin closed, with their mean and median', async () => {
    const { score } = await agreementReport(env.deps.db, projectId, STAGE);
    // 0.1 → [.1,.2), 0.3 → [.3,.4), 0.9, 0.9 and 1 → [.9,1].
    expect(score.histogram).toEqual([0, 1, 0, 1, 0, 0, 0, 0, 0, 3]);
    expect(score.mean).toBeCloseTo(3.2 / 5, 12);
    expect(score.median).toBe(0.9);
  });

  it('gives Krippendorff’s alpha per question over the tasks, in ontology order', async () => {
    const { questions } = await agreementReport(env.deps.db, projectId);
    expect(questions.map((q) => q.featureId)).toEqual(['weather', 'notes']);
    const [weather, notes] = questions;
    // Coincidences (sun, rain): o_ss = 3 + 1 + 2 = 6, o_sr = o_rs = 1 + 1 = 2, o_rr = 3; n_s = 8,
    // n_r = 5, n = 13; alpha = 1 − (n − 1)·(o_sr + o_rs) / (2·n_s·n_r) = 1 − 12·4/80 = 0.4.
    expect(weather!.alpha).toBeCloseTo(0.4, 12);
    // The same as with one row per annotator of the stage (A, B, C × the five tasks).
    const byAnnotator = [
      [S, S, R, R, S],
      [S, R, S, R, S],
      [S, S, null, R, null],
    ];
    expect(weather!.alpha).toBeCloseTo(krippendorffAlpha(byAnnotator, 'nominal'), 12);
    expect(weather!.units).toBe(5);
    // Per task: 1, 1/3, 0, 1, 1.
    expect(weather!.agreement).toBeCloseTo(10 / 3 / 5, 12);
    // Answered by one annotator of one task: nothing to pair, so alpha is undefined.
    expect(notes).toEqual({ featureId: 'notes', name: 'Notes', alpha: null, units: 1, agreement: 1 / 3 });
  });

  it('gives alpha per object class on who drew each object, with the mean similarity', async () => {
    const { classes } = await agreementReport(env.deps.db, projectId);
    const [car, tree] = classes;
    // Drew it (1) / not (0): 111, 110, 100, 111, 11 → o_11 = 9, o_10 = o_01 = 2, o_00 = 1;
    // n_1 = 11, n_0 = 3, n = 14; alpha = 1 − 13·4 / (2·11·3) = 7/33.
    expect(car).toMatchObject({ featureId: 'car_box', name: 'Car', units: 5 });
    expect(car!.alpha).toBeCloseTo(7 / 33, 12);
    expect(car!.meanSimilarity).toBeCloseTo(0.75, 12);
    // Everyone drew the one tree: no variation, alpha undefined.
    expect(tree).toEqual({ featureId: 'tree_pt', name: 'Tree', alpha: null, units: 1, meanSimilarity: 0.5 });
  });

  it('aggregates each annotator’s latest scores', async () => {
    const { annotators } = await agreementReport(env.deps.db, projectId);
    expect(annotators.map((a) => a.name)).toEqual(['Alice', 'Bob', 'Carol']);
    const [a, b, c] = annotators;
    expect(a).toMatchObject({ userId: A, tasks: 5, resolvedAgreement: 0.8, won: 3, overruled: 1 });
    expect(a!.agreement).toBeCloseTo(3.1 / 5, 12);
    expect(b).toMatchObject({ userId: B, tasks: 5, resolvedAgreement: 0.5, won: 2, overruled: 2 });
    expect(b!.agreement).toBeCloseTo(2.9 / 5, 12);
    expect(c).toMatchObject({ userId: C, tasks: 4, resolvedAgreement: 0.2, won: 0, overruled: 4 });
    expect(c!.agreement).toBeCloseTo(2.2 / 4, 12);
  });

  it('lists the disputed tasks lowest score first, ties by task id', async () => {
    const { disputed } = await agreementReport(env.deps.db, projectId);
    expect(disputed.map((d) => [d.taskId, d.score])).toEqual([
      [t[2], 0.1],
      [t[1], 0.3],
      [t[0], 0.9],
      [t[3], 0.9],
      [t[4], 1],
    ]);
    expect(disputed[2]).toEqual({
      taskId: t[0],
      dataUnitName: 'Street, "north" view',
      score: 0.9,
      state: 'accepted',
      closedAt,
    });
  });

  it('downloads every latest round as CSV, quoting what needs it', async () => {
    const csv = await agreementCsv(env.deps.db, projectId, undefined, 'tasks');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('taskId,dataUnitName,score,state,closedAt,closedBy,annotators');
    expect(lines[1]).toBe(`${t[0]},"Street, ""north"" view",0.9,accepted,${closedAt},all_in,3`);
    expect(lines).toHaveLength(7); // header, five tasks, and the empty string after the last CRLF
    expect(
      parseCsv(csv)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(t);
    expect(parseCsv(csv)[5]).toEqual([t[4], expect.any(String), '1', 'accepted', closedAt, 'all_in', '2']);
  });

  it('downloads the report’s tables as CSV', async () => {
    const report = await agreementReport(env.deps.db, projectId);
    const annotatorsCsv = parseCsv(await agreementCsv(env.deps.db, projectId, STAGE, 'annotators'));
    expect(annotatorsCsv[0]).toEqual([
      'userId',
      'name',
      'tasks',
      'agreement',
      'resolvedAgreement',
      'won',
      'overruled',
    ]);
    expect(annotatorsCsv[3]).toEqual([
      C,
      'Carol',
      '4',
      String(report.annotators[2]!.agreement),
      '0.2',
      '0',
      '4',
    ]);
    const questionsCsv = parseCsv(await agreementCsv(env.deps.db, projectId, STAGE, 'questions'));
    expect(questionsCsv.slice(1).map((r) => [r[0], r[2], r[3]])).toEqual([
      ['weather', String(report.questions[0]!.alpha), '5'],
      ['notes', '', '1'],
    ]);
    const classesCsv = parseCsv(await agreementCsv(env.deps.db, projectId, STAGE, 'classes'));
    expect(classesCsv).toEqual([
      ['featureId', 'name', 'alpha', 'units', 'meanSimilarity'],
      ['car_box', 'Car', String(report.classes[0]!.alpha), '5', String(report.classes[0]!.meanSimilarity)],
      ['tree_pt', 'Tree', '', '1', '0.5'],
    ]);
  });

  it('writes CSV fields with line breaks quoted and numbers without exponents', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['one\ntwo', 1e-7],
          ['x\ry', null],
        ],
      ),
    ).toBe('a,b\r\n"one\ntwo",0.0000001\r\n"x\ry",\r\n');
    expect(plainDecimal(0.25)).toBe('0.25');
    expect(plainDecimal(-2.5e-8)).toBe('-0.000000025');
  });

  it('reports nothing for a project without a consensus stage', async () => {
    const plain = await queueProject(env, { units: 1 });
    const report = await agreementReport(env.deps.db, plain.projectId);
    expect(report).toEqual({
      stageId: null,
      stages: [],
      tasks: 0,
      accepted: 0,
      inReview: 0,
      resolved: 0,
      score: { mean: null, median: null, histogram: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0] },
      questions: [],
      classes: [],
      annotators: [],
      disputed: [],
    });
    expect(await agreementCsv(env.deps.db, plain.projectId, undefined, 'classes')).toBe(
      'featureId,name,alpha,units,meanSimilarity\r\n',
    );
  });

  it('refuses a stage that is not a consensus stage of the workflow', async () => {
    await expect(agreementReport(env.deps.db, projectId, 'settle')).rejects.toMatchObject({
      status: 400,
      code: 'invalid_request',
      field: 'stageId',
    });
  });

  it('adds up 10,000 tasks of three annotators', async () => {
    const N = 10_000;
    const project = await queueProject(env, { workflow: consensusWorkflow(3), units: 0 });
    await pinOntology(env, project.projectId, ONTOLOGY);
    const taskIds = await bulkTasks(env, {
      projectId: project.projectId,
      datasetId: project.datasetId,
      stageId: STAGE,
      count: N,
      priority: () => 0,
    });
    const people = await annotators(env, ['Xavier', 'Yara', 'Zoe']);
    const random = mulberry32(7);
    const states = ['accepted', 'review', 'resolved'] as const;
    const thousandths: number[] = [];
    const clusters = { car_box: 0, tree_pt: 0 };
    let won = 0;
    const rounds: SeedRound[] = taskIds.map((taskId, i) => {
      const k = Math.floor(random() * 1001); // the score in thousandths, 0–1000
      thousandths.push(k);
      const state = states[i % 3]!;
      const objects = Array.from({ length: 4 + (i % 3) }, (_, j) => {
        const featureId = j % 2 === 0 ? 'car_box' : 'tree_pt';
        clusters[featureId]++;
        const members = people.filter(() => random() < 0.8);
        return { featureId, members: members.length > 0 ? members : [people[0]!], meanSimilarity: random() };
      });
      const answer = () => (random() < 0.5 ? S : R);
      if (state === 'resolved') won += 3 * (i % 4);
      return {
        taskId,
        score: k / 1000,
        state,
        annotators: people,
        questions: { weather: [answer(), answer(), answer()], notes: ['a', 'a', random() < 0.5 ? 'a' : 'b'] },
        objects,
        scores: people.map((): [number, [number, number, number] | null] => [
          random(),
          state === 'resolved' ? [random(), i % 4, 1] : null,
        ]),
      };
    });
    await seedRounds(env, project.projectId, rounds, closedAt);

    const report = await agreementReport(env.deps.db, project.projectId);
    expect(report).toMatchObject({ tasks: N, accepted: 3334, inReview: 3333, resolved: 3333 });
    const histogram = new Array<number>(10).fill(0);
    for (const k of thousandths) histogram[Math.min(9, Math.floor(k / 100))]!++;
    expect(report.score.histogram).toEqual(histogram);
    expect(report.score.mean).toBeCloseTo(thousandths.reduce((s, k) => s + k, 0) / 1000 / N, 9);
    const sorted = [...thousandths].sort((a, b) => a - b);
    expect(report.score.median).toBeCloseTo((sorted[N / 2 - 1]! + sorted[N / 2]!) / 2000, 12);
    expect(report.questions.map((q) => [q.featureId, q.units])).toEqual([
      ['weather', N],
      ['notes', N],
    ]);
    // Random answers agree by chance only: alpha near 0.
    expect(Math.abs(report.questions[0]!.alpha!)).toBeLessThan(0.05);
    expect(report.classes.map((c) => [c.featureId, c.units])).toEqual([
      ['car_box', clusters.car_box],
      ['tree_pt', clusters.tree_pt],
    ]);
    expect(report.annotators.map((a) => [a.name, a.tasks, a.won, a.overruled])).toEqual([
      ['Xavier', N, won / 3, 3333],
      ['Yara', N, won / 3, 3333],
      ['Zoe', N, won / 3, 3333],
    ]);
    expect(report.disputed).toHaveLength(20);
    expect(report.disputed[0]!.score).toBe(sorted[0]! / 1000);
    expect(report.disputed.map((d) => d.score)).toEqual(sorted.slice(0, 20).map((k) => k / 1000));

    const csv = await agreementCsv(env.deps.db, project.projectId, undefined, 'tasks');
    expect(csv.split('\r\n')).toHaveLength(N + 2);
  }, 120_000);
});
