#!/usr/bin/env node
// `pnpm start`: build the client and the server when their sources are newer than the
// build, then run the server. Runs from the repository root.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '..', '..');

function newest(paths) {
  let max = 0;
  const walk = (p) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const e of readdirSync(p)) if (e !== 'node_modules' && e !== 'dist' && e !== '.tsbuild') walk(join(p, e));
    } else max = Math.max(max, st.mtimeMs);
  };
  paths.forEach((p) => walk(join(root, p)));
  return max;
}
const builtAt = (file) => (existsSync(join(root, file)) ? statSync(join(root, file)).mtimeMs : 0);

// Under `pnpm start`, npm_execpath is the running pnpm: use it even where no pnpm is on PATH
// (for example when pnpm itself was started through npx).
const pnpmCommand = process.env.npm_execpath?.includes('pnpm')
  ? [process.execPath, process.env.npm_execpath]
  : ['pnpm'];

function run(args) {
  const [cmd, ...pre] = pnpmCommand;
  const r = spawnSync(cmd, [...pre, ...args], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const shared = ['shared/src', 'shared/package.json'];
if (newest(['client/src', 'client/index.html', 'client/vite.config.ts', 'client/public', 'client/package.json', ...shared]) > builtAt('client/dist/index.html')) {
  console.log('Building the client …');
  run(['--filter', '@konvent/client', 'build']);
}
if (newest(['server/src', 'server/build.mjs', 'server/package.json', 'db/src', 'db/migrations', ...shared]) > builtAt('server/dist/main.js')) {
  console.log('Building the server …');
  run(['--filter', '@konvent/server', 'build']);
}

// The production process: `node <server/node-flags.json> server/dist/main.js`, exactly as the
// README's production notes and the benchmark start it. The flags cap V8's young generation
// (see the README, "Production notes"). The server handles SIGTERM itself (it flushes
// co-editing storage); pass signals on.
const nodeFlags = JSON.parse(readFileSync(join(root, 'server/node-flags.json'), 'utf8'));
const child = spawn(process.execPath, [...nodeFlags, join(root, 'server/dist/main.js')], {
  cwd: process.cwd(),
  stdio: 'inherit',
  env: process.env,
});
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
