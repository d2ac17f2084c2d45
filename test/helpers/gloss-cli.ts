import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Runs the `gloss` command as a user would (bin/gloss.mjs), with extra environment variables. */
export const gloss = (args: string[], env: Record<string, string>) =>
  run(process.execPath, ['bin/gloss.mjs', ...args], {
    env: { ...process.env, ...env },
    timeout: 60_000,
  }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({
      code: e.code,
      stdout: e.stdout,
      stderr: e.stderr,
    }),
  );
