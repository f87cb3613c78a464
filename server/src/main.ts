/**
 * Process entry: read the configuration, open the database, seed the demo into an empty
 * database, serve, and shut down gracefully on SIGTERM/SIGINT (flushing co-editing storage).
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';
import { createKonventServer } from './server';

async function main(): Promise<void> {
  let config;
  try {
    // Both src/main.ts (tsx) and dist/main.js sit two levels below the repository root.
    const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
    config = loadConfig(process.env, process.env.INIT_CWD ?? process.cwd());
    config.clientDist ??= resolve(root, 'client', 'dist');
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  const server = createKonventServer(config, { logger });
  // Loaded on demand: the demo texts and the Tiptap schema stay out of a production process.
  const demo = config.demo ? await (await import('./demo/seed')).seedDemoIfEmpty(server.ctx) : null;
  collectStartupGarbage();
  const { url } = await server.listen();
  const shown = config.publicUrl ?? url;
  process.stdout.write(`\nKonvent läuft auf ${shown}\n`);
  if (demo) {
    process.stdout.write(
      `Demo-Arbeitskreis „${demo.workspaceName}“. Anmeldung: ${demo.moderatorEmail} / ${demo.password}` +
        ` (Mitglieder expert01@example.org … expert39@example.org, Gast gast@example.org)\n\n`,
    );
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    const timer = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, 15_000);
    timer.unref();
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error('shutdown failed', { err: String(err) });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`Konvent could not start: ${(err as Error)?.stack ?? String(err)}\n`);
  process.exit(1);
});

/**
 * Loading the modules, migrating and (for the demo) seeding leave a few MB of garbage in V8's
 * old generation. With `--expose-gc` (server/node-flags.json) the production process collects
 * it once before it listens, so a restarted server that everyone reconnects to at once starts
 * from a compact heap (tests/bench/README.md, "Where plenary-40's memory goes"). Without the
 * flag (development, tests) there is no `gc` and nothing happens.
 */
function collectStartupGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
