import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_TEMPLATES,
  builtInWorkflow,
  compareWorkflows,
  type Edge,
  nextStage,
  type Outcome,
  REQUIRED_EDGE_KINDS,
  resolveSettings,
  type Stage,
  type StageType,
  settleStage,
  startStage,
  validateWorkflow,
  WORKFLOW_ISSUE_CODES,
  WORKFLOW_LIMITS,
  type Workflow,
} from '../src/core/workflow/index.ts';

// The workflow graph: what validation accepts and refuses (one failing example per rule, with its
// code), the built-in templates, where tasks go next, what a new version changes, and properties
// over generated workflows.

const stage = (id: string, type: StageType, over: Partial<Stage> = {}): Stage => ({
  id,
  name: id[0]!.toUpperCase() + id.slice(1),
  type,
  settings: type === 'consensus' ? { annotatorCount: 2 } : {},
  ...over,
});

/** Annotate → Review → Complete, rejected → Annotate. */
const base = (): Workflow => builtInWorkflow('annotate_review')!;

/** Every code some test below has seen reported. */
const seen = new Set<string>();

const codes = (w: unknown) => {
  const found = validateWorkflow(w).map((i) => i.code);
  for (const c of found) seen.add(c);
  return found;
};

const only = (w: unknown, code: string) => {
  const issues = validateWorkflow(w);
  for (const i of issues) seen.add(i.code);
  expect(issues.map((i) => i.code)).toContain(code);
  return issues.find((i) => i.code === code)!;
};

describe('validating a workflow', () => {
  it('accepts every built-in template', () => {
    expect(BUILT_IN_TEMPLATES.map((t) => t.key)).toEqual([
      'annotate',
      'annotate_review',
      'annotate_review_rework',
      'consensus',
    ]);
    for (const t of BUILT_IN_TEMPLATES) expect(validateWorkflow(t.workflow), t.key).toEqual([]);
  });

  it('accepts a router that samples 10% of tasks for review', () => {
    const w: Workflow = {
      formatVersion: 1,
      stages: [
        stage('annotate', 'annotate', { start: true }),
        stage('sample', 'router'),
        stage('review', 'review', { settings: { sampleRate: 50, allowReviewerEdits: true } }),
        stage('complete', 'complete'),
        stage('archive', 'archive'),
      ],
      edges: [
        { from: 'annotate', to: 'sample', kind: 'done' },
        { from: 'sample', to: 'review', kind: 'branch', branch: { kind: 'percentage', percent: 10 } },
        { from: 'sample', to: 'complete', kind: 'branch', branch: { kind: 'otherwise' } },
        { from: 'review', to: 'complete', kind: 'approved' },
        { from: 'review', to: 'archive', kind: 'rejected' },
      ],
    };
    expect(validateWorkflow(w)).toEqual([]);
  });

  it('refuses a document of the wrong shape with invalid_format and the path', () => {
    expect(codes({ formatVersion: 2, stages: [], edges: [] })).toEqual(['invalid_format']);
    const w = base() as any;
    w.stages[0].colour = 'red';
    expect(validateWorkflow(w)).toEqual([
      { code: 'invalid_format', path: 'stages[0].colour', message: 'is not a field of the workflow format' },
    ]);
    const bad = base() as any;
    bad.stages[1].type = 'qa';
    expect(validateWorkflow(bad)[0]).toMatchObject({ code: 'invalid_format', path: 'stages[1].type' });
    const badId = base() as any;
    badId.stages[1].id = 'has space';
    expect(validateWorkflow(badId)[0]).toMatchObject({ code: 'invalid_format', path: 'stages[1].id' });
  });

  it('refuses more than 100 stages (too_many_stages) and 500 edges (too_many_edges) before walking them', () => {
    const w = base();
    const many = { ...w, stages: Array.from({ length: 101 }, (_, i) => stage(`s${i}`, 'annotate')) };
    expect(codes(many)).toEqual(['too_many_stages']);
    expect(validateWorkflow(many)).toEqual([
      { code: 'too_many_stages', path: 'stages', message: 'has 101 stages; at most 100 are allowed' },
    ]);
    expect(codes({ ...w, edges: Array.from({ length: 501 }, () => w.edges[0]) })).toEqual(['too_many_edges']);
    expect(WORKFLOW_LIMITS.stages).toBe(100);
  });

  it('needs exactly one start stage (no_start, multiple_starts)', () => {
    const none = base();
    none.stages[0]!.start = false;
    expect(only(none, 'no_start').message).toBe('the workflow needs a start stage');
    const two = base();
    two.stages[1]!.start = true;
    expect(only(two, 'multiple_starts')).toMatchObject({
      path: 'stages[1].start',
      stageId: 'review',
      message: 'only one stage can be the start; “Annotate” already is',
    });
  });

  it('starts with an Annotate or Consensus stage (start_type)', () => {
    const w = base();
    w.stages[0]!.start = false;
    w.stages[1]!.start = true;
    expect(only(w, 'start_type')).toMatchObject({
      path: 'stages[1].type',
      stageId: 'review',
      message: 'a workflow starts with an Annotate or Consensus stage, not Review',
    });
    expect(codes(builtInWorkflow('consensus'))).toEqual([]);
  });

  it('needs unique stage ids (duplicate_stage_id)', () => {
    const w = base();
    w.stages[1] = { ...w.stages[1]!, id: 'annotate' };
    expect(only(w, 'duplicate_stage_id')).toMatchObject({
      path: 'stages[1].id',
      message: 'repeats the stage id annotate',
    });
  });

  it('needs a name on every stage (empty_stage_name), unique ignoring case and spaces (duplicate_stage_name)', () => {
    const empty = base();
    empty.stages[1]!.name = '   ';
    expect(only(empty, 'empty_stage_name')).toMatchObject({ path: 'stages[1].name', stageId: 'review' });
    const dup = base();
    dup.stages[1]!.name = ' annotate ';
    expect(only(dup, 'duplicate_stage_name')).toMatchObject({
      path: 'stages[1].name',
      message: 'repeats the stage name “annotate”',
    });
  });

  it('needs every edge to join existing stages (unknown_stage)', () => {
    const w = base();
    w.edges[1] = { from: 'review', to: 'nowhere', kind: 'approved' };
    expect(only(w, 'unknown_stage')).toMatchObject({
      path: 'edges[1].to',
      message: 'leads to nowhere, which is not a stage of the workflow',
    });
    const from = base();
    from.edges.push({ from: 'ghost', to: 'review', kind: 'done' });
    expect(only(from, 'unknown_stage').path).toBe('edges[3].from');
    // The builder's edge whose target is not chosen yet.
    const unset = base();
    unset.edges[1] = { from: 'review', to: '', kind: 'approved' };
    expect(only(unset, 'unknown_stage').message).toBe('leads nowhere yet: choose the stage it goes to');
  });

  it('refuses an edge from a stage to itself (self_loop)', () => {
    const w = base();
    w.edges[2] = { from: 'review', to: 'review', kind: 'rejected' };
    expect(only(w, 'self_loop')).toMatchObject({ path: 'edges[2]', stageId: 'review' });
  });

  it('allows only the edge kinds of the source type (edge_kind_not_allowed)', () => {
    const w = base();
    w.edges[0] = { from: 'annotate', to: 'review', kind: 'approved' };
    expect(only(w, 'edge_kind_not_allowed')).toMatchObject({
      path: 'edges[0].kind',
      message: 'an Annotate stage has “done” edges, not “approved”',
    });
    const branch = base();
    branch.edges[1] = { from: 'review', to: 'complete', kind: 'branch', branch: { kind: 'otherwise' } };
    expect(codes(branch)).toContain('edge_kind_not_allowed');
    const router = base();
    router.stages.push(stage('router', 'router'));
    router.edges.push({ from: 'router', to: 'complete', kind: 'done' });
    expect(codes(router)).toContain('edge_kind_not_allowed');
  });

  it('refuses edges out of a terminal stage (terminal_has_edges)', () => {
    const w = base();
    w.edges.push({ from: 'complete', to: 'annotate', kind: 'done' });
    expect(only(w, 'terminal_has_edges')).toMatchObject({
      path: 'edges[3]',
      stageId: 'complete',
      message: '“Complete” is a Complete stage: tasks end there',
    });
  });

  it('needs each required edge exactly once (missing_edge, duplicate_edge)', () => {
    const missing = base();
    missing.edges.splice(2, 1);
    expect(only(missing, 'missing_edge')).toMatchObject({
      path: 'stages[1]',
      stageId: 'review',
      message: '“Review” needs a “rejected” edge',
    });
    const dup = base();
    dup.edges.push({ from: 'annotate', to: 'complete', kind: 'done' });
    expect(only(dup, 'duplicate_edge')).toMatchObject({
      path: 'edges[3]',
      message: '“Annotate” already has a “done” edge',
    });
  });

  describe('routers', () => {
    const routed = (...branches: Edge[]): Workflow => ({
      formatVersion: 1,
      stages: [
        stage('annotate', 'annotate', { start: true }),
        stage('router', 'router'),
        stage('review', 'review'),
        stage('complete', 'complete'),
      ],
      edges: [
        { from: 'annotate', to: 'router', kind: 'done' },
        { from: 'review', to: 'complete', kind: 'approved' },
        { from: 'review', to: 'annotate', kind: 'rejected' },
        ...branches,
      ],
    });
    const pct = (to: string, percent: number): Edge => ({
      from: 'router',
      to,
      kind: 'branch',
      branch: { kind: 'percentage', percent },
    });
    const otherwise = (to: string): Edge => ({
      from: 'router',
      to,
      kind: 'branch',
      branch: { kind: 'otherwise' },
    });
    const collab = (to: string, userIds: string[], groupIds: string[] = []): Edge => ({
      from: 'router',
      to,
      kind: 'branch',
      branch: { kind: 'collaborator', userIds, groupIds },
    });

    it('accepts percentages making 100, percentages with otherwise, collaborators with otherwise', () => {
      expect(codes(routed(pct('review', 33.3), pct('complete', 33.3), pct('review', 33.4)))).toEqual([]);
      expect(codes(routed(pct('review', 10), otherwise('complete')))).toEqual([]);
      expect(codes(routed(collab('review', ['u1']), otherwise('complete')))).toEqual([]);
    });

    it('needs at least one branch (router_no_branches)', () => {
      expect(only(routed(), 'router_no_branches')).toMatchObject({
        stageId: 'router',
        message: '“Router” needs at least one branch',
      });
    });

    it('caps its branches (router_too_many_branches)', () => {
      const many = Array.from({ length: 21 }, () => pct('review', 100 / 21));
      expect(codes(routed(...many))).toContain('router_too_many_branches');
    });

    it('takes percentages above 0 and at most 100 (router_percent)', () => {
      expect(only(routed(pct('review', 0), otherwise('complete')), 'router_percent').path).toBe(
        'edges[3].branch.percent',
      );
      expect(codes(routed(pct('review', 150), otherwise('complete')))).toContain('router_percent');
    });

    it('needs percentages making 100, or at most 100 with an otherwise (router_percent_total)', () => {
      expect(only(routed(pct('review', 10), pct('complete', 20)), 'router_percent_total').message).toBe(
        'the percentages of “Router” add up to 30, not 100 (or add an “otherwise” branch)',
      );
      expect(
        only(routed(pct('review', 60), pct('complete', 60), otherwise('complete')), 'router_percent_total')
          .message,
      ).toBe('the percentages of “Router” add up to 120, more than 100');
    });

    it('takes one otherwise branch (router_multiple_otherwise)', () => {
      expect(only(routed(otherwise('review'), otherwise('complete')), 'router_multiple_otherwise').path).toBe(
        'edges[4].branch',
      );
    });

    it('needs an otherwise when only collaborators are named (router_uncovered)', () => {
      expect(only(routed(collab('review', ['u1'])), 'router_uncovered').stageId).toBe('router');
    });

    it('needs a user or group on a collaborator branch (branch_no_collaborators)', () => {
      expect(only(routed(collab('review', []), otherwise('complete')), 'branch_no_collaborators').path).toBe(
        'edges[3].branch',
      );
    });

    it('refuses routers that lead to one another in a circle (router_loop)', () => {
      const w = routed(pct('review', 50), { ...pct('second', 50) });
      w.stages.push(stage('second', 'router'));
      w.edges.push(
        { from: 'second', to: 'router', kind: 'branch', branch: { kind: 'percentage', percent: 50 } },
        { from: 'second', to: 'complete', kind: 'branch', branch: { kind: 'otherwise' } },
      );
      expect(only(w, 'router_loop').message).toBe(
        'routers lead to one another in a circle: “Router” → “Second” → “Router”',
      );
    });
  });

  it('needs a Complete or Archive stage (no_terminal)', () => {
    const w: Workflow = {
      formatVersion: 1,
      stages: [stage('annotate', 'annotate', { start: true })],
      edges: [],
    };
    expect(only(w, 'no_terminal').message).toBe('the workflow needs a Complete or Archive stage');
  });

  it('needs every stage reachable from the start (unreachable_stage)', () => {
    const w = base();
    w.stages.push(stage('orphan', 'annotate'));
    w.edges.push({ from: 'orphan', to: 'complete', kind: 'done' });
    expect(only(w, 'unreachable_stage')).toMatchObject({
      path: 'stages[3]',
      stageId: 'orphan',
      message: 'no path leads from the start to “Orphan”',
    });
    const archive = base();
    archive.stages.push(stage('archive', 'archive'));
    expect(validateWorkflow(archive).map((i) => i.stageId)).toEqual(['archive']);
  });

  it('needs a Complete or Archive stage reachable from every stage (dead_end)', () => {
    const w = base();
    w.edges[1] = { from: 'review', to: 'annotate', kind: 'approved' };
    const issues = validateWorkflow(w).filter((i) => i.code === 'dead_end');
    expect(issues.map((i) => i.stageId)).toEqual(['annotate', 'review']);
    expect(issues[0]!.message).toBe('no path leads from “Annotate” to a Complete or Archive stage');
  });

  describe('stage settings', () => {
    const withSettings = (type: StageType, settings: Stage['settings']): Workflow => {
      const w = base();
      if (type === 'review') w.stages[1]!.settings = settings;
      else w.stages[0] = { ...w.stages[0]!, type, settings };
      return w;
    };

    it('accepts the settings of each type', () => {
      expect(
        codes(
          withSettings('annotate', {
            workers: { mode: 'selected', userIds: ['u1'], groupIds: [] },
            leaseMinutes: 1440,
            hideUnassignedTasks: true,
            allowReassessment: true,
          }),
        ),
      ).toEqual([]);
      expect(codes(withSettings('consensus', { annotatorCount: 10, minimumToProceed: 7 }))).toEqual([]);
      expect(
        codes(
          withSettings('review', {
            sampleRate: 0,
            reviewOwnWork: true,
            allowReviewerEdits: true,
            leaseMinutes: 1,
          }),
        ),
      ).toEqual([]);
    });

    it('refuses a setting the type does not take (setting_not_applicable)', () => {
      expect(only(withSettings('annotate', { sampleRate: 10 }), 'setting_not_applicable')).toMatchObject({
        path: 'stages[0].settings.sampleRate',
        message: 'an Annotate stage has no “sampleRate” setting',
      });
      const router = base();
      router.stages[2] = { ...router.stages[2]!, settings: { leaseMinutes: 10 } };
      expect(codes(router)).toEqual(['setting_not_applicable']);
    });

    it('needs someone in a stage restricted to selected workers (workers_empty)', () => {
      const w = withSettings('review', { workers: { mode: 'selected', userIds: [], groupIds: [] } });
      expect(only(w, 'workers_empty').path).toBe('stages[1].settings.workers');
      expect(
        codes(withSettings('review', { workers: { mode: 'selected', userIds: [], groupIds: ['g1'] } })),
      ).toEqual([]);
    });

    it('needs 2–10 annotators in a consensus stage (annotator_count)', () => {
      expect(only(withSettings('consensus', {}), 'annotator_count').message).toBe(
        'a Consensus stage needs its number of annotators (2–10)',
      );
      for (const n of [1, 11, 2.5])
        expect(only(withSettings('consensus', { annotatorCount: n }), 'annotator_count').message).toBe(
          'must be a whole number from 2 to 10',
        );
    });

    it('needs the minimum to proceed between 1 and the number of annotators (minimum_to_proceed)', () => {
      expect(
        only(withSettings('consensus', { annotatorCount: 3, minimumToProceed: 4 }), 'minimum_to_proceed')
          .message,
      ).toBe('must be a whole number from 1 to 3 (the number of annotators)');
      expect(codes(withSettings('consensus', { annotatorCount: 3, minimumToProceed: 0 }))).toEqual([
        'minimum_to_proceed',
      ]);
    });

    it('needs a deadline of 1 to 8760 whole hours (deadline_hours)', () => {
      for (const h of [0, 8761, 1.5])
        expect(
          only(withSettings('consensus', { annotatorCount: 3, deadlineHours: h }), 'deadline_hours').message,
        ).toBe('must be a whole number of hours from 1 to 8760');
      expect(codes(withSettings('consensus', { annotatorCount: 3, deadlineHours: 24 }))).toEqual([]);
    });

    it('needs an auto-accept threshold from 0 to 1 (auto_accept_threshold)', () => {
      for (const t of [-0.1, 1.01])
        expect(
          only(
            withSettings('consensus', { annotatorCount: 3, autoAcceptThreshold: t }),
            'auto_accept_threshold',
          ).path,
        ).toBe('stages[0].settings.autoAcceptThreshold');
      expect(codes(withSettings('consensus', { annotatorCount: 3, autoAcceptThreshold: 0.9 }))).toEqual([]);
      expect(codes(withSettings('review', { autoAcceptThreshold: 0.9 }))).toEqual(['setting_not_applicable']);
    });

    it('needs a sample rate from 0 to 100 (sample_rate)', () => {
      expect(only(withSettings('review', { sampleRate: 101 }), 'sample_rate').path).toBe(
        'stages[1].settings.sampleRate',
      );
      expect(codes(withSettings('review', { sampleRate: -1 }))).toEqual(['sample_rate']);
    });

    it('needs a lease of 1 to 1440 whole minutes (lease_minutes)', () => {
      for (const m of [0, 1441, 1.5])
        expect(only(withSettings('annotate', { leaseMinutes: m }), 'lease_minutes').message).toBe(
          'must be a whole number of minutes from 1 to 1440',
        );
    });

    it('fills in defaults', () => {
      const w = builtInWorkflow('consensus')!;
      expect(resolveSettings(w.stages[0]!)).toEqual({
        workers: { mode: 'all' },
        annotatorCount: 3,
        minimumToProceed: 3,
        deadlineHours: null,
        autoAcceptThreshold: null,
        consensusGeometry: 'best',
        sampleRate: 100,
        leaseMinutes: 30,
        hideUnassignedTasks: false,
        allowReassessment: false,
        allowReviewerEdits: false,
        reviewOwnWork: false,
      });
      expect(resolveSettings(w.stages[1]!).annotatorCount).toBe(1);
    });
  });

  it('has a failing example above for every issue code, and docs/workflows.md describes each', () => {
    // Runs after the tests above (same file, in order); keeps the codes, tests and docs in step.
    expect(WORKFLOW_ISSUE_CODES.filter((c) => !seen.has(c))).toEqual([]);
    const docs = readFileSync(new URL('../docs/workflows.md', import.meta.url), 'utf8');
    expect(WORKFLOW_ISSUE_CODES.filter((c) => !docs.includes(`\`${c}\``))).toEqual([]);
  });
});

describe('where a task goes next', () => {
  it('follows the outcome edges of work stages', () => {
    const w = builtInWorkflow('annotate_review_rework')!;
    expect(startStage(w)?.id).toBe('annotate');
    expect(nextStage(w, 'annotate', 'done')).toBe('review');
    expect(nextStage(w, 'review', 'approved')).toBe('complete');
    expect(nextStage(w, 'review', 'rejected')).toBe('rework');
    expect(nextStage(w, 'rework', 'done')).toBe('review');
    expect(nextStage(w, 'annotate', 'approved')).toBeNull();
    expect(nextStage(w, 'complete', 'done')).toBeNull();
    expect(nextStage(w, 'nowhere', 'done')).toBeNull();
    expect(nextStage(w, 'annotate', { roll: 0 })).toBeNull();
  });

  it('routes by collaborator first, then by percentage in edge order, then otherwise', () => {
    const w: Workflow = {
      formatVersion: 1,
      stages: [
        stage('annotate', 'annotate', { start: true }),
        stage('router', 'router'),
        stage('review', 'review'),
        stage('expert', 'review'),
        stage('complete', 'complete'),
      ],
      edges: [
        { from: 'annotate', to: 'router', kind: 'done' },
        { from: 'router', to: 'review', kind: 'branch', branch: { kind: 'percentage', percent: 10 } },
        {
          from: 'router',
          to: 'expert',
          kind: 'branch',
          branch: { kind: 'collaborator', userIds: ['new'], groupIds: ['trainees'] },
        },
        { from: 'router', to: 'complete', kind: 'branch', branch: { kind: 'otherwise' } },
        { from: 'review', to: 'complete', kind: 'approved' },
        { from: 'review', to: 'annotate', kind: 'rejected' },
        { from: 'expert', to: 'complete', kind: 'approved' },
        { from: 'expert', to: 'annotate', kind: 'rejected' },
      ],
    };
    expect(validateWorkflow(w)).toEqual([]);
    expect(nextStage(w, 'router', { roll: 0.5, userId: 'new' })).toBe('expert');
    expect(nextStage(w, 'router', { roll: 0.5, userId: 'x', groupIds: ['trainees'] })).toBe('expert');
    expect(nextStage(w, 'router', { roll: 0.05, userId: 'x' })).toBe('review');
    expect(nextStage(w, 'router', { roll: 0.1 })).toBe('complete');
    expect(nextStage(w, 'router', 'done')).toBeNull();
    expect(settleStage(w, 'annotate', 'done', () => ({ roll: 0.01 }))).toBe('review');
    expect(settleStage(w, 'annotate', 'done', () => ({ roll: 0.99 }))).toBe('complete');
  });
});

describe('comparing two versions of a workflow', () => {
  it('finds nothing between equal workflows, and ignores renames and edge changes', () => {
    const w = base();
    const renamed = base();
    renamed.stages[1]!.name = 'QA';
    renamed.edges[2] = { from: 'review', to: 'complete', kind: 'rejected' };
    expect(compareWorkflows(w, renamed)).toEqual({ removedStageIds: [], typeChanged: [], addedStageIds: [] });
  });

  it('lists removed, added and retyped stages by id', () => {
    const old = builtInWorkflow('annotate_review_rework')!;
    const next = base();
    next.stages.push(stage('archive', 'archive'));
    next.stages[0] = { ...next.stages[0]!, type: 'consensus' };
    expect(compareWorkflows(old, next)).toEqual({
      removedStageIds: ['rework'],
      typeChanged: ['annotate'],
      addedStageIds: ['archive'],
    });
    expect(compareWorkflows(next, old).removedStageIds).toEqual(['archive']);
  });
});

// Generated workflows: a chain of work stages and routers, every forward edge to the next stage
// (so every stage is reachable and reaches the end), rejections back to an earlier work stage or
// to Archive, router branches forward only (so no router loops).
const WORK: StageType[] = ['annotate', 'review', 'consensus', 'consensus_review', 'router'];
const arbWorkflow: fc.Arbitrary<Workflow> = fc
  .record({
    first: fc.constantFrom<StageType>('annotate', 'consensus'),
    rest: fc.array(fc.constantFrom(...WORK), { maxLength: 12 }),
    choices: fc.array(fc.nat(1000), { minLength: 60, maxLength: 60 }),
  })
  .map(({ first, rest, choices }) => {
    let c = 0;
    const pick = (n: number) => choices[c++ % choices.length]! % n;
    const types = [first, ...rest];
    const stages: Stage[] = types.map((t, i) => stage(`s${i}`, t, { start: i === 0 }));
    stages.push(stage('complete', 'complete'));
    const ids = stages.map((s) => s.id);
    const edges: Edge[] = [];
    let usesArchive = false;
    types.forEach((t, i) => {
      const from = `s${i}`;
      const next = ids[i + 1]!;
      const later = () => ids[i + 1 + pick(ids.length - i - 1)]!;
      if (t === 'annotate' || t === 'consensus') edges.push({ from, to: next, kind: 'done' });
      else if (t === 'review' || t === 'consensus_review') {
        edges.push({ from, to: next, kind: 'approved' });
        const back = types.map((x, j) => [x, j] as const).filter(([x, j]) => j < i && x !== 'router');
        const target = back.length > 0 && pick(3) > 0 ? `s${back[pick(back.length)]![1]}` : 'archive';
        if (target === 'archive') usesArchive = true;
        edges.push({ from, to: target, kind: 'rejected' });
      } else if (pick(2) === 0) {
        const p = 1 + pick(99);
        edges.push({ from, to: next, kind: 'branch', branch: { kind: 'percentage', percent: p } });
        edges.push({ from, to: later(), kind: 'branch', branch: { kind: 'percentage', percent: 100 - p } });
      } else {
        edges.push({
          from,
          to: later(),
          kind: 'branch',
          branch: { kind: 'collaborator', userIds: ['u1'], groupIds: [] },
        });
        edges.push({ from, to: next, kind: 'branch', branch: { kind: 'otherwise' } });
      }
    });
    if (usesArchive) stages.push(stage('archive', 'archive'));
    return { formatVersion: 1 as const, stages, edges };
  });

describe('properties', () => {
  it('every workflow built by construction validates', () => {
    fc.assert(
      fc.property(arbWorkflow, (w) => {
        expect(validateWorkflow(w)).toEqual([]);
      }),
    );
  });

  it('removing any edge of a built-in template leaves an issue', () => {
    const cases = BUILT_IN_TEMPLATES.flatMap((t) => t.workflow.edges.map((_, i) => [t.key, i] as const));
    fc.assert(
      fc.property(fc.constantFrom(...cases), ([key, i]) => {
        const w = builtInWorkflow(key)!;
        w.edges.splice(i, 1);
        expect(validateWorkflow(w).length).toBeGreaterThan(0);
      }),
    );
  });

  it('nextStage never leaves the graph, and every required outcome leads somewhere', () => {
    const outcomes: Outcome[] = ['done', 'approved', 'rejected'];
    fc.assert(
      fc.property(
        arbWorkflow,
        fc.nat(),
        fc.constantFrom(...outcomes),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.option(fc.constantFrom('u1', 'u2')),
        (w, n, outcome, roll, userId) => {
          const s = w.stages[n % w.stages.length]!;
          const ids = new Set(w.stages.map((x) => x.id));
          const pick = { roll, userId: userId ?? undefined };
          for (const o of [outcome, pick]) {
            const to = nextStage(w, s.id, o);
            if (to !== null) expect(ids.has(to)).toBe(true);
          }
          if (s.type === 'router') expect(nextStage(w, s.id, pick)).not.toBeNull();
          for (const kind of REQUIRED_EDGE_KINDS[s.type])
            if (kind !== 'branch') expect(nextStage(w, s.id, kind)).not.toBeNull();
          if (s.type !== 'router' && REQUIRED_EDGE_KINDS[s.type].length > 0) {
            const settled = settleStage(w, s.id, REQUIRED_EDGE_KINDS[s.type][0] as Outcome, () => pick);
            expect(settled).not.toBeNull();
            expect(ids.has(settled!)).toBe(true);
            expect(w.stages.find((x) => x.id === settled)?.type).not.toBe('router');
          }
        },
      ),
    );
  });
});
