import type { RenovationClient } from '../client';
import { ApiError } from '../errors';
import type { EventEnvelope, EventKind } from './events';
import { closeMessage, frameText, handshakeRequest, HubMessage, MessageType, pingMessage, RecordReader } from './protocol';

export type ConnectionState = 'Disconnected' | 'Connecting' | 'Connected' | 'Reconnecting';

export interface EventsConnectionOptions {
  /** Milliseconds to wait before each reconnect attempt; the last delay repeats until it works. */
  retryDelays?: number[];
  /** How often the client pings the server (the server drops a client silent for 30 s). */
  pingIntervalMs?: number;
  /** A server silent for this long (it pings every 15 s) is taken as gone and the socket is replaced. */
  serverTimeoutMs?: number;
  /** Events fetched per catch-up request (the server allows up to 500). */
  catchUpPageSize?: number;
}

type Handler = (event: EventEnvelope<any>) => void;

const HUB_PATH = '/hubs/events';
const READY_TARGET = 'ready';
/** The hub fixes a connection's groups when it connects: after these the connection is replaced to join new ones. */
const MEMBERSHIP_EVENTS = ['binding.approved', 'binding.revoked'];
const registry: { [baseUrl: string]: EventsConnection } = {};

/**
 * Builds the ONE events connection of a back-end (a mini-program may hold only 5 sockets): building again returns
 * the same connection. Shaped like @microsoft/signalr's HubConnectionBuilder.
 */
export class EventsConnectionBuilder {
  private options: EventsConnectionOptions = {};

  constructor(private readonly client: RenovationClient) {}

  withAutomaticReconnect(retryDelays: number[]): this {
    this.options.retryDelays = retryDelays;
    return this;
  }

  withOptions(options: EventsConnectionOptions): this {
    this.options = { ...this.options, ...options };
    return this;
  }

  build(): EventsConnection {
    const key = this.client.baseUrl;
    if (!registry[key]) registry[key] = new EventsConnection(this.client, this.options);
    return registry[key];
  }
}

/**
 * The hub `/hubs/events` over wx.connectSocket, speaking the SignalR JSON protocol (negotiation skipped). It
 * reconnects with back-off and a fresh access token, and after every (re)connect, once the hub says `ready`, asks
 * `GET /api/v1/events?after=` for what it missed, so handlers see each event exactly once and in sequence order. The
 * last delivered sequence is kept in wx storage per user, so a relaunched mini-program catches up too.
 */
export class EventsConnection {
  state: ConnectionState = 'Disconnected';
  private readonly handlers: { [kind: string]: Handler[] } = {};
  private readonly anyHandlers: Handler[] = [];
  private reconnecting: Array<(error?: Error) => void> = [];
  private reconnected: Array<() => void> = [];
  private closed: Array<(error?: Error) => void> = [];
  private resets: Array<() => void> = [];
  private readonly retryDelays: number[];
  private readonly pingIntervalMs: number;
  private readonly serverTimeoutMs: number;
  private readonly pageSize: number;
  private socket: WechatMiniprogram.SocketTask | null = null;
  private pingTimer: any = null;
  private silenceTimer: any = null;
  private retryTimer: any = null;
  private attempt = 0;
  private stopped = true;
  private catchingUp = false;
  private buffered: EventEnvelope[] = [];
  private last: number | null = null;
  private userId: string | null = null;
  private rejoin = false;
  private refreshedThisOutage = false;

  constructor(private readonly client: RenovationClient, options: EventsConnectionOptions = {}) {
    this.retryDelays = options.retryDelays && options.retryDelays.length ? options.retryDelays : [0, 2000, 5000, 10000, 30000];
    this.pingIntervalMs = options.pingIntervalMs || 15000;
    this.serverTimeoutMs = options.serverTimeoutMs || 30000;
    this.pageSize = options.catchUpPageSize || 200;
  }

  /** The last sequence delivered to handlers (null before the first start). */
  get lastSequence(): number | null {
    return this.last;
  }

  /** Subscribes to one event kind; returns the unsubscribe function. */
  on<K extends EventKind>(kind: K, handler: (event: EventEnvelope<K>) => void): () => void;
  on(kind: string, handler: (event: EventEnvelope) => void): () => void;
  on(kind: string, handler: Handler): () => void {
    (this.handlers[kind] = this.handlers[kind] || []).push(handler);
    return () => this.off(kind, handler);
  }

  off(kind: string, handler: Handler): void {
    const list = this.handlers[kind];
    if (list) this.handlers[kind] = list.filter((h) => h !== handler);
  }

  /** Every event, whatever its kind (after the kind's own handlers). */
  onAny(handler: (event: EventEnvelope) => void): () => void {
    this.anyHandlers.push(handler);
    return () => {
      const i = this.anyHandlers.indexOf(handler);
      if (i >= 0) this.anyHandlers.splice(i, 1);
    };
  }

  onreconnecting(callback: (error?: Error) => void): void { this.reconnecting.push(callback); }
  onreconnected(callback: () => void): void { this.reconnected.push(callback); }
  onclose(callback: (error?: Error) => void): void { this.closed.push(callback); }
  /** The client was away longer than the server keeps events: reload what is on screen, catch-up cannot cover it. */
  onreset(callback: () => void): void { this.resets.push(callback); }

  /** Connects and catches up. Rejects when the first connection fails; later losses reconnect by themselves. */
  async start(): Promise<void> {
    if (!this.stopped) return;
    this.stopped = false;
    this.state = 'Connecting';
    try {
      await this.connect();
      if (this.stopped) return this.dropSocket(); // stop() was called meanwhile
      this.state = 'Connected';
      this.attempt = 0;
      this.rejoinIfNeeded();
    } catch (error) {
      this.shutdown();
      this.state = 'Disconnected';
      throw error;
    }
  }

  /** Sends the close message and closes the socket; no reconnect follows. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    if (this.socket) {
      try {
        this.socket.send({ data: closeMessage() });
      } catch (e) {
        // already closed
      }
    }
    this.shutdown();
    this.state = 'Disconnected';
    this.emit(this.closed, undefined);
  }

  // ---- connecting ----

  private async connect(): Promise<void> {
    const session = this.client.session.get();
    if (!session) throw new ApiError(401, 'unauthenticated', '请先登录');
    if (this.userId !== session.userId) {
      this.userId = session.userId;
      this.last = this.readLast();
    }
    this.catchingUp = true;
    this.buffered = [];
    const token = await this.client.accessToken();
    try {
      await this.open(token || '');
    } catch (error) {
      this.catchingUp = false;
      // The upgrade may have been refused for a rejected token (wx does not say why): refresh once per outage.
      if (token && !this.refreshedThisOutage) {
        this.refreshedThisOutage = true;
        await this.client.refresh(token).catch((e: unknown) => {
          if (e instanceof ApiError && e.status === 401) throw e;
        });
      }
      throw error;
    }
    this.refreshedThisOutage = false;
    try {
      await this.catchUp();
    } catch (error) {
      this.catchingUp = false;
      this.dropSocket();
      throw error;
    }
    if (!this.socket) throw new Error('socket lost during catch-up');
  }

  private open(token: string): Promise<void> {
    const url = this.client.baseUrl.replace(/^http/, 'ws') + HUB_PATH + '?access_token=' + encodeURIComponent(token);
    return new Promise<void>((resolve, reject) => {
      const reader = new RecordReader();
      let handshaken = false;
      let settled = false;
      let socket: WechatMiniprogram.SocketTask | null = null;
      const fail = (error: Error) => {
        if (settled) return;
        settled = true;
        if (socket && this.socket === socket) this.socket = null;
        try { if (socket) socket.close({}); } catch (e) { /* never opened */ }
        reject(error);
      };
      socket = wx.connectSocket({ url, fail: (err) => fail(new Error(err.errMsg)) });
      this.socket = socket;
      socket.onOpen(() => socket!.send({ data: handshakeRequest(), fail: (err) => fail(new Error(err.errMsg)) }));
      socket.onMessage((message) => {
        if (this.socket !== socket) return;
        if (handshaken) this.heard(); // the silence timer starts with the handshake (startPinging)
        for (const record of reader.push(frameText(message.data))) {
          let parsed: HubMessage;
          try {
            parsed = JSON.parse(record) as HubMessage;
          } catch (e) {
            continue;
          }
          if (!handshaken) {
            if (parsed.error) return fail(new Error(`handshake refused: ${parsed.error}`));
            handshaken = true;
            this.startPinging(socket!);
            continue;
          }
          // The hub answers the handshake before it joins the connection's groups, and says `ready` once joined:
          // catching up any earlier could miss an event sent in between. Events before it wait in the buffer.
          if (!settled && parsed.type === MessageType.Invocation && parsed.target === READY_TARGET) {
            settled = true;
            resolve();
            continue;
          }
          this.receive(parsed);
        }
      });
      const lost = (reason: string) => {
        if (!settled) return fail(new Error(reason));
        if (this.socket === socket) this.lose(new Error(reason));
      };
      socket.onError((err) => lost(`socket error: ${err.errMsg}`));
      socket.onClose((res) => lost(`socket closed: ${res.code} ${res.reason || ''}`));
    });
  }

  private receive(message: HubMessage): void {
    if (message.type === MessageType.Invocation && message.target === 'event' && message.arguments) {
      const envelope = message.arguments[0] as EventEnvelope;
      if (this.catchingUp) this.buffered.push(envelope);
      else this.deliver(envelope);
    } else if (message.type === MessageType.Close) {
      this.lose(new Error(message.error ? `server closed: ${message.error}` : 'server closed the connection'));
    }
    // Pings need no answer: any message resets the silence timer.
  }

  /** Pages through `GET /api/v1/events?after=` while live events wait in a buffer, then plays the buffer. */
  private async catchUp(): Promise<void> {
    const fastForward = this.last === null; // first launch: start from now, deliver nothing old
    let after = this.last === null ? 0 : this.last;
    let first = true;
    for (;;) {
      const batch = await this.client.get('/api/v1/events', { query: { after, limit: this.pageSize } });
      if (first && !fastForward && batch.earliestSequence > after + 1) this.emit(this.resets, undefined);
      first = false;
      for (const event of batch.events as EventEnvelope[]) {
        if (fastForward) this.remember(event.sequence);
        else this.deliver(event);
      }
      after = Math.max(after, batch.lastSequence);
      if (!batch.hasMore) break;
    }
    if (fastForward && this.last === null) this.remember(after);
    this.catchingUp = false;
    const waiting = this.buffered.sort((a, b) => a.sequence - b.sequence);
    this.buffered = [];
    for (const event of waiting) this.deliver(event);
  }

  private deliver(event: EventEnvelope): void {
    if (this.last !== null && event.sequence <= this.last) return; // seen already (at-least-once delivery)
    this.remember(event.sequence);
    const list = (this.handlers[event.kind] || []).concat(this.anyHandlers);
    for (const handler of list) {
      try {
        handler(event);
      } catch (e) {
        console.error('events handler failed', event.kind, e);
      }
    }
    if (MEMBERSHIP_EVENTS.indexOf(event.kind) >= 0) {
      if (this.state === 'Connected') this.lose(new Error('membership changed'));
      else this.rejoin = true;
    }
  }

  /** After a (re)connect: replace the connection again if its groups were fixed before a membership change. */
  private rejoinIfNeeded(): void {
    if (!this.rejoin) return;
    this.rejoin = false;
    this.lose(new Error('membership changed'));
  }

  // ---- losing and reconnecting ----

  private lose(error: Error): void {
    this.dropSocket();
    // While (re)connecting, the attempt in progress notices the lost socket and fails by itself.
    if (this.stopped || this.state !== 'Connected') return;
    this.state = 'Reconnecting';
    this.emit(this.reconnecting, error);
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    const delay = this.retryDelays[Math.min(this.attempt, this.retryDelays.length - 1)];
    this.attempt++;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.stopped) return;
      this.connect().then(() => {
        if (this.stopped) return this.dropSocket();
        this.state = 'Connected';
        this.attempt = 0;
        this.emit(this.reconnected, undefined);
        this.rejoinIfNeeded();
      }, (error: unknown) => {
        if (this.stopped) return;
        if (error instanceof ApiError && error.status === 401) {
          // Signed out or the refresh token was refused: nothing to reconnect as.
          this.shutdown();
          this.state = 'Disconnected';
          this.emit(this.closed, error);
          return;
        }
        this.scheduleRetry();
      });
    }, delay);
  }

  private startPinging(socket: WechatMiniprogram.SocketTask): void {
    this.stopPinging();
    this.pingTimer = setInterval(() => {
      try { socket.send({ data: pingMessage() }); } catch (e) { /* the close handler takes over */ }
    }, this.pingIntervalMs);
    this.heard();
  }

  private heard(): void {
    if (this.silenceTimer) clearTimeout(this.silenceTimer);
    this.silenceTimer = setTimeout(() => this.lose(new Error('server timeout')), this.serverTimeoutMs);
  }

  private stopPinging(): void {
    if (this.pingTimer) clearInterval(this.pingTimer);
    if (this.silenceTimer) clearTimeout(this.silenceTimer);
    this.pingTimer = this.silenceTimer = null;
  }

  private dropSocket(): void {
    this.stopPinging();
    const socket = this.socket;
    this.socket = null;
    if (socket) try { socket.close({}); } catch (e) { /* already closed */ }
  }

  private shutdown(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.dropSocket();
    this.catchingUp = false;
    this.buffered = [];
  }

  // ---- the last sequence, per user ----

  private storageKey(): string {
    return `rc.events.last:${this.userId}`;
  }

  private readLast(): number | null {
    try {
      const value = wx.getStorageSync(this.storageKey());
      return typeof value === 'number' ? value : null;
    } catch (e) {
      return null;
    }
  }

  private remember(sequence: number): void {
    if (this.last !== null && sequence <= this.last) return;
    this.last = sequence;
    try { wx.setStorageSync(this.storageKey(), sequence); } catch (e) { /* storage full: catch-up restarts from memory */ }
  }

  private emit<T>(callbacks: Array<(arg: T) => void>, arg: T): void {
    for (const callback of callbacks) {
      try { callback(arg); } catch (e) { console.error('events callback failed', e); }
    }
  }
}
