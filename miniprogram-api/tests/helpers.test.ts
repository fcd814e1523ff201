import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { newWx, sdk } from './setup';

describe('payment helper', () => {
  const params = { timeStamp: '1', nonceStr: 'n', package: 'prepay_id=wx1', signType: 'RSA' as const, paySign: 's' };

  it('never trusts wx.requestPayment: "ok" from the client with an unpaid order on the server is unpaid', async () => {
    const wx = newWx();
    wx.paymentAnswer = { ok: true };
    let asked = 0;
    const outcome = await sdk.pay({
      create: async () => ({ no: 'RC1' }),
      paymentParams: () => params,
      status: async () => { asked++; return 'NotPaid'; },
      isSettled: (s) => s === 'Paid' || s === 'Closed',
    }, { pollIntervalMs: 10, timeoutMs: 100 });
    expect(outcome).toMatchObject({ status: 'NotPaid', clientSaid: 'ok', timedOut: true });
    expect(asked).toBeGreaterThan(1);
  });

  it('a "fail" from the client still asks the server, which may know the order was paid', async () => {
    const wx = newWx();
    wx.paymentAnswer = { ok: false, errMsg: 'requestPayment:fail network' };
    const answers = ['NotPaid', 'Paid'];
    const outcome = await sdk.pay({
      create: async () => ({ no: 'RC2' }),
      paymentParams: () => params,
      status: async () => answers.shift()!,
      isSettled: (s) => s === 'Paid',
    }, { pollIntervalMs: 10, timeoutMs: 5000 });
    expect(outcome).toMatchObject({ status: 'Paid', clientSaid: 'fail', timedOut: false });
  });

  it('paymentFlow speaks the payments API (a stand-in server here: the endpoints live on the payments branch)', async () => {
    const wx = newWx();
    wx.paymentAnswer = { ok: true };
    const calls: string[] = [];
    const states = ['AwaitingPayment', 'Paid'];
    const server = createServer((req, res) => {
      calls.push(`${req.method} ${req.url}`);
      res.writeHead(200, { 'content-type': 'application/json' });
      const payment = { id: 'p1', state: req.method === 'POST' ? 'AwaitingPayment' : states.shift() };
      res.end(JSON.stringify(req.method === 'POST' ? { payment, requestPayment: { ...params, appId: 'wx1' } } : payment));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const api = new sdk.RenovationClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
    const outcome = await sdk.pay(sdk.paymentFlow(api, { purpose: 'dev-try-out', subjectId: 's1' }), { pollIntervalMs: 10 });
    server.close();
    expect(outcome.status.state).toBe('Paid');
    expect(calls).toEqual(['POST /api/v1/payments', 'GET /api/v1/payments/p1', 'GET /api/v1/payments/p1']);
  });
});

describe('pagination', () => {
  it('Pager loads pages until the total is reached and shares a request between overlapping next() calls', async () => {
    const all = Array.from({ length: 45 }, (_, i) => i);
    let requests = 0;
    const pager = new sdk.Pager<number>(async (page, size) => {
      requests++;
      return { items: all.slice((page - 1) * size, page * size), pageNumber: page, pageSize: size, total: all.length };
    }, 20);
    const [a, b] = await Promise.all([pager.next(), pager.next()]);
    expect(a).toBe(b);
    expect(requests).toBe(1);
    await pager.next();
    await pager.next();
    expect(pager.items).toEqual(all);
    expect(pager.hasMore).toBe(false);
    expect(await pager.next()).toEqual([]);
    expect(requests).toBe(3);
  });
});

describe('ballot receipts', () => {
  it('the SDK\'s SHA-256 agrees with Node\'s, including Chinese text', () => {
    for (const text of ['', 'abc', '加装电梯|Agree|12345|key', 'x'.repeat(1000)])
      expect(sdk.sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });
});
