/**
 * Reads and validates the environment in one place. A bad value stops the start with a
 * message that names the variable. Secrets that must persist are generated into the data
 * directory on first start.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { LogLevel } from './logger';

export interface Config {
  port: number;
  /** Interface to listen on; undefined listens on all (IPv4 and IPv6). */
  host: string | undefined;
  dataDir: string;
  databasePath: string;
  /** Seed the demo working group into an empty database. */
  demo: boolean;
  /** The origin people use to reach Konvent, e.g. https://konvent.example.org. */
  publicUrl: string | undefined;
  /** Behind a reverse proxy: trust X-Forwarded-* from it. */
  trustProxy: boolean;
  sessionDays: number;
  logLevel: LogLevel;
  /** Directory of the built client; served with an SPA fallback when it exists. */
  clientDist: string | undefined;
  /** HMAC key for hashing session, token and invitation secrets at rest. */
  secret: Buffer;
  /** How long a co-edited document stays in memory after its last connection closed. */
  collabUnloadMs: number;
}

export class ConfigError extends Error {
  constructor(readonly variable: string, message: string) {
    super(`Configuration error in ${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function intVar(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(name, `expected a whole number, got "${raw}".`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `expected ${min} to ${max}, got ${value}.`);
  return value;
}

function boolVar(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `expected 1 or 0 (true/false), got "${env[name]}".`);
}

function urlVar(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, `expected an absolute URL such as https://konvent.example.org, got "${raw}".`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(name, `expected an http or https URL, got "${raw}".`);
  }
  return url.origin;
}

const logLevels: LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];

/** Loads or creates the persistent secret in the data directory. */
export function loadSecret(dataDir: string): Buffer {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'secret.key');
  if (existsSync(file)) {
    const hex = readFileSync(file, 'utf8').trim();
    if (!/^[0-9a-f]{64}$/.test(hex)) {
      throw new ConfigError('KONVENT_DATA_DIR', `${file} is not a valid secret (64 hex characters).`);
    }
    return Buffer.from(hex, 'hex');
  }
  const secret = randomBytes(32);
  writeFileSync(file, secret.toString('hex') + '\n', { mode: 0o600 });
  return secret;
}

export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const port = intVar(env, 'PORT', 3000, 0, 65535);
  const host = env.HOST?.trim() || undefined;
  const dataDir = resolve(cwd, env.KONVENT_DATA_DIR?.trim() || 'data');
  const logLevel = (env.KONVENT_LOG_LEVEL?.trim() || 'info') as LogLevel;
  if (!logLevels.includes(logLevel)) {
    throw new ConfigError('KONVENT_LOG_LEVEL', `expected one of ${logLevels.join(', ')}, got "${logLevel}".`);
  }
  const clientDist = env.KONVENT_CLIENT_DIST?.trim();
  return {
    port,
    host,
    dataDir,
    databasePath: join(dataDir, 'konvent.sqlite'),
    demo: boolVar(env, 'KONVENT_DEMO', true),
    publicUrl: urlVar(env, 'KONVENT_PUBLIC_URL'),
    trustProxy: boolVar(env, 'KONVENT_TRUST_PROXY', false),
    sessionDays: intVar(env, 'KONVENT_SESSION_DAYS', 14, 1, 365),
    logLevel,
    clientDist: clientDist ? resolve(cwd, clientDist) : undefined,
    secret: loadSecret(dataDir),
    collabUnloadMs: intVar(env, 'KONVENT_COLLAB_UNLOAD_MS', 10_000, 0, 3_600_000),
  };
}
