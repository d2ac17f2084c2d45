import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.ts';
import * as m0002 from './0002_projects_datasets_ontologies.ts';
import * as m0003 from './0003_workflow_templates.ts';
import * as m0004 from './0004_task_queue.ts';
import * as m0005 from './0005_queue_list_indexes.ts';
import * as m0006 from './0006_claim_scans_its_stage.ts';
import * as m0007 from './0007_own_tasks_in_queue_order.ts';
import * as m0008 from './0008_label_revisions.ts';
import * as m0009 from './0009_project_tasks_in_id_order.ts';
import * as m0010 from './0010_reviews_and_issues.ts';
import * as m0011 from './0011_consensus_rounds.ts';
import * as m0012 from './0012_benchmarks.ts';
import * as m0013 from './0013_active_time.ts';
import * as m0014 from './0014_metric_counters.ts';
import * as m0015 from './0015_analytics_indexes.ts';
import * as m0016 from './0016_person_days_wide.ts';
import * as m0017 from './0017_long_period_counters.ts';
import * as m0018 from './0018_metric_months.ts';
import * as m0019 from './0019_active_people_counters.ts';
import * as m0020 from './0020_report_indexes.ts';

/** Ordered by name; add new migrations here. Never edit one that has shipped. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_projects_datasets_ontologies': m0002,
  '0003_workflow_templates': m0003,
  '0004_task_queue': m0004,
  '0005_queue_list_indexes': m0005,
  '0006_claim_scans_its_stage': m0006,
  '0007_own_tasks_in_queue_order': m0007,
  '0008_label_revisions': m0008,
  '0009_project_tasks_in_id_order': m0009,
  '0010_reviews_and_issues': m0010,
  '0011_consensus_rounds': m0011,
  '0012_benchmarks': m0012,
  '0013_active_time': m0013,
  '0014_metric_counters': m0014,
  '0015_analytics_indexes': m0015,
  '0016_person_days_wide': m0016,
  '0017_long_period_counters': m0017,
  '0018_metric_months': m0018,
  '0019_active_people_counters': m0019,
  '0020_report_indexes': m0020,
};
