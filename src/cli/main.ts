import { parseArgs } from 'node:util';
import { startServer } from '../server/main.ts';
import { runCreateAdmin, runMigrate } from './admin-commands.ts';
import { runExport } from './export-command.ts';
import { runImportLabels } from './label-commands.ts';
import { runImportManifest, runImportMedia } from './media-commands.ts';

const USAGE = `gloss <command> [options]

Commands:
  start                         apply migrations and serve the API and web app (builds the web app if missing)
  dev                           like start, with the web app rebuilt on change
  migrate                       apply database migrations and exit
  create-admin --email E --password P [--name N]
                                create a workspace Admin (first run, or to regain access)
  import-media DATASET_ID PATH  add every image, video and text file under PATH (recursive) to a dataset
  import-manifest DATASET_ID FILE
                                register the object-storage keys or URLs of a .json or .csv manifest
  import-labels PROJECT_ID FILE --model NAME
                                load a model's predictions (JSON items {taskId|dataUnitId, document})
                                as the first revision of tasks' labels; tasks with labels are skipped
  export PROJECT_ID [--format native|coco] [--out FILE] [--stage ID] [--status S] [--dataset ID]
         [--from ISO] [--to ISO]
                                export the labels (each task's main branch), streamed to FILE or stdout

Configuration comes from environment variables; see the README.`;

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  switch (command) {
    case 'start':
      await startServer({ watchWeb: false });
      return;
    case 'dev':
      await startServer({ watchWeb: true });
      return;
    case 'migrate':
      await runMigrate();
      return;
    case 'create-admin': {
      const { values } = parseArgs({
        args: rest,
        options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } },
        strict: true,
      });
      await runCreateAdmin(values);
      return;
    }
    case 'import-media':
      await runImportMedia(rest);
      return;
    case 'import-manifest':
      await runImportManifest(rest);
      return;
    case 'import-labels':
      await runImportLabels(rest);
      return;
    case 'export':
      await runExport(rest);
      return;
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return;
    default:
      console.error(`Unknown command "${command}".\n\n${USAGE}`);
      process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
