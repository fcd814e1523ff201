import { describe, expect, it } from 'vitest';
import { backendUrl, newWeChatName, newWx, sdk, waitFor } from './setup';

const RS = '\u001e';

describe('SignalR JSON protocol over wx.connectSocket', () => {
  it('handshakes, waits for ready, pings, and sends the close message when stopped', async () => {
    const wx = newWx();
    const client = new sdk.RenovationClient({ baseUrl: backendUrl() });
    wx.loginName = newWeChatName();
    await client.signIn();
    const events = new sdk.EventsConnection(client, { pingIntervalMs: 200 });
    await events.start();
    expect(wx.sent[0]).toBe(`{"protocol":"json","version":1}${RS}`);
    // The handshake answer, then `ready` once the hub joined the groups (the two may share a frame).
    const records = wx.received.join('').split(RS);
    expect(records[0]).toBe('{}');
    expect(JSON.parse(records[1])).toMatchObject({ type: 1, target: 'ready' });
    await waitFor('two pings', () => wx.sent.filter((f) => f === `{"type":6}${RS}`).length >= 2);
    await events.stop();
    expect(wx.sent[wx.sent.length - 1]).toBe(`{"type":7}${RS}`);
    expect(events.state).toBe('Disconnected');
    await waitFor('the socket to close', () => wx.sockets.size === 0);
  });

  it('a server silent for longer than the timeout is replaced by a new connection', async () => {
    const wx = newWx();
    const client = new sdk.RenovationClient({ baseUrl: backendUrl() });
    wx.loginName = newWeChatName();
    await client.signIn();
    // The hub pings every 15 s; a 700 ms timeout makes it look silent.
    const events = new sdk.EventsConnection(client, { serverTimeoutMs: 700, retryDelays: [0] });
    const reasons: string[] = [];
    events.onreconnecting((e) => reasons.push(e!.message));
    let reconnected = 0;
    events.onreconnected(() => { reconnected++; });
    await events.start();
    await waitFor('a reconnect after silence', () => reconnected >= 1);
    expect(reasons[0]).toBe('server timeout');
    await events.stop();
  });

  it('refuses to start when signed out, and closes when the session cannot be refreshed', async () => {
    const wx = newWx();
    const client = new sdk.RenovationClient({ baseUrl: backendUrl() });
    const signedOut = await new sdk.EventsConnection(client).start().catch((e) => e);
    expect(signedOut).toMatchObject({ status: 401, code: 'unauthenticated' });

    wx.loginName = newWeChatName();
    await client.signIn();
    const events = new sdk.EventsConnection(client, { retryDelays: [100] });
    const closed: unknown[] = [];
    events.onclose((e) => closed.push(e));
    await events.start();
    const session = client.session.get()!;
    client.session.set({ ...session, tokens: { ...session.tokens, accessToken: 'spoilt', refreshToken: 'revoked' } });
    wx.killSockets();
    await waitFor('the connection to give up', () => closed.length === 1);
    expect(closed[0]).toMatchObject({ status: 401, code: 'refresh_token_invalid' });
    expect(events.state).toBe('Disconnected');
  });

  it('reconnects with a fresh access token when the old one is refused', async () => {
    const wx = newWx();
    const client = new sdk.RenovationClient({ baseUrl: backendUrl() });
    wx.loginName = newWeChatName();
    await client.signIn();
    const events = new sdk.EventsConnection(client, { retryDelays: [100] });
    let reconnected = 0;
    events.onreconnected(() => { reconnected++; });
    await events.start();
    const session = client.session.get()!;
    client.session.set({ ...session, tokens: { ...session.tokens, accessToken: 'spoilt' } });
    wx.killSockets();
    await waitFor('the reconnect', () => reconnected === 1, 15000);
    expect(client.session.get()!.tokens.accessToken).not.toBe('spoilt');
    await events.stop();
  });
});
