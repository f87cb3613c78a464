/** The server package's public surface, used by the process entry, the CLI and the tests. */
export { createKonventServer, type KonventServer, type CreateServerOptions } from './server';
export { loadConfig, ConfigError, type Config } from './config';
export { createLogger, type Logger } from './logger';
export type { AppContext } from './context';
