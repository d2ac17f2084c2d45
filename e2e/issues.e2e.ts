import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser, useE2E } from './helpers/browser.ts';
import { mainNav, type Person } from './helpers/pages.ts';
import { pngBytes } from './helpers/png.ts';
import { csrfHeaders, userIdByEmail } from './helpers/session.ts';
import { signedInTeam } from './helpers/team.ts';

// Issue 6's issue pages: a manager turns on reviewer edits for the review stage and sets the
// project's issue tags; issues raised through the API on
// two tasks (one then resolved) are filtered on the project's Issues tab by status and assignee; a
// comment mentioning a reviewer is added from an issue's dialog; the queue counts open issues and
// filters by them (kept in the URL); the mentioned reviewer finds the issue under My issues.

const ADMIN: Person = { name: 'Ada Admin', email: 'ada@example.test', password: 'admin passphrase 1' };
const ANNOTATOR: Person = {
  name: 'Ann Labeller',
  email: 'ann@example.test',
  password: 'annotator passphrase 2',
};
const REVIEWER: Person = {
  name: 'Rex Reviewer',
  email: 'rex@example.test',
  password: 'reviewer passphrase 3',
};
const TITLES = ['alpha.png', 'bravo.png'];
const OPEN_ISSUE = 'The cyclist on the left is not boxed';
const RESOLVED_ISSUE = 'The van is labelled as a car';
const TAGS = ['Missing object', 'Wrong class'] as const;

/** A project on Annotate → Review → Complete with two images, In progress; returns its id. */
async function createProject(page: Page, annotatorId: string, reviewerId: string): Promise<string> {
  const headers = await csrfHeaders(page);
  const created = await page.request.post('/api/v1/datasets', { headers, data: { name: 'Streets' } });
  expect(created.status(), await created.text()).toBe(201);
  const dataset = await created.json();
  for (const [i, name] of TITLES.entries()) {
    const uploaded = await page.request.post(`/api/v1/datasets/${dataset.id}/units`, {
      headers,
      multipart: { files: { name, mimeType: 'image/png', buffer: pngBytes(64, 48, 3 + i) } },
    });
    expect(uploaded.status(), await uploaded.text()).toBe(200);
  }
  const project = await page.request.post('/api/v1/projects', {
    headers,
    data: {
      name: 'Street issues',
      datasetIds: [dataset.id],
      workflowTemplateId: 'builtin:annotate_review',
      members: [
        { principalType: 'user', principalId: annotatorId, role: 'annotator' },
        { principalType: 'user', principalId: reviewerId, role: 'reviewer' },
      ],
    },
  });
  expect(project.status(), await project.text()).toBe(201);
  const { id, revision } = await project.json();
  const started = await page.request.put(`/api/v1/projects/${id}/status`, {
    headers,
    data: { status: 'in_progress', reason: 'Go', revision },
  });
  expect(started.status(), await started.text()).toBe(200);
  return id;
}

/** The issue excerpts a list shows, top to bottom. */
const listedIssues = (page: Page) =>
  page.locator('table.issue-table tbody th a.issue-link').allTextContents();

/** The task titles the queue lists, top to bottom. */
const listedTasks = (page: Page) => page.locator('table.queue-table tbody th a').allTextContents();

describeInBrowser('issues in the web app', () => {
  const e2e = useE2E();

  it('tags, filters, a comment with a mention, the queue’s issue column and filter, and My issues', async () => {
    const { admin, reviewer, errors } = await signedInTeam(e2e, {
      admin: ADMIN,
      annotator: ANNOTATOR,
      reviewer: REVIEWER,
    });
    const annotatorId = await userIdByEmail(admin, ANNOTATOR.email);
    const reviewerId = await userIdByEmail(admin, REVIEWER.email);
    const projectId = await createProject(admin, annotatorId, reviewerId);

    // The review stage's settings: reviewers may fix labels; self review stays off (the default).
    await admin.goto(`/projects/${projectId}/workflow/edit`);
    await admin.getByTestId('stage-item-review').click();
    const stagePanel = admin.getByTestId('stage-panel');
    const selfReview = stagePanel.getByLabel('Annotators may review their own work', { exact: true });
    expect(await selfReview.isChecked()).toBe(false);
    await stagePanel.getByLabel('Reviewers may edit labels', { exact: true }).check();
    await admin.getByRole('button', { name: 'Save workflow', exact: true }).click();
    await admin.getByText('Workflow saved as version 2', { exact: true }).waitFor();
    const saved = await (await admin.request.get(`/api/v1/projects/${projectId}/workflow`)).json();
    const review = saved.workflow.stages.find((s: { id: string }) => s.id === 'review');
    expect(review.settings).toMatchObject({ allowReviewerEdits: true });
    expect(review.settings.reviewOwnWork ?? false).toBe(false);

    // The manager sets the project's issue tags on its Issues tab.
    await admin.goto(`/projects/${projectId}`);
    await admin.getByRole('tab', { name: 'Issues', exact: true }).click();
    await admin.getByLabel('Issue tags', { exact: true }).fill(TAGS.join('\n'));
    await admin.getByRole('button', { name: 'Save issue tags', exact: true }).click();
    await admin.getByText('The issue tags were saved.').waitFor();
    const tags = await (await admin.request.get(`/api/v1/projects/${projectId}/issue-tags`)).json();
    expect(tags.items.map((t: { name: string }) => t.name)).toEqual([...TAGS]);

    // Two issues through the API: one on alpha for the Annotator, one on bravo (then resolved).
    const headers = await csrfHeaders(admin);
    const tasks = await (await admin.request.get(`/api/v1/projects/${projectId}/tasks?sort=name`)).json();
    const taskId = (title: string) => tasks.items.find((t: { title: string }) => t.title === title).id;
    const raised = await admin.request.post(`/api/v1/tasks/${taskId('alpha.png')}/issues`, {
      headers,
      data: { body: OPEN_ISSUE, tags: [TAGS[0]], assigneeId: annotatorId, pin: { x: 12, y: 20 } },
    });
    expect(raised.status(), await raised.text()).toBe(201);
    const openIssue = await raised.json();
    const other = await admin.request.post(`/api/v1/tasks/${taskId('bravo.png')}/issues`, {
      headers,
      data: { body: RESOLVED_ISSUE, tags: [TAGS[1]], assigneeId: reviewerId },
    });
    expect(other.status(), await other.text()).toBe(201);
    const otherIssue = await other.json();
    const resolved = await admin.request.patch(`/api/v1/issues/${otherIssue.id}`, {
      headers,
      data: { revision: otherIssue.revision, status: 'resolved' },
    });
    expect(resolved.status(), await resolved.text()).toBe(200);

    // The tab lists open issues first; the status and assignee filters narrow it, in the URL.
    await admin.reload();
    await expect.poll(() => listedIssues(admin)).toEqual([OPEN_ISSUE]);
    const openRow = admin.getByTestId(`issue-row-${openIssue.id}`);
    await openRow.getByText(TAGS[0], { exact: true }).waitFor();
    await openRow.getByText('Point 12, 20', { exact: true }).waitFor();
    await openRow.getByRole('link', { name: 'alpha.png', exact: true }).waitFor();
    await openRow.getByText(ANNOTATOR.name, { exact: true }).waitFor();
    await admin.getByLabel('Status', { exact: true }).selectOption({ label: 'Resolved' });
    await expect.poll(() => listedIssues(admin)).toEqual([RESOLVED_ISSUE]);
    expect(new URL(admin.url()).searchParams.get('status')).toBe('resolved');
    await admin.getByLabel('Status', { exact: true }).selectOption({ label: 'All' });
    await expect.poll(() => listedIssues(admin)).toEqual([RESOLVED_ISSUE, OPEN_ISSUE]);
    await admin.getByLabel('Assignee', { exact: true }).selectOption({ label: ANNOTATOR.name });
    await expect.poll(() => listedIssues(admin)).toEqual([OPEN_ISSUE]);
    await admin.getByLabel('Assignee', { exact: true }).selectOption({ label: REVIEWER.name });
    await expect.poll(() => listedIssues(admin)).toEqual([RESOLVED_ISSUE]);
    await admin.getByLabel('Assignee', { exact: true }).selectOption({ label: 'Anyone' });
    await admin.getByLabel('Status', { exact: true }).selectOption({ label: 'Open' });
    await expect.poll(() => listedIssues(admin)).toEqual([OPEN_ISSUE]);

    // Its dialog: a comment mentioning the Reviewer, picked from the project's members.
    await admin.getByRole('link', { name: OPEN_ISSUE, exact: true }).click();
    const dialog = admin.getByRole('dialog', { name: 'Issue on alpha.png' });
    await dialog.getByText('No comments yet.').waitFor();
    await dialog.getByLabel('Comment', { exact: true }).fill('Can you look at this?');
    await dialog.getByLabel('Mention someone', { exact: true }).selectOption({ label: REVIEWER.name });
    await dialog.getByRole('button', { name: 'Mention', exact: true }).click();
    await dialog.getByText(`Mentions: ${REVIEWER.name}`).waitFor();
    expect(await dialog.getByLabel('Comment', { exact: true }).inputValue()).toBe(
      `Can you look at this? @${REVIEWER.name} `,
    );
    await dialog.getByRole('button', { name: 'Add comment', exact: true }).click();
    await dialog.getByText(`Can you look at this? @${REVIEWER.name}`, { exact: true }).waitFor();
    await expect.poll(() => dialog.getByLabel('Comment', { exact: true }).inputValue()).toBe('');
    const detail = await (await admin.request.get(`/api/v1/issues/${openIssue.id}`)).json();
    expect(detail.comments).toMatchObject([{ body: `Can you look at this? @${REVIEWER.name}` }]);

    // Someone else reassigns it meanwhile: resolving from the stale dialog says so and reloads it.
    const fresh = await (await admin.request.get(`/api/v1/issues/${openIssue.id}`)).json();
    const reassigned = await admin.request.patch(`/api/v1/issues/${openIssue.id}`, {
      headers,
      data: { revision: fresh.revision, assigneeId: reviewerId },
    });
    expect(reassigned.status(), await reassigned.text()).toBe(200);
    await dialog.getByRole('button', { name: 'Resolve issue', exact: true }).click();
    await dialog
      .getByText('Someone changed this issue while you were looking at it.', { exact: false })
      .waitFor();
    await expect.poll(() => dialog.getByLabel('Assignee', { exact: true }).inputValue()).toBe(reviewerId);
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await admin
      .getByTestId(`issue-row-${openIssue.id}`)
      .getByRole('cell', { name: '1', exact: true })
      .waitFor();

    // The queue: alpha has one open issue, bravo none open; "Has open issues" lists alpha alone.
    await admin.getByRole('tab', { name: 'Queue', exact: true }).click();
    await admin.getByTestId('queue-stage-annotate').click();
    const alphaRow = admin.getByRole('row').filter({ has: admin.getByRole('link', { name: 'alpha.png' }) });
    const bravoRow = admin.getByRole('row').filter({ has: admin.getByRole('link', { name: 'bravo.png' }) });
    await alphaRow.getByText('1 open', { exact: true }).waitFor();
    await bravoRow.getByText('—').waitFor();
    await admin.getByLabel('Issues', { exact: true }).selectOption({ label: 'Has open issues' });
    await expect.poll(() => listedTasks(admin)).toEqual(['alpha.png']);
    expect(new URL(admin.url()).searchParams.get('issues')).toBe('open');
    await admin.reload();
    await expect.poll(() => listedTasks(admin)).toEqual(['alpha.png']);
    expect(await admin.getByLabel('Issues', { exact: true }).inputValue()).toBe('open');
    await admin.getByLabel('Issues', { exact: true }).selectOption({ label: 'No open issues' });
    await expect.poll(() => listedTasks(admin)).toEqual(['bravo.png']);

    // The Reviewer, mentioned, finds the issue under My issues.
    await reviewer.goto('/');
    await mainNav(reviewer).getByRole('link', { name: 'Issues', exact: true }).click();
    await reviewer.getByRole('heading', { name: 'My issues', exact: true, level: 1 }).waitFor();
    await reviewer.getByLabel('Involvement', { exact: true }).selectOption({ label: 'Mentioning me' });
    await expect.poll(() => listedIssues(reviewer)).toEqual([OPEN_ISSUE]);
    await reviewer.getByRole('link', { name: OPEN_ISSUE, exact: true }).click();
    await reviewer
      .getByRole('dialog', { name: 'Issue on alpha.png' })
      .getByText(`Can you look at this? @${REVIEWER.name}`, { exact: true })
      .waitFor();

    expect(errors, 'uncaught errors in the pages').toEqual([]);
  }, 180_000);
});
