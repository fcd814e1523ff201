import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeEach, describe, expect, it } from 'vitest';
import { backendUrl, newWeChatName, newWx, sdk } from './setup';
import type { WxShim } from './wx-shim';

let wx: WxShim;
beforeEach(() => { wx = newWx(); });

const refreshCalls = () => wx.requests.filter((r) => r.url.endsWith('/api/v1/auth/refresh')).length;

/** Makes the stored access token unusable, as an expired one is: the server answers 401 and the SDK must refresh. */
function spoilAccessToken(client: InstanceType<typeof sdk.RenovationClient>): void {
  const session = client.session.get()!;
  client.session.set({ ...session, tokens: { ...session.tokens, accessToken: session.tokens.accessToken + 'x' } });
}

describe('sign-in', () => {
  it('wx.login code is exchanged through the WeChat simulator and the session kept in wx storage', async () => {
    const client = new sdk.RenovationClient({ baseUrl: backendUrl() });
    wx.loginName = newWeChatName();
    const session = await client.signIn();
    expect(session.tokens.accessToken).toBeTruthy();
    expect(JSON.parse(wx.storage.get('rc.session')!).userId).toBe(session.userId);
    const me = await client.get('/api/v1/me');
    expect(me.id).toBe(session.userId);
  });

  it('several calls meeting a rejected access token share ONE refresh and all succeed', async () => {
    const client = new sdk.RenovationClient({ baseUrl: backendUrl() });
    wx.loginName = newWeChatName();
    await client.signIn();
    spoilAccessToken(client);
    const before = client.session.get()!.tokens.refreshToken;
    const answers = await Promise.all(Array.from({ length: 8 }, () => client.get('/api/v1/me')));
    expect(answers.every((a) => a.id === answers[0].id)).toBe(true);
    expect(refreshCalls()).toBe(1);
    expect(client.session.get()!.tokens.refreshToken).not.toBe(before);
    // The rotated family is still alive: a second round refreshes again without being signed out.
    spoilAccessToken(client);
    await Promise.all([client.get('/api/v1/me'), client.get('/api/v1/bindings/mine')]);
    expect(refreshCalls()).toBe(2);
  });

  it('a refused refresh token ends the session and tells the app once', async () => {
    const expired: string[] = [];
    const client = new sdk.RenovationClient({ baseUrl: backendUrl(), onSessionExpired: (e) => expired.push(e.code) });
    wx.loginName = newWeChatName();
    await client.signIn();
    const session = client.session.get()!;
    client.session.set({ ...session, tokens: { ...session.tokens, accessToken: 'x', refreshToken: 'not-a-refresh-token' } });
    const results = await Promise.allSettled([client.get('/api/v1/me'), client.get('/api/v1/me')]);
    for (const r of results) {
      expect(r.status).toBe('rejected');
      expect((r as PromiseRejectedResult).reason).toMatchObject({ status: 401, code: 'refresh_token_invalid' });
    }
    expect(expired).toEqual(['refresh_token_invalid']);
    expect(client.isSignedIn()).toBe(false);
  });

  it('sign-out forgets the session and the server refuses its refresh token afterwards', async () => {
    const client = new sdk.RenovationClient({ baseUrl: backendUrl() });
    wx.loginName = newWeChatName();
    const session = await client.signIn();
    await client.signOut();
    expect(wx.storage.has('rc.session')).toBe(false);
    const error = await client.raw('POST', '/api/v1/auth/refresh', { body: { refreshToken: session.tokens.refreshToken }, auth: false })
      .catch((e) => e);
    expect(error).toBeInstanceOf(sdk.ApiError);
    expect(error.status).toBe(401);
  });
});

describe('errors are typed, with the code, the Chinese detail and field errors', () => {
  it('400 validation_failed carries each field\'s messages', async () => {
    const client = new sdk.RenovationClient({ baseUrl: backendUrl() });
    const error = await client.devSignIn('').catch((e) => e);
    expect(error).toBeInstanceOf(sdk.ApiError);
    expect(error).toMatchObject({ status: 400, code: 'validation_failed', detail: '请求参数有误：username：请填写演示用户名' });
    expect(error.fieldError('username')).toBe('请填写演示用户名');
    expect(error.correlationId).toMatch(/^mp-/);
  });

  it('401 unauthenticated when signed out', async () => {
    const client = new sdk.RenovationClient({ baseUrl: backendUrl() });
    const error = await client.get('/api/v1/me').catch((e) => e);
    expect(error).toMatchObject({ status: 401, code: 'unauthenticated', detail: '请先登录' });
  });

  it('403, 404 and 409 keep the server\'s code and detail', async () => {
    const resident = new sdk.RenovationClient({ baseUrl: backendUrl(), storageKey: 'resident' });
    wx.loginName = newWeChatName();
    await resident.signIn();
    const [community] = (await resident.get('/api/v1/communities/directory', { query: { name: '幸福里' } })).items;
    const owner = new sdk.RenovationClient({ baseUrl: backendUrl(), storageKey: 'owner' });
    await owner.devSignIn('resident-a'); // bound in this community, but not on its committee
    const forbidden = await owner.get('/api/v1/communities/{communityId}/bindings', { path: { communityId: community.id } })
      .catch((e) => e);
    expect(forbidden).toMatchObject({ status: 403, code: expect.any(String) });
    expect(forbidden.detail).toMatch(/[\u4e00-\u9fa5]/);

    const missing = await resident.get('/api/v1/notices/{id}', { path: { id: '00000000-0000-0000-0000-000000000001' } }).catch((e) => e);
    expect(missing).toMatchObject({ status: 404 });
    expect(missing.detail).toMatch(/[\u4e00-\u9fa5]/);

    const units = await resident.get('/api/v1/communities/{id}/unit-directory', { path: { id: community.id } });
    const request = { unitId: units[units.length - 1].id, name: '测试', idLast4: '1234', certificateNumber: '浙(2019)台州市不动产权第0000000号' };
    await resident.post('/api/v1/bindings', { body: request });
    const twice = await resident.post('/api/v1/bindings', { body: request }).catch((e) => e);
    expect(twice).toMatchObject({ status: 409, code: 'binding_exists', detail: '您已绑定该房屋或申请正在审核中' });
  });

  it('422 for a domain rule', async () => {
    const chair = new sdk.RenovationClient({ baseUrl: backendUrl(), storageKey: 'chair' });
    await chair.devSignIn('chair-a');
    const rule = await chair.post('/api/v1/subscriptions', { body: { templateId: 'no-such-template', result: 'Accept' } }).catch((e) => e);
    expect(rule).toMatchObject({ status: 422, code: 'unknown_template', detail: '不支持该订阅消息模板' });
  });

  it('an answer that is not a ProblemDetails still becomes an ApiError, and no answer a NetworkError', async () => {
    // A gateway in front of the API answering with its own HTML page.
    const gateway = createServer((_, res) => { res.writeHead(502, { 'content-type': 'text/html' }); res.end('<html>Bad Gateway</html>'); });
    await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', r));
    const client = new sdk.RenovationClient({ baseUrl: `http://127.0.0.1:${(gateway.address() as AddressInfo).port}` });
    const notJson = await client.raw('GET', '/api/v1/me', { auth: false }).catch((e) => e);
    gateway.close();
    expect(notJson).toBeInstanceOf(sdk.ApiError);
    expect(notJson).toMatchObject({ status: 502, code: 'internal_error', detail: '服务器内部错误，请稍后再试' });
    const nowhere = new sdk.RenovationClient({ baseUrl: 'http://127.0.0.1:9', timeoutMs: 2000 });
    const offline = await nowhere.devSignIn('chair-a').catch((e) => e);
    expect(offline).toBeInstanceOf(sdk.NetworkError);
    expect(offline.detail).toBe('网络连接失败，请检查网络后重试');
  });
});
