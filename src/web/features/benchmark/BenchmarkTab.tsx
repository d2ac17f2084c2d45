import { useCurrentUser } from '../auth/session.tsx';
import { isReadOnly } from '../projects/permissions.ts';
import type { Project } from '../projects/queries.ts';
import { GoldSetsCard } from './GoldSetsCard.tsx';
import { mayManageBenchmark } from './permissions.ts';
import { ReportSection } from './ReportSection.tsx';
import { ScreeningAttemptsCard } from './ScreeningAttemptsCard.tsx';
import { SettingsCard } from './SettingsCard.tsx';
import './benchmark.css';

/**
 * The project's Benchmark tab. Managers: gold sets, the settings, everyone's report and screening
 * attempts. Everyone else: their own scores and screening attempts ("My scores").
 */
export function BenchmarkTab({ project }: { project: Project }) {
  const me = useCurrentUser();
  const manager = mayManageBenchmark(me, project);
  if (!manager) {
    return (
      <div className="card-stack">
        <ReportSection project={project} manager={false} />
        <ScreeningAttemptsCard projectId={project.id} mine />
      </div>
    );
  }
  const editable = !isReadOnly(project);
  return (
    <div className="card-stack">
      <GoldSetsCard projectId={project.id} editable={editable} />
      <SettingsCard project={project} editable={editable} />
      <ReportSection project={project} manager />
      <ScreeningAttemptsCard projectId={project.id} mine={false} />
    </div>
  );
}
