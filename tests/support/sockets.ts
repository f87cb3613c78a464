/**
 * socket.io clients for realtime tests: a real connection authenticated like the browser
 * (session cookie) or with a personal access token, recording every event it receives.
 */
import { io, type Socket } from 'socket.io-client';
import { waitFor } from './yclient';

export interface RecordedEvent {
  event: string;
  payload: any;
}

export interface TestSocket {
  socket: Socket;
  events: RecordedEvent[];
  /** Waits for an event (of this name, matching `where`) and answers its payload. */
  next(event: string, where?: (payload: any) => boolean): Promise<any>;
  /** Payloads received so far of this event name. */
  received(event: string): any[];
  close(): void;
}

export async function connectSocket(url: string, auth: { cookie?: string; token?: string }): Promise<TestSocket> {
  const socket = io(url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: auth.cookie ? { cookie: auth.cookie } : undefined,
    auth: auth.token ? { token: auth.token } : undefined,
  });
  const events: RecordedEvent[] = [];
  socket.onAny((event: string, payload: unknown) => events.push({ event, payload }));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => reject(err));
  });
  const received = (event: string) => events.filter((e) => e.event === event).map((e) => e.payload);
  return {
    socket,
    events,
    received,
    next: (event, where = () => true) =>
      waitFor(() => received(event).find(where), { timeout: 5_000, message: `socket event ${event}` }),
    close: () => socket.close(),
  };
}
