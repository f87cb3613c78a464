// The Hocuspocus peer as its own process, set up as its documentation shows for a server with
// storage: `new Server({...})` with the SQLite extension, every other option at its default
// (debounce 2 s, maxDebounce 10 s, unloadImmediately). Plain JavaScript run by plain node, so
// no loader sits in the measured process. It stops (and stores) on SIGTERM by itself
// (stopOnSignals defaults to true).
import { SQLite } from '@hocuspocus/extension-sqlite';
import { Server } from '@hocuspocus/server';

const server = new Server({
  port: Number(process.env.PORT),
  address: process.env.HOST ?? '127.0.0.1',
  quiet: true,
  extensions: [new SQLite({ database: process.env.HOCUSPOCUS_SQLITE ?? ':memory:' })],
});
await server.listen();
