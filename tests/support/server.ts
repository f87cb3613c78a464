/**
 * A real Konvent server on port 0 with a fresh SQLite file in its own temporary data
 * directory. `stop()` closes it and removes the directory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKonventServer, loadConfig, type KonventServer } from '@konvent/server';
import { seedDemoIfEmpty, type DemoSummary } from '../../server/src/demo/seed';

export interface TestServer {
  server: KonventServer;
  url: string;
  /** ws://127.0.0.1:PORT */
  wsUrl: string;
  port: number;
  dataDir: string;
  db: KonventServer['ctx']['db'];
  /** What `seedDemo: true` seeded; null when it did not seed (or was not asked to). */
  demo: DemoSummary | null;
  stop(options?: { keepData?: boolean }): Promise<void>;
}

export async function startTestServer(
  env: Record<string, string> = {},
  options: {
    dataDir?: string;
    /** Seed the demo into the empty database before listening, as main.ts does with KONVENT_DEMO on. */
    seedDemo?: boolean;
  } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'konvent-test-'));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    KONVENT_DATA_DIR: dataDir,
    KONVENT_DEMO: '0',
    KONVENT_LOG_LEVEL: 'silent',
    ...env,
  });
  const server = createKonventServer(config);
  const demo = options.seedDemo ? await seedDemoIfEmpty(server.ctx) : null;
  const { port } = await server.listen();
  const url = `http://127.0.0.1:${port}`;
  return {
    server,
    url,
    wsUrl: `ws://127.0.0.1:${port}`,
    port,
    dataDir,
    db: server.ctx.db,
    demo,
    async stop({ keepData = false } = {}) {
      await server.close();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
