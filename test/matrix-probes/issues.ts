import { fixture, matrixProject, type Probe, type World } from '../helpers/matrix-world.ts';

// Probes of the issues routes (see test/permission-matrix.test.ts). In the matrix project the
// Member is Team Manager, the Tasker an Annotator (through the group), the Workforce Manager
// holds no role: so issues are for A, M and T, and their tags are managed by A and M.

/** An In progress matrix project with one task in its annotate stage, which the Tasker may claim. */
const liveProject = (w: World) => matrixProject(w, { withTask: true, status: 'in_progress' });

/** An issue the Admin raised on a task of a live matrix project, assigned to the Tasker. */
async function taskersIssue(w: World) {
  const p = await liveProject(w);
  const res = await fixture(w).post(`/api/v1/tasks/${p.taskId}/issues`, {
    body: 'The left edge is off',
    assigneeId: w.as.tasker.user!.id,
  });
  if (res.status !== 201) throw new Error(`issue: ${JSON.stringify(res.body)}`);
  return { projectId: p.id, id: res.body.id as string, revision: res.body.revision as number };
}

export const issuesProbes: Probe[] = [
  {
    route: 'POST /api/v1/tasks/:id/issues',
    allowed: 'AMT',
    call: async (w) => ({
      method: 'POST',
      url: `/api/v1/tasks/${(await liveProject(w)).taskId}/issues`,
      body: { body: 'Blurry image', tags: ['quality'] },
    }),
  },
  {
    route: 'GET /api/v1/issues/:id',
    allowed: 'AMT',
    call: async (w) => ({ method: 'GET', url: `/api/v1/issues/${(await taskersIssue(w)).id}` }),
  },
  {
    route: 'POST /api/v1/issues/:id/comments',
    allowed: 'AMT',
    call: async (w) => ({
      method: 'POST',
      url: `/api/v1/issues/${(await taskersIssue(w)).id}/comments`,
      body: { body: 'Fixed, I think' },
    }),
  },
  {
    route: 'PATCH /api/v1/issues/:id',
    allowed: 'AMT',
    call: async (w) => {
      const issue = await taskersIssue(w);
      return {
        method: 'PATCH',
        url: `/api/v1/issues/${issue.id}`,
        body: { revision: issue.revision, status: 'resolved' },
      };
    },
  },
  {
    route: 'GET /api/v1/projects/:id/issues',
    allowed: 'AMT',
    call: async (w) => ({
      method: 'GET',
      url: `/api/v1/projects/${(await taskersIssue(w)).projectId}/issues?status=open`,
    }),
  },
  {
    route: 'GET /api/v1/issues',
    allowed: 'AWMT',
    call: async () => ({ method: 'GET', url: '/api/v1/issues?involvement=assigned' }),
  },
  {
    route: 'GET /api/v1/projects/:id/issue-tags',
    allowed: 'AMT',
    call: async (w) => ({ method: 'GET', url: `/api/v1/projects/${(await matrixProject(w)).id}/issue-tags` }),
  },
  {
    route: 'PUT /api/v1/projects/:id/issue-tags',
    allowed: 'AM',
    call: async (w) => ({
      method: 'PUT',
      url: `/api/v1/projects/${(await matrixProject(w)).id}/issue-tags`,
      body: { names: ['Wrong class', 'Loose box'] },
    }),
  },
];
