import { createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { TASK_STATUSES, type TaskStatus } from '../core/queue/index.ts';
import { Id } from '../server/http/schemas.ts';
import { type ExportFormat, exportStream, prepareExport } from '../server/modules/exports/service.ts';
import { progressBar, withDeps } from './shared.ts';

// `gloss export`: the same stream as GET /projects/:id/export, run as the system, into a file
// (or stdout), with a progress bar of tasks on stderr.

const EXPORT_USAGE =
  'gloss export PROJECT_ID [--format native|coco] [--out FILE] [--stage ID] [--status S] [--dataset ID] [--from ISO] [--to ISO]';

export async function runExport(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'native' },
      out: { type: 'string' },
      stage: { type: 'string' },
      status: { type: 'string' },
      dataset: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
    },
  });
  const [projectId, ...extra] = positionals;
  if (extra.length > 0) throw new Error(`usage: ${EXPORT_USAGE}`);
  if (!projectId || !Id.safeParse(projectId).success)
    throw new Error('PROJECT_ID: give the project’s id (a UUID)');
  if (values.format !== 'native' && values.format !== 'coco') throw new Error('--format: native or coco');
  if (values.status && !TASK_STATUSES.includes(values.status as TaskStatus)) {
    throw new Error(`--status: one of ${TASK_STATUSES.join(', ')}`);
  }
  for (const key of ['from', 'to'] as const) {
    if (values[key] && Number.isNaN(Date.parse(values[key]!))) throw new Error(`--${key}: an ISO-8601 time`);
  }
  const format = values.format as ExportFormat;
  const filter = {
    stageId: values.stage,
    status: values.status as TaskStatus | undefined,
    datasetId: values.dataset,
    from: values.from ? new Date(values.from).toISOString() : undefined,
    to: values.to ? new Date(values.to).toISOString() : undefined,
  };

  return withDeps(async (deps) => {
    const prepared = await prepareExport(deps, null, projectId, format, filter);
    const bar = progressBar(`exporting ${format}`, 'tasks');
    // COCO's first pass (its images) reads no labels and is quick: the bar counts the labelled pass.
    bar.start(prepared.total, 0, { extra: '' });
    let done = 0;
    const out = values.out ? createWriteStream(resolve(values.out)) : process.stdout;
    try {
      await pipeline(
        Readable.from(
          exportStream(deps, prepared, format, (n) => {
            done += n;
            bar.update(done);
          }),
        ),
        out,
        { end: out !== process.stdout },
      );
    } finally {
      bar.stop();
    }
    if (values.out)
      console.log(`exported ${prepared.total} tasks of project ${projectId} as ${format} to ${values.out}`);
  });
}
