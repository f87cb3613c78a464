/**
 * A real Konvent server on port 0 with a fresh SQLite file in its own temporary data
 * directory. `stop()` closes it and removes the directory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKonventServer, loadConfig, type KonventServer } from '@konvent/server';

export interface TestServer {
  server: KonventServer;
  url: string;
  /** ws://127.0.0.1:PORT */
  wsUrl: string;
  port: number;
  dataDir: string;
  db: KonventServer['ctx']['db'];
  stop(options?: { keepData?: boolean }): Promise<void>;
}

export async function startTestServer(
  env: Record<string, string> = {},
  options: { dataDir?: string } = {},
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
  const { port } = await server.listen();
  const url = `http://127.0.0.1:${port}`;
  return {
    server,
    url,
    wsUrl: `ws://127.0.0.1:${port}`,
    port,
    dataDir,
    db: server.ctx.db,
    async stop({ keepData = false } = {}) {
      await server.close();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
