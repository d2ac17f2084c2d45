import {
  PROJECT_ROLE_LABELS,
  PROJECT_STATUS_LABELS,
  type ProjectRole,
  type ProjectStatus,
} from '../../../core/roles.ts';
import { Badge } from '../../components/Badge.tsx';

const STATUS_TONES: Record<ProjectStatus, 'neutral' | 'success' | 'muted' | 'accent'> = {
  not_started: 'neutral',
  in_progress: 'success',
  paused: 'accent',
  completed: 'accent',
  cancelled: 'muted',
  archived: 'muted',
};

export function StatusBadge({ status }: { status: ProjectStatus }) {
  return <Badge tone={STATUS_TONES[status]}>{PROJECT_STATUS_LABELS[status]}</Badge>;
}

export function TagChips({ tags, label = 'Tags' }: { tags: readonly string[]; label?: string }) {
  if (tags.length === 0) return <span className="cell-muted">—</span>;
  return (
    <ul className="chips" aria-label={label}>
      {tags.map((tag) => (
        <li key={tag} className="chip">
          {tag}
        </li>
      ))}
    </ul>
  );
}

export const projectRoleLabel = (role: ProjectRole | null | undefined, workspaceAdmin: boolean) =>
  role ? PROJECT_ROLE_LABELS[role] : workspaceAdmin ? 'Admin (workspace)' : '—';

/** Tags typed as "a, b, c": trimmed, empty ones dropped, each once (first spelling kept). */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of text.split(',')) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    tags.push(tag);
  }
  return tags;
}
