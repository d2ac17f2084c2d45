import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { builtInWorkflow } from '../src/core/workflow/index.ts';
import { describeEachDialect, PASSWORD, type TestEnv, uniqueEmail } from './helpers/env.ts';
import {
  adminTemplate,
  fixture,
  freshTaskerInvitedByManager,
  heldTask,
  LETTER,
  labelledTask,
  matrixProject,
  mediaUnit,
  type Probe,
  ROLES,
  revisionOfGroup,
  revisionOfUser,
  sharedDataset,
  sharedOntology,
  sharedUnit,
  type World,
  withOntology,
} from './helpers/matrix-world.ts';
import { datasetFixture, ontologyFixture } from './helpers/project-fixtures.ts';
import { benchmarksProbes } from './matrix-probes/benchmarks.ts';
import { consensusProbes } from './matrix-probes/consensus.ts';
import { issuesProbes } from './matrix-probes/issues.ts';
import { reviewsProbes } from './matrix-probes/reviews.ts';

// Every route the API exposes, tried by every workspace role. The roles that may act are written
// here by hand from the product rules (DESIGN.md's matrix), as letters A(dmin) W(orkforce manager)
// M(ember) T(asker). A refused request must answer 403 and leave every table, the audit log
// included, exactly as it was.

const CORE_PROBES: Probe[] = [
  {
    route: 'GET /api/v1/auth/session',
    allowed: 'AWMT',
    call: async () => ({ method: 'GET', url: '/api/v1/auth/session' }),
  },
  {
    route: 'POST /api/v1/auth/logout',
    allowed: 'AWMT',
    freshSession: true,
    call: async () => ({ method: 'POST', url: '/api/v1/auth/logout', body: {} }),
  },
  {
    route: 'PATCH /api/v1/account',
    allowed: 'AWMT',
    call: async (w, role) => ({
      method: 'PATCH',
      url: '/api/v1/account',
      body: {
        name: `Renamed ${role}`,
        revision: (await w.as[role].get('/api/v1/auth/session')).body.user.revision,
      },
    }),
  },
  {
    route: 'GET /api/v1/api-keys',
    allowed: 'AWMT',
    call: async () => ({ method: 'GET', url: '/api/v1/api-keys' }),
  },
  {
    route: 'POST /api/v1/api-keys',
    allowed: 'AWMT',
    call: async () => ({ method: 'POST', url: '/api/v1/api-keys', body: { name: 'matrix' } }),
  },
  {
    route: 'DELETE /api/v1/api-keys/:id',
    allowed: 'AWMT',
    call: async (w, role) => {
      const key = await w.as[role].post('/api/v1/api-keys', { name: 'to revoke' });
      return { method: 'DELETE', url: `/api/v1/api-keys/${key.body.id}` };
    },
  },
  {
    route: 'GET /api/v1/workspace',
    allowed: 'AWMT',
    call: async () => ({ method: 'GET', url: '/api/v1/workspace' }),
  },
  {
    route: 'PATCH /api/v1/workspace',
    allowed: 'A',
    call: async (w) => ({
      method: 'PATCH',
      url: '/api/v1/workspace',
      body: {
        name: 'Renamed workspace',
        revision: (await fixture(w).get('/api/v1/workspace')).body.revision,
      },
    }),
  },
  { route: 'GET /api/v1/audit', allowed: 'A', call: async () => ({ method: 'GET', url: '/api/v1/audit' }) },
  { route: 'GET /api/v1/users', allowed: 'AWM', call: async () => ({ method: 'GET', url: '/api/v1/users' }) },
  {
    route: 'GET /api/v1/users/:id',
    allowed: 'AWM',
    call: async (w) => ({ method: 'GET', url: `/api/v1/users/${w.env.admin.user!.id}` }),
  },
  {
    route: 'PATCH /api/v1/users/:id/role',
    allowed: 'A',
    call: async (w) => {
      const target = await freshTaskerInvitedByManager(w);
      return {
        method: 'PATCH',
        url: `/api/v1/users/${target.id}/role`,
        body: { role: 'member', revision: await revisionOfUser(w, target.id) },
      };
    },
  },
  {
    route: 'POST /api/v1/users/:id/deactivate',
    allowed: 'AW',
    call: async (w) => ({
      method: 'POST',
      url: `/api/v1/users/${(await freshTaskerInvitedByManager(w)).id}/deactivate`,
      body: {},
    }),
  },
  {
    route: 'POST /api/v1/users/:id/reactivate',
    allowed: 'AW',
    call: async (w) => {
      const target = await freshTaskerInvitedByManager(w);
      await fixture(w).post(`/api/v1/users/${target.id}/deactivate`);
      return { method: 'POST', url: `/api/v1/users/${target.id}/reactivate`, body: {} };
    },
  },
  {
    route: 'GET /api/v1/invites',
    allowed: 'AW',
    call: async () => ({ method: 'GET', url: '/api/v1/invites' }),
  },
  {
    route: 'POST /api/v1/invites',
    allowed: 'AW',
    call: async () => ({
      method: 'POST',
      url: '/api/v1/invites',
      body: { email: uniqueEmail(), role: 'tasker' },
    }),
  },
  {
    route: 'DELETE /api/v1/invites/:id',
    allowed: 'AW',
    call: async (w) => {
      const invite = await fixture(w).post('/api/v1/invites', { email: uniqueEmail(), role: 'tasker' });
      return { method: 'DELETE', url: `/api/v1/invites/${invite.body.id}` };
    },
  },
  {
    route: 'GET /api/v1/groups',
    allowed: 'AWMT',
    call: async () => ({ method: 'GET', url: '/api/v1/groups' }),
  },
  {
    route: 'POST /api/v1/groups',
    allowed: 'AW',
    call: async () => ({ method: 'POST', url: '/api/v1/groups', body: { name: `Group ${uniqueEmail()}` } }),
  },
  {
    route: 'GET /api/v1/groups/:id',
    allowed: 'AWMT',
    call: async (w) => ({ method: 'GET', url: `/api/v1/groups/${w.groupId}` }),
  },
  {
    route: 'PATCH /api/v1/groups/:id',
    allowed: 'AW',
    call: async (w) => ({
      method: 'PATCH',
      url: `/api/v1/groups/${w.groupId}`,
      body: { description: `edited ${uniqueEmail()}`, revision: await revisionOfGroup(w, w.groupId) },
    }),
  },
  {
    route: 'DELETE /api/v1/groups/:id',
    allowed: 'AW',
    call: async (w) => {
      const group = await w.as.workforce_manager.post('/api/v1/groups', { name: `Doomed ${uniqueEmail()}` });
      await w.as.workforce_manager.post(`/api/v1/groups/${group.body.id}/members`, {
        userIds: [w.as.member.user!.id, w.as.tasker.user!.id],
      });
      return { method: 'DELETE', url: `/api/v1/groups/${group.body.id}` };
    },
  },
  {
    route: 'GET /api/v1/groups/:id/members',
    allowed: 'AWMT',
    call: async (w) => ({ method: 'GET', url: `/api/v1/groups/${w.groupId}/members` }),
  },
  {
    route: 'POST /api/v1/groups/:id/members',
    allowed: 'AW',
    call: async (w) => ({
      method: 'POST',
      url: `/api/v1/groups/${w.groupId}/members`,
      body: { userIds: [(await freshTaskerInvitedByManager(w)).id] },
    }),
  },
  {
    route: 'DELETE /api/v1/groups/:id/members/:userId',
    allowed: 'AW',
    call: async (w) => {
      const target = await freshTaskerInvitedByManager(w);
      await fixture(w).post(`/api/v1/groups/${w.groupId}/members`, { userIds: [target.id] });
      return { method: 'DELETE', url: `/api/v1/groups/${w.groupId}/members/${target.id}` };
    },
  },
  {
    route: 'GET /api/v1/groups/:id/managers',
    allowed: 'AW',
    call: async (w) => ({ method: 'GET', url: `/api/v1/groups/${w.groupId}/managers` }),
  },
  {
    route: 'POST /api/v1/groups/:id/managers',
    allowed: 'AW',
    call: async (w) => {
      // An Admin, because Workforce Managers see Admins but not each other.
      const manager = await w.env.user('admin');
      return {
        method: 'POST',
        url: `/api/v1/groups/${w.groupId}/managers`,
        body: { userIds: [manager.user!.id] },
      };
    },
  },
  {
    route: 'DELETE /api/v1/groups/:id/managers/:userId',
    allowed: 'AW',
    call: async (w) => {
      const manager = await w.env.user('admin');
      await fixture(w).post(`/api/v1/groups/${w.groupId}/managers`, { userIds: [manager.user!.id] });
      return { method: 'DELETE', url: `/api/v1/groups/${w.groupId}/managers/${manager.user!.id}` };
    },
  },
  {
    route: 'GET /api/v1/ontologies',
    allowed: 'AWMT',
    call: async () => ({ method: 'GET', url: '/api/v1/ontologies' }),
  },
  {
    route: 'POST /api/v1/ontologies',
    allowed: 'AWM',
    call: async () => ({
      method: 'POST',
      url: '/api/v1/ontologies',
      body: { name: 'Matrix', schema: { formatVersion: 1, objects: [], classifications: [] } },
    }),
  },
  {
    route: 'POST /api/v1/ontologies/import',
    allowed: 'AWM',
    call: async () => ({
      method: 'POST',
      url: '/api/v1/ontologies/import',
      body: {
        gloss: 'ontology',
        formatVersion: 1,
        name: 'Imported',
        schema: { formatVersion: 1, objects: [], classifications: [] },
      },
    }),
  },
  {
    route: 'GET /api/v1/ontologies/:id',
    allowed: 'AMT',
    call: async (w) => ({ method: 'GET', url: `/api/v1/ontologies/${(await sharedOntology(w)).id}` }),
  },
  {
    route: 'PATCH /api/v1/ontologies/:id',
    allowed: 'A',
    call: async (w) => {
      const o = await sharedOntology(w);
      return {
        method: 'PATCH',
        url: `/api/v1/ontologies/${o.id}`,
        body: { name: 'Renamed', revision: o.revision },
      };
    },
  },
  {
    route: 'PUT /api/v1/ontologies/:id/schema',
    allowed: 'A',
    call: async (w) => {
      const o = await sharedOntology(w);
      const schema = {
        formatVersion: 1,
        objects: [{ featureId: 'matrixcar', name: 'Car', shape: 'point', color: '#ff0000', attributes: [] }],
        classifications: [],
      };
      return {
        method: 'PUT',
        url: `/api/v1/ontologies/${o.id}/schema`,
        body: { schema, revision: o.revision },
      };
    },
  },
  {
    route: 'DELETE /api/v1/ontologies/:id',
    allowed: 'A',
    call: async (w) => ({ method: 'DELETE', url: `/api/v1/ontologies/${(await sharedOntology(w)).id}` }),
  },
  {
    route: 'GET /api/v1/ontologies/:id/versions',
    allowed: 'AMT',
    call: async (w) => ({
      method: 'GET',
      url: `/api/v1/ontologies/${(await sharedOntology(w)).id}/versions`,
    }),
  },
  {
    route: 'GET /api/v1/ontologies/:id/versions/:version',
    allowed: 'AMT',
    call: async (w) => ({
      method: 'GET',
      url: `/api/v1/ontologies/${(await sharedOntology(w)).id}/versions/1`,
    }),
  },
  {
    route: 'GET /api/v1/ontologies/:id/export',
    allowed: 'AMT',
    call: async (w) => ({ method: 'GET', url: `/api/v1/ontologies/${(await sharedOntology(w)).id}/export` }),
  },
  {
    route: 'GET /api/v1/ontologies/:id/access',
    allowed: 'AMT',
    call: async (w) => ({ method: 'GET', url: `/api/v1/ontologies/${(await sharedOntology(w)).id}/access` }),
  },
  {
    route: 'PUT /api/v1/ontologies/:id/access',
    allowed: 'A',
    call: async (w) => ({
      method: 'PUT',
      url: `/api/v1/ontologies/${(await sharedOntology(w)).id}/access`,
      body: { principalType: 'user', principalId: w.as.member.user!.id, role: 'user' },
    }),
  },
  {
    route: 'DELETE /api/v1/ontologies/:id/access/:principalType/:principalId',
    allowed: 'A',
    call: async (w) => ({
      method: 'DELETE',
      url: `/api/v1/ontologies/${(await sharedOntology(w)).id}/access/group/${w.groupId}`,
    }),
  },
  {
    route: 'GET /api/v1/projects',
    allowed: 'AWMT',
    call: async () => ({ method: 'GET', url: '/api/v1/projects' }),
  },
  {
    route: 'POST /api/v1/projects',
    allowed: 'AWM',
    call: async () => ({ method: 'POST', url: '/api/v1/projects', body: { name: 'Matrix', tags: ['m'] } }),
  },
  {
    route: 'GET /api/v1/project-tags',
    allowed: 'AWMT',
    call: async () => ({ method: 'GET', url: '/api/v1/project-tags' }),
  },
  {
    route: 'GET /api/v1/projects/:id',
    allowed: 'AMT',
    call: async (w) => ({ method: 'GET', url: `/api/v1/projects/${(await matrixProject(w)).id}` }),
  },
  {
    route: 'PATCH /api/v1/projects/:id',
    allowed: 'AM',
    call: async (w) => {
      const p = await matrixProject(w);
      return {
        method: 'PATCH',
        url: `/api/v1/projects/${p.id}`,
        body: { name: 'Renamed', revision: p.revision },
      };
    },
  },
  {
    route: 'DELETE /api/v1/projects/:id',
    allowed: 'A',
    call: async (w) => ({
      method: 'DELETE',
      url: `/api/v1/projects/${(await matrixProject(w, { withTask: true })).id}`,
    }),
  },
  {
    route: 'PUT /api/v1/projects/:id/status',
    allowed: 'AM',
    call: async (w) => {
      const p = await matrixProject(w);
      return {
        method: 'PUT',
        url: `/api/v1/projects/${p.id}/status`,
        body: { status: 'in_progress', reason: 'Go', revision: p.revision },
      };
    },
  },
  {
    route: 'POST /api/v1/projects/:id/datasets',
    allowed: 'A',
    call: async (w) => {
      const p = await matrixProject(w);
      const dataset = await datasetFixture(w.env, { units: 2 });
      return { method: 'POST', url: `/api/v1/projects/${p.id}/datasets`, body: { datasetId: dataset.id } };
    },
  },
  {
    route: 'DELETE /api/v1/projects/:id/datasets/:datasetId',
    allowed: 'A',
    call: async (w) => {
      const p = await matrixProject(w, { withTask: true });
      return { method: 'DELETE', url: `/api/v1/projects/${p.id}/datasets/${p.datasetId}` };
    },
  },
  {
    route: 'PUT /api/v1/projects/:id/ontology',
    allowed: 'A',
    call: async (w) => {
      const p = await matrixProject(w);
      const ontology = await ontologyFixture(w.env);
      return {
        method: 'PUT',
        url: `/api/v1/projects/${p.id}/ontology`,
        body: { ontologyId: ontology.id, version: 1, revision: p.revision },
      };
    },
  },
  {
    route: 'GET /api/v1/projects/:id/members',
    allowed: 'AMT',
    call: async (w) => ({ method: 'GET', url: `/api/v1/projects/${(await matrixProject(w)).id}/members` }),
  },
  {
    route: 'PUT /api/v1/projects/:id/members',
    allowed: 'AM',
    call: async (w) => {
      const p = await matrixProject(w);
      const target = await freshTaskerInvitedByManager(w);
      return {
        method: 'PUT',
        url: `/api/v1/projects/${p.id}/members`,
        body: { principalType: 'user', principalId: target.id, role: 'reviewer' },
      };
    },
  },
  {
    route: 'DELETE /api/v1/projects/:id/members/:principalType/:principalId',
    allowed: 'AM',
    call: async (w) => {
      const p = await matrixProject(w);
      const target = await freshTaskerInvitedByManager(w);
      await fixture(w).request('PUT', `/api/v1/projects/${p.id}/members`, {
        principalType: 'user',
        principalId: target.id,
        role: 'reviewer',
      });
      return { method: 'DELETE', url: `/api/v1/projects/${p.id}/members/user/${target.id}` };
    },
  },
  {
    route: 'GET /api/v1/projects/:id/tasks',
    allowed: 'AMT',
    call: async (w) => ({
      method: 'GET',
      url: `/api/v1/projects/${(await matrixProject(w, { withTask: true })).id}/tasks`,
    }),
  },
  {
    route: 'GET /api/v1/projects/:id/stages/counts',
    allowed: 'AMT',
    call: async (w) => ({
      method: 'GET',
      url: `/api/v1/projects/${(await matrixProject(w, { withTask: true })).id}/stages/counts`,
    }),
  },
  {
    route: 'POST /api/v1/tasks/:id/assign',
    allowed: 'AM',
    call: async (w) => ({
      method: 'POST',
      url: `/api/v1/tasks/${(await matrixProject(w, { withTask: true })).taskId}/assign`,
      body: { userId: w.as.tasker.user!.id },
    }),
  },
  {
    route: 'POST /api/v1/tasks/:id/unassign',
    allowed: 'AM',
    call: async (w) => {
      const { taskId } = await matrixProject(w, { withTask: true });
      await fixture(w).post(`/api/v1/tasks/${taskId}/assign`, { userId: w.as.tasker.user!.id });
      return { method: 'POST', url: `/api/v1/tasks/${taskId}/unassign`, body: {} };
    },
  },
  {
    route: 'PUT /api/v1/tasks/:id/priority',
    allowed: 'AM',
    call: async (w) => ({
      method: 'PUT',
      url: `/api/v1/tasks/${(await matrixProject(w, { withTask: true })).taskId}/priority`,
      body: { priority: 70 },
    }),
  },
  {
    route: 'POST /api/v1/tasks/:id/move',
    allowed: 'AM',
    call: async (w) => ({
      method: 'POST',
      url: `/api/v1/tasks/${(await matrixProject(w, { withTask: true })).taskId}/move`,
      body: { stageId: 'review', reason: 'matrix' },
    }),
  },
  {
    route: 'POST /api/v1/tasks/:id/reopen',
    allowed: 'AM',
    call: async (w) => {
      const { taskId } = await matrixProject(w, { withTask: true });
      await fixture(w).post(`/api/v1/tasks/${taskId}/move`, { stageId: 'complete', reason: 'matrix' });
      return { method: 'POST', url: `/api/v1/tasks/${taskId}/reopen`, body: {} };
    },
  },
  {
    route: 'POST /api/v1/projects/:id/tasks/bulk',
    allowed: 'AM',
    call: async (w) => {
      const p = await matrixProject(w, { withTask: true });
      return {
        method: 'POST',
        url: `/api/v1/projects/${p.id}/tasks/bulk`,
        body: { taskIds: [p.taskId], action: { kind: 'set_priority', priority: 20 } },
      };
    },
  },
  {
    route: 'GET /api/v1/tasks/:id',
    allowed: 'AMT',
    call: async (w) => ({
      method: 'GET',
      url: `/api/v1/tasks/${(await matrixProject(w, { withTask: true, status: 'in_progress' })).taskId}`,
    }),
  },
  {
    route: 'GET /api/v1/tasks/:id/events',
    allowed: 'AMT',
    call: async (w) => ({
      method: 'GET',
      url: `/api/v1/tasks/${(await matrixProject(w, { withTask: true, status: 'in_progress' })).taskId}/events`,
    }),
  },
  {
    route: 'POST /api/v1/projects/:id/stages/:stageId/next',
    allowed: 'AMT',
    call: async (w) => ({
      method: 'POST',
      url: `/api/v1/projects/${(await matrixProject(w, { withTask: true, status: 'in_progress' })).id}/stages/annotate/next`,
    }),
  },
  {
    route: 'POST /api/v1/tasks/:id/claim',
    allowed: 'AMT',
    call: async (w) => ({
      method: 'POST',
      url: `/api/v1/tasks/${(await matrixProject(w, { withTask: true, status: 'in_progress' })).taskId}/claim`,
    }),
  },
  ...(['heartbeat', 'release', 'skip', 'submit'] as const).map(
    (action): Probe => ({
      route: `POST /api/v1/tasks/:id/${action}`,
      allowed: 'AMT',
      call: async (w, role) => ({
        method: 'POST',
        url: `/api/v1/tasks/${await heldTask(w, role)}/${action}`,
      }),
    }),
  ),
  {
    // Without userId: managers get everyone's, any other member their own.
    route: 'GET /api/v1/projects/:id/analytics/time',
    allowed: 'AMT',
    call: async (w) => ({
      method: 'GET',
      url: `/api/v1/projects/${(await matrixProject(w)).id}/analytics/time`,
    }),
  },
  {
    // Without userId: managers get the team's, any other member their own.
    route: 'GET /api/v1/projects/:id/analytics',
    allowed: 'AMT',
    call: async (w) => ({
      method: 'GET',
      url: `/api/v1/projects/${(await matrixProject(w)).id}/analytics`,
    }),
  },
  {
    // A Workforce Manager gets the members of the groups they manage.
    route: 'GET /api/v1/analytics/workspace',
    allowed: 'AW',
    call: async () => ({ method: 'GET', url: '/api/v1/analytics/workspace' }),
  },
  {
    route: 'POST /api/v1/tasks/:id/activity',
    allowed: 'AMT',
    call: async (w, role) => {
      const now = w.env.clock.now;
      return {
        method: 'POST',
        url: `/api/v1/tasks/${await heldTask(w, role)}/activity`,
        body: { sentAt: now, spans: [{ start: now - 30_000, end: now }] },
      };
    },
  },
  ...(['approve', 'reject'] as const).map(
    (action): Probe => ({
      route: `POST /api/v1/tasks/:id/${action}`,
      allowed: 'AM',
      call: async (w, role) => ({
        method: 'POST',
        url: `/api/v1/tasks/${await heldTask(w, role, 'review')}/${action}`,
        // A rejection needs a reason.
        ...(action === 'reject' ? { body: { note: 'matrix' } } : {}),
      }),
    }),
  ),
  {
    route: 'GET /api/v1/tasks/:id/labels',
    allowed: 'AMT',
    call: async (w) => ({
      method: 'GET',
      url: `/api/v1/tasks/${(await matrixProject(w, { withTask: true, status: 'in_progress' })).taskId}/labels`,
    }),
  },
  {
    route: 'PUT /api/v1/tasks/:id/labels',
    allowed: 'AMT',
    call: async (w, role) => {
      const taskId = await heldTask(w, role);
      await withOntology(w, taskId);
      return {
        method: 'PUT',
        url: `/api/v1/tasks/${taskId}/labels`,
        body: { baseRevision: 0, document: { formatVersion: 1, objects: [], classifications: [] } },
      };
    },
  },
  {
    route: 'POST /api/v1/projects/:id/labels/import',
    allowed: 'AM',
    call: async (w) => {
      const p = await matrixProject(w, { withTask: true, status: 'in_progress' });
      await withOntology(w, p.taskId!);
      return {
        method: 'POST',
        url: `/api/v1/projects/${p.id}/labels/import`,
        body: {
          model: 'matrix-model',
          items: [{ taskId: p.taskId, document: { formatVersion: 1, objects: [], classifications: [] } }],
        },
      };
    },
  },
  {
    route: 'GET /api/v1/projects/:id/export',
    allowed: 'AM',
    call: async (w) => ({
      method: 'GET',
      url: `/api/v1/projects/${(await matrixProject(w, { withTask: true })).id}/export`,
    }),
  },
  {
    route: 'GET /api/v1/tasks/:id/labels/revisions',
    allowed: 'AMT',
    call: async (w) => ({
      method: 'GET',
      url: `/api/v1/tasks/${(await labelledTask(w)).taskId}/labels/revisions`,
    }),
  },
  {
    route: 'GET /api/v1/tasks/:id/labels/revisions/:revision',
    allowed: 'AMT',
    call: async (w) => ({
      method: 'GET',
      url: `/api/v1/tasks/${(await labelledTask(w)).taskId}/labels/revisions/1`,
    }),
  },
  {
    route: 'GET /api/v1/datasets',
    allowed: 'AWMT',
    call: async () => ({ method: 'GET', url: '/api/v1/datasets' }),
  },
  {
    route: 'POST /api/v1/datasets',
    allowed: 'AWM',
    call: async () => ({
      method: 'POST',
      url: '/api/v1/datasets',
      body: { name: `Dataset ${uniqueEmail()}` },
    }),
  },
  {
    route: 'GET /api/v1/datasets/:id',
    allowed: 'AMT',
    call: async (w) => ({ method: 'GET', url: `/api/v1/datasets/${(await sharedDataset(w)).id}` }),
  },
  {
    route: 'PATCH /api/v1/datasets/:id',
    allowed: 'A',
    call: async (w) => ({
      method: 'PATCH',
      url: `/api/v1/datasets/${(await sharedDataset(w)).id}`,
      body: { description: 'edited', revision: 1 },
    }),
  },
  {
    route: 'DELETE /api/v1/datasets/:id',
    allowed: 'A',
    call: async (w) => ({ method: 'DELETE', url: `/api/v1/datasets/${(await sharedDataset(w)).id}` }),
  },
  {
    route: 'GET /api/v1/datasets/:id/access',
    allowed: 'AMT',
    call: async (w) => ({ method: 'GET', url: `/api/v1/datasets/${(await sharedDataset(w)).id}/access` }),
  },
  {
    route: 'PUT /api/v1/datasets/:id/access',
    allowed: 'A',
    call: async (w) => ({
      method: 'PUT',
      url: `/api/v1/datasets/${(await sharedDataset(w)).id}/access`,
      body: { principalType: 'user', principalId: w.as.member.user!.id, role: 'admin' },
    }),
  },
  {
    route: 'DELETE /api/v1/datasets/:id/access/:principalType/:principalId',
    allowed: 'A',
    call: async (w) => ({
      method: 'DELETE',
      url: `/api/v1/datasets/${(await sharedDataset(w)).id}/access/group/${w.groupId}`,
    }),
  },
  {
    route: 'GET /api/v1/datasets/:id/units',
    allowed: 'AMT',
    call: async (w) => ({ method: 'GET', url: `/api/v1/datasets/${(await sharedDataset(w)).id}/units` }),
  },
  {
    route: 'POST /api/v1/datasets/:id/units',
    allowed: 'A',
    call: async (w) => {
      const body = new FormData();
      body.append('files', new Blob(['# notes\n']), 'notes.md');
      return { method: 'POST', url: `/api/v1/datasets/${(await sharedDataset(w)).id}/units`, body };
    },
  },
  {
    route: 'POST /api/v1/datasets/:id/manifest',
    allowed: 'A',
    call: async (w) => ({
      method: 'POST',
      url: `/api/v1/datasets/${(await sharedDataset(w)).id}/manifest`,
      body: { items: [{ key: 'imports/matrix/a.jpg' }] },
    }),
  },
  {
    route: 'PATCH /api/v1/data-units/:id',
    allowed: 'A',
    call: async (w) => ({
      method: 'PATCH',
      url: `/api/v1/data-units/${(await sharedUnit(w)).id}`,
      body: { title: 'Renamed unit', revision: 1 },
    }),
  },
  {
    route: 'DELETE /api/v1/data-units/:id',
    allowed: 'A',
    call: async (w) => ({ method: 'DELETE', url: `/api/v1/data-units/${(await sharedUnit(w)).id}` }),
  },
  {
    route: 'GET /api/v1/data-units/:id/file',
    allowed: 'AMT',
    call: async (w) => ({ method: 'GET', url: `/api/v1/data-units/${await mediaUnit(w)}/file` }),
  },
  {
    route: 'GET /api/v1/data-units/:id/thumbnail',
    allowed: 'AMT',
    call: async (w) => ({ method: 'GET', url: `/api/v1/data-units/${await mediaUnit(w)}/thumbnail` }),
  },
  {
    route: 'GET /api/v1/data-units/:id/items/:position/file',
    allowed: 'AMT',
    call: async (w) => ({ method: 'GET', url: `/api/v1/data-units/${await mediaUnit(w)}/items/0/file` }),
  },
  {
    route: 'GET /api/v1/data-units/:id/items/:position/thumbnail',
    allowed: 'AMT',
    call: async (w) => ({ method: 'GET', url: `/api/v1/data-units/${await mediaUnit(w)}/items/0/thumbnail` }),
  },
  {
    route: 'GET /api/v1/workflow-templates',
    allowed: 'AWM',
    call: async () => ({ method: 'GET', url: '/api/v1/workflow-templates' }),
  },
  {
    route: 'POST /api/v1/workflow-templates',
    allowed: 'AWM',
    call: async () => ({
      method: 'POST',
      url: '/api/v1/workflow-templates',
      body: { name: `Template ${uniqueEmail()}`, definition: builtInWorkflow('annotate') },
    }),
  },
  {
    route: 'GET /api/v1/workflow-templates/:id',
    allowed: 'AWM',
    call: async (w) => ({ method: 'GET', url: `/api/v1/workflow-templates/${(await adminTemplate(w)).id}` }),
  },
  {
    route: 'PATCH /api/v1/workflow-templates/:id',
    allowed: 'A',
    call: async (w) => {
      const t = await adminTemplate(w);
      return {
        method: 'PATCH',
        url: `/api/v1/workflow-templates/${t.id}`,
        body: { description: `edited ${uniqueEmail()}`, revision: t.revision },
      };
    },
  },
  {
    route: 'DELETE /api/v1/workflow-templates/:id',
    allowed: 'A',
    call: async (w) => ({
      method: 'DELETE',
      url: `/api/v1/workflow-templates/${(await adminTemplate(w)).id}`,
    }),
  },
  {
    route: 'GET /api/v1/projects/:id/workflow',
    allowed: 'AMT',
    call: async (w) => ({ method: 'GET', url: `/api/v1/projects/${(await matrixProject(w)).id}/workflow` }),
  },
  {
    route: 'GET /api/v1/projects/:id/workflow/versions',
    allowed: 'AMT',
    call: async (w) => ({
      method: 'GET',
      url: `/api/v1/projects/${(await matrixProject(w)).id}/workflow/versions`,
    }),
  },
  {
    route: 'GET /api/v1/projects/:id/workflow/versions/:version',
    allowed: 'AMT',
    call: async (w) => ({
      method: 'GET',
      url: `/api/v1/projects/${(await matrixProject(w)).id}/workflow/versions/1`,
    }),
  },
  {
    route: 'PUT /api/v1/projects/:id/workflow',
    allowed: 'A',
    call: async (w) => ({
      method: 'PUT',
      url: `/api/v1/projects/${(await matrixProject(w, { withTask: true })).id}/workflow`,
      body: { workflow: builtInWorkflow('annotate'), baseVersion: 1 },
    }),
  },
];

const PROBES: Probe[] = [
  ...CORE_PROBES,
  ...issuesProbes,
  ...reviewsProbes,
  ...consensusProbes,
  ...benchmarksProbes,
];

const TABLES = [
  'workspace',
  'users',
  'sessions',
  'api_keys',
  'invites',
  'groups',
  'group_members',
  'group_managers',
  'audit_log',
  'projects',
  'project_members',
  'project_tags',
  'project_datasets',
  'tasks',
  'ontologies',
  'ontology_versions',
  'ontology_access',
  'datasets',
  'dataset_access',
  'data_units',
  'data_unit_items',
  'workflow_templates',
  'project_workflows',
  'task_holds',
  'task_skips',
  'task_workers',
  'task_events',
  'label_revisions',
  'label_reviews',
  'issues',
  'issue_comments',
  'issue_mentions',
  'project_issue_tags',
  'consensus_rounds',
  'consensus_scores',
  'gold_sets',
  'gold_tasks',
  'benchmark_settings',
  'screening_attempts',
  'gold_servings',
  'benchmark_scores',
  'activity_spans',
  'task_time',
  'time_by_day',
  'metric_days',
  'person_days',
  'queue_depth',
] as const;

/** A digest of every row of every table: equal digests mean nothing was written. */
async function fingerprint(env: TestEnv): Promise<string> {
  const hash = createHash('sha256');
  for (const table of TABLES) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)} order by 1`.execute(
      env.deps.db,
    );
    const stable = rows.rows.map((r) =>
      JSON.stringify(Object.entries(r).sort(([a], [b]) => a.localeCompare(b))),
    );
    hash.update(`${table}:${stable.sort().join('\n')}`);
  }
  return hash.digest('hex');
}

describeEachDialect('the role × action matrix over HTTP', (env) => {
  const world = {} as World;

  beforeAll(async () => {
    const as = {
      admin: await env.user('admin'),
      workforce_manager: await env.user('workforce_manager'),
      member: await env.user('member'),
      tasker: await env.user('tasker'),
    };
    const group = await as.workforce_manager.post('/api/v1/groups', { name: 'Matrix crew' });
    await env.admin.post(`/api/v1/groups/${group.body.id}/members`, {
      userIds: [as.member.user!.id, as.tasker.user!.id],
    });
    Object.assign(world, { env, as, groupId: group.body.id });
  });

  it('has a probe for every route that acts under the policy', () => {
    const exposed = env.app.routeCatalogue
      .filter((r) => r.url.startsWith('/api/v1/') && r.action !== 'public')
      .map((r) => `${r.method} ${r.url}`);
    const probed = new Set(PROBES.map((p) => p.route));
    expect(exposed.filter((r) => !probed.has(r))).toEqual([]);
    expect([...probed].filter((r) => !exposed.includes(r))).toEqual([]);
  });

  it('marks every route as either public or a policy action', () => {
    const unmarked = env.app.routeCatalogue.filter((r) => r.url.startsWith('/api/v1/') && !r.action);
    expect(unmarked.map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });

  for (const probe of PROBES) {
    for (const role of ROLES) {
      const allowed = probe.allowed.includes(LETTER[role]);
      it(`${allowed ? 'lets' : 'refuses'} ${role}: ${probe.route}`, async () => {
        let agent = world.as[role];
        if (probe.freshSession) agent = await env.agent().login(agent.user!.email, PASSWORD);
        const call = await probe.call(world, role);
        const before = allowed ? null : await fingerprint(env);
        const res = await agent.request(call.method, call.url, call.body);
        if (allowed) {
          expect(res.status, JSON.stringify(res.body)).toBeGreaterThanOrEqual(200);
          expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
        } else {
          expect(res.status, JSON.stringify(res.body)).toBe(403);
          expect(res.body.error.code).toBe('forbidden');
          expect(await fingerprint(env)).toBe(before);
        }
      });
    }
  }
});
