import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { pngBytes } from './png.ts';
import { csrfHeaders, userIdByEmail } from './session.ts';

// An In progress image project made through the API as the signed-in Admin: its ontology, a
// dataset of generated images, collaborators by email, and a workflow (a document or a template).

export interface ImageProjectSpec {
  name: string;
  ontology: object;
  /** File names; image i is a 640 × 480 PNG drawn from seed `seed + i`, so each differs. */
  images: readonly string[];
  seed?: number;
  members?: readonly { email: string; role: string }[];
  workflow?: object;
  workflowTemplateId?: string;
  /** Runs once the project exists and before it starts (workflow settings, issue tags…). */
  prepare?: (projectId: string, headers: Record<string, string>) => Promise<void>;
}

/** Creates and starts the project; returns its id. */
export async function imageProject(admin: Page, spec: ImageProjectSpec): Promise<string> {
  const headers = await csrfHeaders(admin);
  const ontology = await admin.request.post('/api/v1/ontologies', {
    headers,
    data: { name: spec.name, schema: spec.ontology },
  });
  expect(ontology.status(), await ontology.text()).toBe(201);
  const dataset = await admin.request.post('/api/v1/datasets', { headers, data: { name: spec.name } });
  expect(dataset.status(), await dataset.text()).toBe(201);
  const datasetId = (await dataset.json()).id;
  for (const [i, name] of spec.images.entries()) {
    const uploaded = await admin.request.post(`/api/v1/datasets/${datasetId}/units`, {
      headers,
      multipart: { files: { name, mimeType: 'image/png', buffer: pngBytes(640, 480, (spec.seed ?? 3) + i) } },
    });
    expect(uploaded.status(), await uploaded.text()).toBe(200);
  }
  const members = [];
  for (const m of spec.members ?? []) {
    members.push({ principalType: 'user', principalId: await userIdByEmail(admin, m.email), role: m.role });
  }
  const created = await admin.request.post('/api/v1/projects', {
    headers,
    data: {
      name: spec.name,
      datasetIds: [datasetId],
      ontologyId: (await ontology.json()).id,
      ...(spec.workflow ? { workflow: spec.workflow } : { workflowTemplateId: spec.workflowTemplateId }),
      members,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const project = await created.json();
  await spec.prepare?.(project.id, headers);
  const started = await admin.request.put(`/api/v1/projects/${project.id}/status`, {
    headers,
    data: { status: 'in_progress', reason: 'Go', revision: project.revision },
  });
  expect(started.status(), await started.text()).toBe(200);
  return project.id;
}

/** The id of the task the page shows (fails the test when it is not on a task page). */
export function taskIdOf(page: Page): string {
  const match = /\/tasks\/([0-9a-f-]{36})/.exec(new URL(page.url()).pathname);
  expect(match, `on a task page (${page.url()})`).not.toBeNull();
  return match?.[1] ?? '';
}

/**
 * Starts work in a stage's queue (`button`: “Start labelling”, “Start reviewing”); returns the
 * task's id once the editor's canvas is up. Callers wait for whatever else they need.
 */
export async function startWork(page: Page, projectId: string, stage: string, button: string) {
  await page.goto(`/projects/${projectId}?tab=queue&stage=${encodeURIComponent(stage)}`);
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.getByTestId('editor-canvas').locator('canvas').first().waitFor();
  return taskIdOf(page);
}
