import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { GLOSS_BIN, PROJECT_ROOT } from './paths.ts';

const execFileAsync = promisify(execFile);

export interface GlossServer {
  /** http://127.0.0.1:<port>, also the server's GLOSS_PUBLIC_URL. */
  url: string;
  port: number;
  dataDir: string;
  /** The environment the server (and any `gloss` command run for it) sees. */
  env: NodeJS.ProcessEnv;
  /** Everything the server printed so far (stdout and stderr interleaved, last 64 KiB). */
  output(): string;
  /** Stops the server and deletes its data directory. Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Runs after the environment is fixed and before the server starts, e.g. to create an admin. */
  beforeStart?: (gloss: (...args: string[]) => Promise<string>) => Promise<void>;
  /** Extra environment variables for the server. */
  env?: Record<string, string>;
  /** How long to wait for /api/health to answer 200. */
  timeoutMs?: number;
}

const running = new Set<ChildProcess>();
// A test run killed by a timeout must not leave servers behind.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** A port that was free a moment ago (the OS picks it; we release it for the server to take). */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

/** The environment with every Gloss setting of the caller's shell removed, so tests are hermetic. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('GLOSS_') || key === 'DATABASE_URL' || key === 'PORT' || key === 'HOST') continue;
    env[key] = value;
  }
  return env;
}

/** Runs `node bin/gloss.mjs <args>` with `env` and returns its stdout; throws with its output on failure. */
export async function runGloss(env: NodeJS.ProcessEnv, ...args: string[]): Promise<string> {
  try {
    const { stdout } = await execFileAsync(process.execPath, [GLOSS_BIN, ...args], {
      cwd: PROJECT_ROOT,
      env,
      timeout: 60_000,
    });
    return stdout;
  } catch (err) {
    const e = err as { code?: unknown; stdout?: string; stderr?: string };
    throw new Error(
      `\`gloss ${args[0] ?? ''}\` failed (exit ${String(e.code)}):\n${e.stdout ?? ''}${e.stderr ?? ''}`,
    );
  }
}

/**
 * Starts `gloss start` on a free port with a fresh SQLite database in a temporary directory and
 * waits until GET /api/health answers 200.
 */
export async function startServer(options: StartOptions = {}): Promise<GlossServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'gloss-e2e-'));
  try {
    let port = await freePort();
    const envFor = (p: number): NodeJS.ProcessEnv => ({
      ...cleanEnv(),
      HOST: '127.0.0.1',
      PORT: String(p),
      GLOSS_DATA_DIR: dataDir,
      GLOSS_PUBLIC_URL: `http://127.0.0.1:${p}`,
      GLOSS_LOG_LEVEL: 'warn',
      ...options.env,
    });
    if (options.beforeStart) await options.beforeStart((...args) => runGloss(envFor(port), ...args));
    // Another process may take the port between our probe and the server's listen: try a few.
    for (let attempt = 1; ; attempt++) {
      const env = envFor(port);
      try {
        return await spawnServer(env, port, dataDir, options.timeoutMs ?? 30_000);
      } catch (err) {
        if (!(err instanceof PortTakenError) || attempt >= 3) throw err;
        port = await freePort();
      }
    }
  } catch (err) {
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  }
}

class PortTakenError extends Error {}

async function spawnServer(
  env: NodeJS.ProcessEnv,
  port: number,
  dataDir: string,
  timeoutMs: number,
): Promise<GlossServer> {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [GLOSS_BIN, 'start'], {
    cwd: PROJECT_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let log = '';
  const append = (chunk: Buffer) => {
    log = (log + chunk.toString('utf8')).slice(-65_536);
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  const exited = new Promise<void>((resolveExit) => {
    if (child.exitCode !== null || child.signalCode !== null) resolveExit();
    child.once('exit', () => resolveExit());
  });
  exited.then(() => running.delete(child));

  let stopped = false;
  const stop = async () => {
    if (!stopped) {
      stopped = true;
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killTimer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(killTimer);
      }
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  const started = Date.now();
  const deadline = started + timeoutMs;
  let lastProblem = 'no answer yet';
  while (true) {
    if (child.exitCode !== null || child.signalCode !== null) {
      running.delete(child);
      const message = `gloss start exited (${child.exitCode ?? child.signalCode}) before /api/health answered:\n${log}`;
      if (/EADDRINUSE/.test(log)) throw new PortTakenError(message);
      throw new Error(message);
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      await exited;
      throw new Error(
        `gloss start did not answer GET ${url}/api/health with 200 within ${timeoutMs} ms ` +
          `(last: ${lastProblem}). Server output:\n${log}`,
      );
    }
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) break;
      lastProblem = `HTTP ${res.status}`;
    } catch (err) {
      lastProblem = String((err as Error).cause ?? err);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    url,
    port,
    dataDir,
    env,
    output: () => log,
    stop,
  };
}
