import { can } from '../../../core/policy/index.ts';
import type { ProjectRole } from '../../../core/roles.ts';
import type { User } from '../../api/client.ts';
import { actorOf } from '../../lib/permissions.ts';

// Who sees what of the Benchmark tab, asked of the policy the server enforces (it has the last
// word): managers run gold sets, settings and everyone's report; every project role sees its own.

interface ProjectRef {
  id: string;
  myRole?: ProjectRole | null;
}

const resourceOf = (project: ProjectRef) => ({
  kind: 'project' as const,
  id: project.id,
  role: project.myRole ?? null,
});

/** Project Admins and Team Managers (and workspace Admins): gold sets, settings, everyone's scores. */
export const mayManageBenchmark = (me: User, project: ProjectRef) =>
  can(actorOf(me), 'project.manage_benchmark', resourceOf(project));

/**
 * Whether to offer the tab at all: managers, and any member for their own scores. Workers cannot
 * read the settings to know whether the project benchmarks anyone, so they always get the tab and
 * an empty report says so.
 */
export const mayViewBenchmark = (me: User, project: ProjectRef) =>
  mayManageBenchmark(me, project) ||
  can(actorOf(me), 'benchmark.view_scores', {
    kind: 'person_numbers',
    project: resourceOf(project),
    mine: true,
  });
