// The two editors Gloss is compared with live in bench/editor/peers, a package of their own, so the
// project's `npm install` never pulls them; the bench installs them from the npm registry on first run.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const PEERS_DIR = join(import.meta.dirname, 'peers');
export const PEER_MODULES = join(PEERS_DIR, 'node_modules');

/** The files the pages load; if any is missing the peers are (re)installed. */
const BUNDLES = [
  '@heartexlabs/label-studio/build/static/js/main.js',
  '@heartexlabs/label-studio/build/static/css/main.css',
  '@annotorious/openseadragon/dist/annotorious-openseadragon.js',
  'openseadragon/build/openseadragon/openseadragon.min.js',
];

export function ensurePeers() {
  if (BUNDLES.every((f) => existsSync(join(PEER_MODULES, f)))) return;
  console.error('bench:editor: installing the peer editors (first run) …');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const res = spawnSync(npm, ['install', '--prefix', PEERS_DIR, '--no-audit', '--no-fund'], {
    stdio: 'inherit',
  });
  if (res.status !== 0) throw new Error(`npm install --prefix ${PEERS_DIR} failed (exit ${res.status})`);
  const missing = BUNDLES.filter((f) => !existsSync(join(PEER_MODULES, f)));
  if (missing.length) throw new Error(`the peers installed without ${missing.join(', ')}`);
}

/** Installed versions, for the report. */
export function peerVersions(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of ['@heartexlabs/label-studio', '@annotorious/openseadragon', 'openseadragon']) {
    const pkg = join(PEER_MODULES, name, 'package.json');
    out[name] = existsSync(pkg)
      ? (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version
      : '?';
  }
  return out;
}
