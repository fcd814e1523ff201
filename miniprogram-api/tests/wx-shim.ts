// A `wx` for Node: the subset of the mini-program runtime the SDK uses, built on Node's fetch and the `ws` package,
// so the SDK's compiled code talks to the real backend exactly as it would from a phone.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import WebSocket from 'ws';

export interface RequestLog { method: string; url: string; status: number }

export class WxShim {
  readonly storage = new Map<string, string>();
  readonly requests: RequestLog[] = [];
  readonly sockets = new Set<WebSocket>();
  /** Sockets the SDK holds: opened and not yet closed by it or by the network. */
  private readonly held = new Set<WebSocket>();
  /** Every text frame the SDK sent, and every one it received, in order. */
  readonly sent: string[] = [];
  readonly received: string[] = [];
  maxHeldSockets = 0;
  /** Who the next wx.login is (the simulator takes "name:n" codes, each usable once). */
  loginName = 'resident';
  private loginCount = 0;
  paymentAnswer: { ok: boolean; errMsg?: string } = { ok: true };
  subscribeAnswers: Record<string, string> = {};
  /** When set, a confirmed wx.requestPayment pays its prepay_id at this WeChat simulator, as the WeChat app would. */
  paySimulator = '';

  install(): void {
    (globalThis as any).wx = this.api();
  }

  /** While true, every wx.connectSocket fails, as with no network. */
  blockSockets = false;
  connectAttempts = 0;

  /** Kills every socket without a close frame, as a lost network would. */
  killSockets(): void {
    for (const socket of this.sockets) socket.terminate();
  }

  private api() {
    const shim = this;
    return {
      getStorageSync: (key: string) => (shim.storage.has(key) ? JSON.parse(shim.storage.get(key)!) : ''),
      setStorageSync: (key: string, value: unknown) => { shim.storage.set(key, JSON.stringify(value)); },
      removeStorageSync: (key: string) => { shim.storage.delete(key); },
      login: (o: any) => setTimeout(() => o.success({ code: `${shim.loginName}:${++shim.loginCount}`, errMsg: 'login:ok' })),
      request: (o: any) => { void shim.request(o); },
      uploadFile: (o: any) => { void shim.upload(o); },
      connectSocket: (o: any) => shim.connect(o),
      getUserCryptoManager: () => ({
        getRandomValues: (o: any) => {
          const bytes = randomBytes(o.length);
          setTimeout(() => o.success({ randomValues: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) }));
        },
      }),
      requestPayment: (o: any) => {
        const confirmed = shim.paymentAnswer.ok && shim.paySimulator
          ? fetch(`${shim.paySimulator}/simulator/prepay/${String(o.package).replace(/^prepay_id=/, '')}/pay`, { method: 'POST' })
            .then((res) => { if (!res.ok) throw new Error(`the simulator refused the payment: ${res.status}`); })
          : Promise.resolve();
        confirmed.then(() => (shim.paymentAnswer.ok
          ? o.success({ errMsg: 'requestPayment:ok' })
          : o.fail({ errMsg: shim.paymentAnswer.errMsg || 'requestPayment:fail' })),
        (error: Error) => o.fail({ errMsg: `requestPayment:fail ${error.message}` }));
      },
      requestSubscribeMessage: (o: any) => setTimeout(() => {
        const answer: Record<string, string> = { errMsg: 'requestSubscribeMessage:ok' };
        for (const id of o.tmplIds) answer[id] = shim.subscribeAnswers[id] || 'accept';
        o.success(answer);
      }),
    };
  }

  private async request(o: any): Promise<void> {
    const method = (o.method || 'GET').toUpperCase();
    try {
      const res = await fetch(o.url, {
        method,
        headers: o.header,
        body: o.data === undefined ? undefined : typeof o.data === 'string' ? o.data : JSON.stringify(o.data),
        signal: AbortSignal.timeout(o.timeout || 60000),
      });
      const text = await res.text();
      let data: unknown = text;
      if (o.dataType === 'json' && text) try { data = JSON.parse(text); } catch { /* wx leaves non-JSON as text */ }
      const header: Record<string, string> = {};
      res.headers.forEach((v, k) => { header[k] = v; });
      this.requests.push({ method, url: o.url, status: res.status });
      o.success({ statusCode: res.status, data, header, errMsg: 'request:ok' });
    } catch (e) {
      this.requests.push({ method, url: o.url, status: 0 });
      o.fail({ errMsg: `request:fail ${(e as Error).message}` });
    }
  }

  private async upload(o: any): Promise<void> {
    try {
      const form = new FormData();
      for (const [k, v] of Object.entries(o.formData || {})) form.append(k, v as string);
      form.append(o.name, new Blob([readFileSync(o.filePath)]), basename(o.filePath));
      const res = await fetch(o.url, { method: 'POST', headers: o.header, body: form });
      this.requests.push({ method: 'POST', url: o.url, status: res.status });
      o.success({ statusCode: res.status, data: await res.text(), errMsg: 'uploadFile:ok' });
    } catch (e) {
      o.fail({ errMsg: `uploadFile:fail ${(e as Error).message}` });
    }
  }

  private connect(o: any) {
    this.connectAttempts++;
    // An unreachable address: the socket fails to connect, as it would with no network.
    const socket = new WebSocket(this.blockSockets ? 'ws://127.0.0.1:9/' : o.url);
    const handlers: Record<string, Array<(arg: any) => void>> = { open: [], message: [], close: [], error: [] };
    const fire = (name: string, arg: any) => handlers[name].forEach((h) => h(arg));
    socket.on('open', () => {
      this.sockets.add(socket);
      this.held.add(socket);
      this.maxHeldSockets = Math.max(this.maxHeldSockets, this.held.size);
      fire('open', { header: {} });
    });
    socket.on('message', (data, isBinary) => {
      const buffer = data as Buffer;
      if (!isBinary) this.received.push(buffer.toString('utf8'));
      fire('message', { data: isBinary ? buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.length) : buffer.toString('utf8') });
    });
    socket.on('error', (e) => fire('error', { errMsg: e.message }));
    socket.on('close', (code, reason) => {
      this.sockets.delete(socket);
      this.held.delete(socket);
      fire('close', { code, reason: reason.toString() });
    });
    return {
      onOpen: (h: any) => handlers.open.push(h),
      onMessage: (h: any) => handlers.message.push(h),
      onClose: (h: any) => handlers.close.push(h),
      onError: (h: any) => handlers.error.push(h),
      send: (s: any) => {
        if (socket.readyState !== WebSocket.OPEN) return s.fail && s.fail({ errMsg: 'sendSocketMessage:fail not open' });
        this.sent.push(s.data);
        socket.send(s.data, (err) => (err ? s.fail && s.fail({ errMsg: err.message }) : s.success && s.success({})));
      },
      close: (s: any = {}) => {
        this.held.delete(socket);
        if (socket.readyState === WebSocket.CONNECTING) socket.terminate();
        else socket.close(s.code || 1000, s.reason);
        s.success && s.success({});
      },
    };
  }
}
