import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EventEnvelope } from '../miniprogram_dist/index.js';
import { backendUrl, newWeChatName, newWx, sdk, simulatorUrl, waitFor } from './setup';

/**
 * A resident's first days, through the SDK only: WeChat sign-in, binding approved by the committee chair, notices
 * live, the socket killed while notices keep coming (all caught up, once each, in order), a subscribe consent, a
 * payment, a ballot and its receipt checked against the published record.
 */
describe('resident journey through the SDK', () => {
  const wx = newWx();
  let alice: InstanceType<typeof sdk.RenovationClient>;
  let chair: InstanceType<typeof sdk.RenovationClient>;
  let events: InstanceType<typeof sdk.EventsConnection>;
  const seen: EventEnvelope[] = [];
  let reconnects = 0;
  const ctx = { communityId: '', bindingId: '' };
  const find = (kind: string, match: (payload: any) => boolean) => () => seen.find((e) => e.kind === kind && match(e.payload));

  afterAll(() => events && events.stop());

  it('signs in with wx.login through the simulator and opens ONE shared events connection', async () => {
    alice = new sdk.RenovationClient({ baseUrl: backendUrl() });
    chair = new sdk.RenovationClient({ baseUrl: backendUrl(), storageKey: 'chair' });
    events = new sdk.EventsConnectionBuilder(alice).withAutomaticReconnect([0, 300, 600]).build();
    events.onAny((e) => seen.push(e));
    events.onreconnected(() => { reconnects++; });
    wx.loginName = newWeChatName('alice');
    const session = await alice.signIn();
    expect(session.displayName).toBe('微信用户');
    await chair.devSignIn('chair-a');
    expect(new sdk.EventsConnectionBuilder(alice).build()).toBe(events);
    await events.start();
    expect(events.state).toBe('Connected');
    expect(events.lastSequence).not.toBeNull(); // fast-forwarded: a first launch is not flooded with history
  });

  it('asks to bind a flat; the chair approves; the approval arrives live and the connection joins the community', async () => {
    const [community] = (await alice.get('/api/v1/communities/directory', { query: { name: '幸福里' } })).items;
    ctx.communityId = community.id;
    const units = await alice.get('/api/v1/communities/{id}/unit-directory', { path: { id: community.id } });
    const unit = units[units.length - 3];
    const binding = await alice.post('/api/v1/bindings', {
      body: { unitId: unit.id, name: '李娜', idLast4: '4321', certificateNumber: '浙(2019)台州市不动产权第1234567号' },
    });
    ctx.bindingId = binding.id;
    expect(binding.status).toBe('Pending');

    const pending = await chair.get('/api/v1/communities/{communityId}/bindings',
      { path: { communityId: community.id }, query: { status: 'Pending' } });
    expect(pending.items.map((b) => b.id)).toContain(binding.id);
    // The claim does not match the register: approving it takes an explicit confirmation and a reason.
    await chair.post('/api/v1/bindings/{id}/approve', {
      path: { id: binding.id }, body: { confirmMismatch: true, reason: '已核对不动产权证原件' },
    });

    await waitFor('binding.approved, live', find('binding.approved', (p) => p.bindingId === binding.id));
    await waitFor('the connection to rejoin with the new groups', () => reconnects >= 1 && events.state === 'Connected');
    const me = await alice.get('/api/v1/me');
    expect(me.units.map((u) => u.unitId)).toContain(unit.id);
  });

  const publish = (title: string) => chair.post('/api/v1/notices', {
    body: {
      targetKind: 'Community', targetId: ctx.communityId, title, body: `${title}：请各位业主留意。`,
      pinned: false, emergency: false, publishAt: null, expiresAt: null,
    },
  });

  it('receives a community notice live', async () => {
    const notice = await publish('三号楼停水通知');
    const event = await waitFor('notice.published, live', find('notice.published', (p) => p.noticeId === notice.id));
    expect(event.payload.title).toBe('三号楼停水通知');
  });

  it('loses its socket mid-way; every notice published meanwhile arrives once, in order, after the reconnect', async () => {
    const beforeKill = events.lastSequence!;
    const reconnectsBefore = reconnects;
    // The network goes: the socket dies without a close frame and reconnecting fails until it is back.
    wx.blockSockets = true;
    wx.killSockets();
    await waitFor('the loss to be noticed', () => events.state === 'Reconnecting');

    const missed = [];
    for (const title of ['电梯检修', '燃气管道改造说明会', '外墙施工安全提示']) missed.push(await publish(title));
    // The chair's own catch-up shows the three sequenced and sent while Alice had no socket.
    const sent = await waitFor('the three notices to be dispatched', async () => {
      const batch = await chair.get('/api/v1/events', { query: { after: beforeKill } });
      const mine = batch.events.filter((e) => e.kind === 'notice.published');
      return mine.length >= 3 ? mine : null;
    });
    expect(sent.length).toBe(3);
    const attempts = wx.connectAttempts;
    await waitFor('a few failed attempts with back-off', () => wx.connectAttempts >= attempts + 2);
    expect(events.state).toBe('Reconnecting');
    expect(seen.filter((e) => e.sequence > beforeKill)).toEqual([]);

    wx.blockSockets = false;
    await waitFor('the reconnect', () => reconnects > reconnectsBefore && events.state === 'Connected');
    const after = seen.filter((e) => e.sequence > beforeKill);
    expect(after.filter((e) => e.kind === 'notice.published').map((e) => (e.payload as any).noticeId))
      .toEqual(missed.map((n) => n.id));

    // Exactly once and in order, over the whole session.
    const sequences = seen.map((e) => e.sequence);
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    expect(new Set(sequences).size).toBe(sequences.length);
    // Nothing the server has for Alice is missing.
    const server = await alice.get('/api/v1/events', { query: { after: beforeKill, limit: 500 } });
    const last = events.lastSequence!;
    expect(after.map((e) => e.sequence)).toEqual(server.events.map((e) => e.sequence).filter((s) => s <= last));
    expect(wx.maxHeldSockets).toBe(1);
  });

  it('records a subscribe-message consent from wx.requestSubscribeMessage', async () => {
    wx.subscribeAnswers = { 'tmpl-notice-published': 'accept' };
    const consents = await sdk.requestSubscribeConsent(alice, ['notice.published']);
    expect(consents).toEqual([{ templateId: 'tmpl-notice-published', remaining: 1, banned: false }]);
  });

  it('pays with wx.requestPayment and shows the server\'s verdict: the simulator notifies, the server says Paid', async () => {
    wx.paySimulator = simulatorUrl();
    const outcome = await sdk.pay(sdk.paymentFlow(alice, { purpose: 'dev-try-out', subjectId: ctx.communityId }),
      { pollIntervalMs: 200, timeoutMs: 20000 });
    expect(outcome.clientSaid).toBe('ok');
    expect(outcome.timedOut).toBe(false);
    expect(outcome.status.state).toBe('Paid');
    expect(outcome.status.amountFen).toBe(1);
    const again = await alice.raw<{ state: string }>('GET', `/api/v1/payments/${outcome.status.id}`);
    expect(again.data.state).toBe('Paid');
  });

  it('meets a co-owner paying the same subject: 409 names who pays, takeOver closes their order, close gives up one\'s own', async () => {
    const coOwner = new sdk.RenovationClient({ baseUrl: backendUrl(), storageKey: 'co-owner' });
    await coOwner.devSignIn('resident-a');
    const subject = { purpose: 'dev-try-out', subjectId: ctx.communityId };
    const theirs = await sdk.paymentFlow(coOwner, subject).create();
    expect(theirs.payment.state).toBe('AwaitingPayment');

    const refused = await sdk.paymentFlow(alice, subject).create().catch((e: unknown) => e);
    const inProgress = sdk.paymentInProgress(refused);
    expect(inProgress).not.toBeNull();
    expect(inProgress!.payerName).not.toBe('');
    expect(inProgress!.payingUntil).toMatch(/\+08:00$/);
    expect(inProgress!.detail).toContain(inProgress!.payerName);
    expect(sdk.paymentInProgress(new Error('other'))).toBeNull();

    const mine = await sdk.paymentFlow(alice, { ...subject, takeOver: true }).create();
    expect(mine.payment.id).not.toBe(theirs.payment.id);
    const closedTheirs = await coOwner.raw<{ state: string }>('GET', `/api/v1/payments/${theirs.payment.id}`);
    expect(closedTheirs.data.state).toBe('Closed');

    const given = await sdk.closePayment(alice, mine.payment.id);
    expect(given.state).toBe('Closed');
  });

  it('uploads a notice attachment with wx.uploadFile', async () => {
    const notice = await publish('改造方案图纸');
    const file = join(tmpdir(), `plan-${Date.now()}.png`);
    // A 1x1 PNG: the server checks the file's signature, not its name.
    writeFileSync(file, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));
    const uploaded = await sdk.uploadFile<{ id: string }>(chair, { path: `/api/v1/notices/${notice.id}/attachments`, filePath: file });
    expect(uploaded.id).toBeTruthy();
    const listed = await alice.get('/api/v1/notices/{id}/attachments', { path: { id: notice.id } });
    expect(listed.map((a) => a.id)).toContain(uploaded.id);
  });

  it('casts a ballot and finds its receipt, counted, in the published record with an intact chain', async () => {
    const now = Date.now();
    const vote = await chair.post('/api/v1/communities/{communityId}/votes', {
      path: { communityId: ctx.communityId },
      body: {
        title: '加装电梯表决', description: '是否同意使用公共部分加装电梯', matter: 'ChangeUseOfCommonParts', kind: 'Motion',
        secrecy: 'Secret', showCountsBeforeClose: false, opensAt: new Date(now + 2000).toISOString(),
        closesAt: new Date(now + 16000).toISOString(), seats: null, candidates: null, planId: null,
      },
    });
    await waitFor('vote.convened, live', find('vote.convened', (p) => p.voteId === vote.id));
    await waitFor('vote.opened, live', find('vote.opened', (p) => p.voteId === vote.id));

    const parties = await alice.get('/api/v1/votes/{voteId}/my-status', { path: { voteId: vote.id } });
    expect(parties).toHaveLength(1);
    const cast = await sdk.castBallot(alice, vote.id, { choice: 'Agree' });
    expect(sdk.savedBallotKeys(vote.id)).toEqual([cast.key]);
    // The device remembers what the secret record will not show: the choice and the party's area from my-status.
    expect(sdk.rememberedBallot(vote.id, cast.key)).toEqual({
      choice: 'agree', partyId: parties[0].partyId, areaHundredths: Number(parties[0].areaHundredths),
    });
    // A retry with the same key (an answer lost on the way) gets the same receipt, not a second ballot.
    const retry = await sdk.castBallot(alice, vote.id, { choice: 'Agree' }, cast.key);
    expect(retry.receipt).toBe(cast.receipt);

    const closed = await waitFor('vote.closed, live', find('vote.closed', (p) => p.voteId === vote.id), 40000);
    expect(closed.payload).toHaveProperty('result');
    const record = await alice.get('/api/v1/votes/{voteId}/record', { path: { voteId: vote.id } });
    // A secret record lists no choice or area per ballot: the check recomputes the receipt from what the device remembered.
    expect(record.ballots.every((b) => !('choice' in b) && !('areaHundredths' in b))).toBe(true);
    const check = sdk.checkReceiptInRecord(record, cast.receipt, cast.key);
    expect(check).toEqual({
      found: true, receiptMatchesKey: true, counted: true, choice: 'agree', chainIntact: true, totalsConsistent: true,
    });
    // The check can fail: another key or another remembered choice does not produce this receipt, a tampered record
    // breaks the chain, and totals that no longer add up to the participation are caught.
    expect(sdk.checkReceiptInRecord(record, cast.receipt, 'f'.repeat(48)).receiptMatchesKey).toBe(false);
    const otherChoice = { ...sdk.rememberedBallot(vote.id, cast.key)!, choice: 'oppose' };
    expect(sdk.checkReceiptInRecord(record, cast.receipt, cast.key, otherChoice).receiptMatchesKey).toBe(false);
    const tampered = { ...record, ballots: record.ballots.map((b, i) => (i === 0 ? { ...b, receipt: 'f'.repeat(64) } : b)) };
    expect(sdk.checkReceiptInRecord(tampered, cast.receipt, cast.key).chainIntact).toBe(false);
    // (How the counted ballots split between the choices is the server's recount: moving a total is not detectable.)
    const shifted = { ...record, totals: { ...record.totals, agree: { area: 0, heads: 0 }, oppose: record.totals.agree } };
    expect(sdk.checkReceiptInRecord(shifted, cast.receipt, cast.key).totalsConsistent).toBe(true);
    const inflated = { ...record, totals: { ...record.totals, agree: { ...record.totals.agree, heads: Number(record.totals.agree.heads) + 1 } } };
    expect(sdk.checkReceiptInRecord(inflated, cast.receipt, cast.key).totalsConsistent).toBe(false);
    // The server confirms the receipt counted but, in a secret vote, answers no choice or area.
    const server = await alice.get('/api/v1/votes/{voteId}/receipts/{receipt}', { path: { voteId: vote.id, receipt: cast.receipt } });
    expect(server).toMatchObject({ found: true, counted: true });
    expect(server).not.toHaveProperty('choice');
    expect(server).not.toHaveProperty('areaHundredths');
  });
});
