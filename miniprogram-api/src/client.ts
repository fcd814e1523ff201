import { ApiError, NetworkError, toApiError } from './errors';
import { Session, SessionStore, TokenPair } from './session';
import type { components } from './generated/api';
import type { HttpMethod, InitArgs, Operation, PathsWith, ResponseOf } from './types';

export interface ClientOptions {
  /** Where the API lives, e.g. `https://api.example.com` (no trailing `/api/v1`). Add it to the request domains. */
  baseUrl: string;
  /** wx storage key of the session; change it only to keep two back-ends apart. */
  storageKey?: string;
  /** Milliseconds before a request gives up (wx.request `timeout`). */
  timeoutMs?: number;
  /** Called when the session ended because the refresh token was refused: show the sign-in page. */
  onSessionExpired?: (error: ApiError) => void;
}

/** A raw answer, for callers that need the status or headers. */
export interface RawResponse<T = unknown> {
  status: number;
  data: T;
  header: Record<string, string>;
}

export interface RawRequest {
  query?: object;
  body?: unknown;
  headers?: Record<string, string>;
  /** Send the access token (default true) and refresh it once on a 401. */
  auth?: boolean;
}

type LoginResponse = components['schemas']['LoginResponse'];

/** Refresh this long before the access token's stated expiry, so a token never dies on its way to the server. */
const REFRESH_MARGIN_MS = 30000;

/**
 * The typed API over wx.request. Paths and bodies are checked against the backend's OpenAPI document:
 * `client.get('/api/v1/notices', { query: { Page: 1 } })`. Every call sends the access token and an
 * `X-Correlation-Id`; a 401 triggers ONE refresh shared by every call that met it, then each call is retried once.
 */
export class RenovationClient {
  readonly baseUrl: string;
  readonly session: SessionStore;
  private readonly timeoutMs: number;
  private readonly onSessionExpired?: (error: ApiError) => void;
  private refreshing: Promise<TokenPair> | null = null;
  private sequence = 0;

  constructor(options: ClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.session = new SessionStore(options.storageKey || 'rc.session');
    this.timeoutMs = options.timeoutMs || 15000;
    this.onSessionExpired = options.onSessionExpired;
  }

  get<P extends PathsWith<'get'>>(path: P, ...init: InitArgs<Operation<P, 'get'>>): Promise<ResponseOf<Operation<P, 'get'>>> {
    return this.call('get', path, init[0]);
  }

  post<P extends PathsWith<'post'>>(path: P, ...init: InitArgs<Operation<P, 'post'>>): Promise<ResponseOf<Operation<P, 'post'>>> {
    return this.call('post', path, init[0]);
  }

  put<P extends PathsWith<'put'>>(path: P, ...init: InitArgs<Operation<P, 'put'>>): Promise<ResponseOf<Operation<P, 'put'>>> {
    return this.call('put', path, init[0]);
  }

  delete<P extends PathsWith<'delete'>>(path: P, ...init: InitArgs<Operation<P, 'delete'>>): Promise<ResponseOf<Operation<P, 'delete'>>> {
    return this.call('delete', path, init[0]);
  }

  // ---- sign-in ----

  /** `wx.login`, then `POST /api/v1/auth/wechat-login`; the session is stored with wx.setStorageSync. */
  async signIn(): Promise<Session> {
    const code = await new Promise<string>((resolve, reject) => {
      wx.login({
        success: (res) => (res.code ? resolve(res.code) : reject(new NetworkError('wx.login returned no code'))),
        fail: (err) => reject(new NetworkError(err.errMsg)),
      });
    });
    const answer = await this.raw<LoginResponse>('POST', '/api/v1/auth/wechat-login', { body: { code }, auth: false });
    return this.keep(answer.data);
  }

  /** Demo users of a Development backend (`chair-a`, `resident-a`…); refused with 404 elsewhere. */
  async devSignIn(username: string): Promise<Session> {
    const answer = await this.raw<LoginResponse>('POST', '/api/v1/auth/dev-login', { body: { username }, auth: false });
    return this.keep(answer.data);
  }

  isSignedIn(): boolean {
    return this.session.get() !== null;
  }

  /** Revokes this device's refresh token family on the server (best effort) and forgets the session. */
  async signOut(): Promise<void> {
    const current = this.session.get();
    this.session.clear();
    if (!current) return;
    try {
      await this.send('POST', '/api/v1/auth/logout', { body: { refreshToken: current.tokens.refreshToken } },
        current.tokens.accessToken, this.newCorrelationId());
    } catch (e) {
      // The session is gone locally either way; an unreachable server must not keep the user signed in.
    }
  }

  /** A usable access token, refreshed first when it is about to expire; null when signed out. */
  async accessToken(): Promise<string | null> {
    const current = this.session.get();
    if (!current) return null;
    const expiresAt = Date.parse(current.tokens.accessTokenExpiresAt);
    if (!isNaN(expiresAt) && expiresAt - Date.now() > REFRESH_MARGIN_MS) return current.tokens.accessToken;
    return (await this.refresh(current.tokens.accessToken)).accessToken;
  }

  /**
   * Swaps the refresh token for a new pair. Every caller that saw `staleAccessToken` rejected shares ONE request:
   * the server revokes the whole family when a refresh token is presented twice, so parallel refreshes would sign
   * the user out.
   */
  refresh(staleAccessToken?: string): Promise<TokenPair> {
    const current = this.session.get();
    if (!current) return Promise.reject(toApiError(401, { code: 'unauthenticated', detail: '请先登录' }));
    if (staleAccessToken !== undefined && current.tokens.accessToken !== staleAccessToken)
      return Promise.resolve(current.tokens); // someone else refreshed already
    if (!this.refreshing) {
      const refreshToken = current.tokens.refreshToken;
      this.refreshing = this.send<TokenPair>('POST', '/api/v1/auth/refresh', { body: { refreshToken } }, null, this.newCorrelationId())
        .then((answer) => {
          this.session.replaceTokens(answer.data);
          return answer.data;
        }, (error: unknown) => {
          if (error instanceof ApiError && error.status === 401) {
            this.session.clear();
            if (this.onSessionExpired) this.onSessionExpired(error);
          }
          throw error;
        })
        .then((tokens) => {
          this.refreshing = null;
          return tokens;
        }, (error: unknown) => {
          this.refreshing = null;
          throw error;
        });
    }
    return this.refreshing;
  }

  // ---- transport ----

  /** Any call by method and concrete path; the typed methods above are preferred. */
  async raw<T = unknown>(method: string, path: string, request: RawRequest = {}): Promise<RawResponse<T>> {
    const correlationId = this.newCorrelationId();
    if (request.auth === false) return this.send<T>(method, path, request, null, correlationId);
    const token = await this.accessToken();
    try {
      return await this.send<T>(method, path, request, token, correlationId);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401 || token === null) throw error;
      const fresh = await this.refresh(token);
      return this.send<T>(method, path, request, fresh.accessToken, correlationId);
    }
  }

  private async call(method: HttpMethod, template: string, init: unknown): Promise<any> {
    const options = (init || {}) as { path?: Record<string, unknown>; query?: object; body?: unknown; headers?: Record<string, string> };
    const path = template.replace(/\{([^}]+)\}/g, (_, name: string) => {
      const value = options.path ? options.path[name] : undefined;
      if (value === undefined || value === null) throw new Error(`Missing path parameter "${name}" for ${template}`);
      return encodeURIComponent(String(value));
    });
    const answer = await this.raw(method.toUpperCase(), path, { query: options.query, body: options.body, headers: options.headers });
    return answer.status === 204 ? undefined : answer.data;
  }

  private send<T>(method: string, path: string, request: RawRequest, token: string | null, correlationId: string): Promise<RawResponse<T>> {
    const header: Record<string, string> = { 'X-Correlation-Id': correlationId, Accept: 'application/json' };
    if (request.body !== undefined) header['Content-Type'] = 'application/json';
    if (token) header.Authorization = `Bearer ${token}`;
    if (request.headers) for (const name of Object.keys(request.headers)) header[name] = request.headers[name];
    const url = this.baseUrl + path + queryString(request.query);
    return new Promise<RawResponse<T>>((resolve, reject) => {
      wx.request({
        url,
        method: method as 'GET',
        header,
        data: request.body === undefined ? undefined : JSON.stringify(request.body),
        dataType: 'json',
        timeout: this.timeoutMs,
        success: (res) => {
          const headers = lowerCaseKeys(res.header as Record<string, string>);
          if (res.statusCode >= 200 && res.statusCode < 300)
            resolve({ status: res.statusCode, data: res.data as T, header: headers });
          else
            reject(toApiError(res.statusCode, res.data, headers['x-correlation-id'] || correlationId));
        },
        fail: (err) => reject(new NetworkError(err.errMsg)),
      });
    });
  }

  private keep(login: LoginResponse): Session {
    const session: Session = { userId: login.userId, displayName: login.displayName, tokens: login.tokens };
    this.session.set(session);
    return session;
  }

  /** Sent as X-Correlation-Id so a user's report can be found in the server's logs (the server echoes it). */
  private newCorrelationId(): string {
    this.sequence = (this.sequence + 1) % 1000000;
    return `mp-${Date.now().toString(36)}-${Math.floor(Math.random() * 0xffffff).toString(36)}-${this.sequence}`;
  }
}

/** `?a=1&b=x&b=y` without URLSearchParams (not in the mini-program runtime); null and undefined are left out. */
export function queryString(query: object | undefined): string {
  if (!query) return '';
  const parts: string[] = [];
  const record = query as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const value = record[key];
    const values = Array.isArray(value) ? value : [value];
    for (const v of values)
      if (v !== undefined && v !== null) parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(v))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

function lowerCaseKeys(header: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (header) for (const key of Object.keys(header)) out[key.toLowerCase()] = header[key];
  return out;
}
