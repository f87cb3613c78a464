/**
 * Configuration is read and validated in one place; a bad value stops the start of
 * server/src/main.ts with a message that names the variable (DESIGN.md).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '@konvent/server';

const serverDir = resolve(fileURLToPath(import.meta.url), '..', '..', '..', 'server');

/** Starts main.ts with the given variables and waits until it exits (or kills it after 110 s). */
function startMain(vars: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('KONVENT_') || key === 'PORT' || key === 'HOST' || key === 'INIT_CWD') delete env[key];
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: { ...env, KONVENT_LOG_LEVEL: 'warn', ...vars },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 110_000);
  return new Promise((r) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      r({ code, stderr });
    }),
  );
}

describe('starting server/src/main.ts with a bad configuration', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'konvent-config-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  // Each start loads the whole server through tsx, which is slow on a busy machine: one
  // start per variable here; the other bad values are covered by the loadConfig tests below.
  it.each([
    ['PORT', 'achtzig'],
    ['KONVENT_DEMO', 'vielleicht'],
    ['KONVENT_PUBLIC_URL', 'konvent.example.org'],
  ])('stops with exit code 78 and names %s when it is "%s"', { timeout: 120_000 }, async (variable, value) => {
    const result = await startMain({ KONVENT_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', [variable]: value });
    expect(result.code).toBe(78);
    expect(result.stderr).toContain(variable);
    expect(result.stderr).toContain(value);
    // It stopped before opening (and creating) the database.
    expect(existsSync(join(dataDir, 'konvent.sqlite'))).toBe(false);
  });
});

describe('loadConfig', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'konvent-config-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('resolves a relative KONVENT_DATA_DIR against the directory it is given (INIT_CWD under pnpm)', () => {
    const config = loadConfig({ KONVENT_DATA_DIR: 'daten' }, dataDir);
    expect(config.dataDir).toBe(join(dataDir, 'daten'));
    expect(config.databasePath).toBe(join(dataDir, 'daten', 'konvent.sqlite'));
  });

  it('accepts 1/0, true/false, yes/no and on/off for KONVENT_DEMO, defaulting to on', () => {
    expect(loadConfig({ KONVENT_DATA_DIR: dataDir }).demo).toBe(true);
    for (const on of ['1', 'true', 'yes', 'on', 'TRUE']) expect(loadConfig({ KONVENT_DATA_DIR: dataDir, KONVENT_DEMO: on }).demo).toBe(true);
    for (const off of ['0', 'false', 'no', 'off']) expect(loadConfig({ KONVENT_DATA_DIR: dataDir, KONVENT_DEMO: off }).demo).toBe(false);
  });

  it('keeps only the origin of KONVENT_PUBLIC_URL', () => {
    expect(loadConfig({ KONVENT_DATA_DIR: dataDir, KONVENT_PUBLIC_URL: 'https://konvent.example.org/app/' }).publicUrl).toBe(
      'https://konvent.example.org',
    );
  });

  it.each([
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['KONVENT_PUBLIC_URL', 'ftp://konvent.example.org'],
    ['KONVENT_TRUST_PROXY', 'manchmal'],
  ])('refuses %s="%s" with a ConfigError naming the variable', (variable, value) => {
    expect(() => loadConfig({ KONVENT_DATA_DIR: dataDir, [variable]: value })).toThrow(
      expect.objectContaining({ name: 'ConfigError', variable }),
    );
  });

  it('throws a ConfigError that names the variable', () => {
    expect(() => loadConfig({ KONVENT_DATA_DIR: dataDir, KONVENT_SESSION_DAYS: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ KONVENT_DATA_DIR: dataDir, KONVENT_LOG_LEVEL: 'loud' })).toThrow(/KONVENT_LOG_LEVEL/);
  });

  it('creates the instance secret once and reads the same one on the next start', () => {
    const first = loadConfig({ KONVENT_DATA_DIR: dataDir }).secret;
    const second = loadConfig({ KONVENT_DATA_DIR: dataDir }).secret;
    expect(first.length).toBe(32);
    expect(second.equals(first)).toBe(true);
  });
});
