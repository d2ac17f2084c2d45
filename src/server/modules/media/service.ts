import { createHash } from 'node:crypto';
import { type Actor, can } from '../../../core/policy/index.ts';
import { projectGate } from '../../../core/projects/status-gate.ts';
import { type ProjectRole, strongestProjectRole } from '../../../core/roles.ts';
import type { Executor } from '../../db/database.ts';
import type { AppDeps } from '../../deps.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { datasetResourceFor } from '../access/service.ts';
import {
  findItemMedia,
  findUnitMedia,
  projectRolesThroughDataset,
  projectsServingGold,
  type UnitMedia,
} from './queries.ts';

/** How long a browser may reuse a media answer, and how long a presigned URL stays valid. */
export const MEDIA_MAX_AGE_SECONDS = 300;

/** Which file of a data unit: its own, or one item's of an image group; the original or its thumbnail. */
export interface MediaTarget {
  variant: 'file' | 'thumbnail';
  position?: number;
}

/** What to answer: send the browser elsewhere, or stream an object from storage. */
export type MediaAnswer =
  | { kind: 'redirect'; url: string; maxAgeSeconds: number }
  | {
      kind: 'object';
      key: string;
      size: number;
      contentType: string;
      etag: string;
      lastModified: string;
    };

const MANAGERS: readonly ProjectRole[] = ['admin', 'team_manager'];

/**
 * Media of a data unit may be read by whoever may read its dataset, and by the collaborators of
 * any project that has the dataset attached; for Annotators and Reviewers only while the project
 * lets them work (In progress), so pausing a project also stops its media being fetched.
 */
export async function assertMayReadUnitMedia(db: Executor, actor: Actor, unit: UnitMedia) {
  if (can(actor, 'dataset.read', await datasetResourceFor(db, actor, unit.dataset_id))) return;

  const rows = await projectRolesThroughDataset(db, unit.dataset_id, actor.id);
  const byProject = new Map<string, { status: (typeof rows)[number]['status']; roles: ProjectRole[] }>();
  for (const r of rows) {
    const entry = byProject.get(r.project_id) ?? { status: r.status, roles: [] };
    entry.roles.push(r.role);
    byProject.set(r.project_id, entry);
  }
  let refusal: { code: string; message: string; status: string } | null = null;
  for (const [id, { status, roles }] of byProject) {
    const role = strongestProjectRole(roles);
    if (!role || !can(actor, 'project.read', { kind: 'project', id, role })) continue;
    if (MANAGERS.includes(role)) return;
    const gate = projectGate(status, role, 'work');
    if (!gate) return;
    // Of several refusing projects, name one that could reopen without being unarchived first.
    if (!refusal || (refusal.code === 'project_archived' && gate.code !== 'project_archived')) {
      refusal = { ...gate, status };
    }
  }
  for (const served of await projectsServingGold(db, unit.id, actor.id)) {
    if (!projectGate(served.status, 'annotator', 'work')) return;
  }
  if (refusal) throw new AppError(403, refusal.code, refusal.message, undefined, { status: refusal.status });
  throw forbidden('see this data unit');
}

/** Types a browser may render from our origin as they are; text is always plain text. */
const RENDERABLE = /^(image|video|audio)\/[a-z0-9][a-z0-9.+-]*$/;

/**
 * The Content-Type media is served with. Uploaded bytes must never run as a page of ours, so
 * anything textual is `text/plain` and anything unknown is a download.
 */
export function safeContentType(declared: string | null | undefined, kind?: string): string {
  const mime = (declared ?? '').split(';')[0]!.trim().toLowerCase();
  if (kind === 'text' || mime.startsWith('text/')) return 'text/plain; charset=utf-8';
  return RENDERABLE.test(mime) ? mime : 'application/octet-stream';
}

const httpUrl = (url: string | null) => {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.toString() : null;
  } catch {
    return null;
  }
};

/** Decides how to answer a media request: authorises, finds the object and picks the way to serve it. */
export async function openMedia(
  deps: AppDeps,
  ctx: RequestContext,
  unitId: string,
  target: MediaTarget,
): Promise<MediaAnswer> {
  const unit = await findUnitMedia(deps.db, unitId);
  if (!unit) throw notFound('Data unit');
  await assertMayReadUnitMedia(deps.db, ctx.actor, unit);

  let source: {
    storage_key: string | null;
    external_url: string | null;
    mime_type: string | null;
    thumbnail_key: string | null;
  } = unit;
  if (target.position !== undefined) {
    const item = await findItemMedia(deps.db, unit.id, target.position);
    if (!item) throw notFound('Item');
    source = item;
  }

  const what = target.variant === 'thumbnail' ? 'Thumbnail' : 'File';
  const key = target.variant === 'thumbnail' ? source.thumbnail_key : source.storage_key;
  if (!key) {
    const external = target.variant === 'file' ? httpUrl(source.external_url) : null;
    if (external) return { kind: 'redirect', url: external, maxAgeSeconds: MEDIA_MAX_AGE_SECONDS };
    throw notFound(what);
  }

  const direct = await deps.storage.directUrl(key, MEDIA_MAX_AGE_SECONDS);
  // A browser may reuse the redirect a little less long than the URL it points to stays valid.
  if (direct) return { kind: 'redirect', url: direct, maxAgeSeconds: MEDIA_MAX_AGE_SECONDS - 60 };

  const stored = await deps.storage.head(key);
  if (!stored) throw notFound(what);
  const declared = target.variant === 'file' ? (source.mime_type ?? stored.contentType) : stored.contentType;
  const kind = target.variant === 'file' && target.position === undefined ? unit.kind : undefined;
  return {
    kind: 'object',
    key,
    size: stored.size,
    contentType: safeContentType(declared, kind),
    etag: `W/"${createHash('sha256').update(`${key}\0${stored.size}\0${unit.updated_at}`).digest('base64url').slice(0, 27)}"`,
    lastModified: new Date(unit.updated_at).toUTCString(),
  };
}
