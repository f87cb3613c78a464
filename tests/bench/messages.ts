/** The messages between the bench runner and its client worker processes (Node IPC). */

export type SystemName = 'konvent' | 'y-websocket-server' | 'hocuspocus';

export interface ClientSpec {
  /** Index of the client within its worker; part of its markers. */
  index: number;
  docName: string;
  /** Konvent personal access token, sent as `?token=`. */
  token?: string;
}

export interface Endpoint {
  system: SystemName;
  /** Base URL the provider appends the document name to (y-websocket) or the server URL. */
  url: string;
}

export type ToWorker =
  /** Connect and fully sync (applying everything) before the measurement. */
  | { type: 'connect'; endpoint: Endpoint; clients: ClientSpec[]; perSecond: number; timeoutMs: number }
  /** Type bursts; markers of the first `warmupMs` are phase `w` and not counted. */
  | {
      type: 'edit';
      startAt: number;
      warmupMs: number;
      measureMs: number;
      editsPerSecond: number;
      burst: number;
    }
  | { type: 'collect' }
  /** Connect every client at `at` and time until its sync payload holds the whole state. */
  | {
      type: 'join';
      endpoint: Endpoint;
      clients: ClientSpec[];
      at: number;
      expectBytes: number;
      expectStateVector: Uint8Array;
      timeoutMs: number;
      /** How many of the clients rebuild the document afterwards to check it. */
      verify: number;
    }
  /** Destroy this workload's clients and forget their figures. */
  | { type: 'close' }
  | { type: 'exit' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'connected'; connected: Record<string, number>; failures: string[] }
  | { type: 'edited'; sent: Record<string, number> }
  | {
      type: 'collected';
      latencies: number[];
      /** Per latency: when its edit was sent, in ms from the start of the window. */
      sentMs: number[];
      received: number;
      duplicates: number;
      disconnects: number;
    }
  | { type: 'joined'; latencies: number[]; failures: string[] }
  | { type: 'closed' }
  | { type: 'error'; message: string };
