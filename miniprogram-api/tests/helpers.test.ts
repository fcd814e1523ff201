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

  // A record as GET /api/v1/votes/{id}/record writes it: carol replaced her first ballot, so it no longer counts.
  const voteId = '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b';
  const parties = [
    { partyId: '0a1b2c3d-0000-4000-8000-000000000001', name: '1栋101 张三', areaHundredths: 8523, units: 1, key: 'a'.repeat(48) },
    { partyId: '0a1b2c3d-0000-4000-8000-000000000002', name: '1栋102 李四', areaHundredths: 9010, units: 1, key: 'b'.repeat(48) },
    { partyId: '0a1b2c3d-0000-4000-8000-000000000003', name: '1栋201 王五', areaHundredths: 7711, units: 1, key: 'c'.repeat(48) },
  ];
  const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
  const receiptOf = (choice: string, area: number, key: string) => sha(`${voteId.replace(/-/g, '')}|${choice}|${area}|${key}`);
  function namedRecord() {
    const cast = [
      { party: parties[2], choice: 'oppose', key: 'd'.repeat(48) },
      { party: parties[0], choice: 'agree', key: parties[0].key },
      { party: parties[1], choice: 'oppose', key: parties[1].key },
      { party: parties[2], choice: 'agree', key: parties[2].key },
    ];
    const genesis = sha(`genesis|${voteId}`);
    let link = genesis;
    const ballots = cast.map((c, i) => {
      const receipt = receiptOf(c.choice, c.party.areaHundredths, c.key);
      link = sha(`${link}|${receipt}`);
      return {
        chainIndex: i + 1, receipt, choice: c.choice, areaHundredths: c.party.areaHundredths, heads: 1,
        supersedes: i === 3 ? receiptOf('oppose', 7711, 'd'.repeat(48)) : null, counted: i !== 0, linkHash: link,
        partyId: c.party.partyId, partyName: c.party.name, channel: 'Online',
      };
    });
    return {
      vote: { id: voteId, title: '外墙保温改造', kind: 'Motion', secrecy: 'Named', status: 'Closed' },
      genesis, finalLink: link,
      electorate: parties.map(({ key: _, ...entry }) => entry),
      participants: parties.map((p) => ({ partyId: p.partyId, name: p.name, channel: 'Online', replacements: p === parties[2] ? 1 : 0 })),
      totals: {
        participating: { area: 25244, heads: 3 }, agree: { area: 16234, heads: 2 }, oppose: { area: 9010, heads: 1 },
        abstain: { area: 0, heads: 0 }, candidateAgree: {},
      },
      ballots,
      howToVerify: '…',
    } as unknown as Parameters<typeof sdk.checkReceiptInRecord>[0];
  }
  /** The same vote as a secret one publishes it: per ballot only the receipt and its place in the chain. */
  function secretRecord() {
    const named = namedRecord();
    return {
      ...named, vote: { ...named.vote, secrecy: 'Secret' },
      ballots: named.ballots.map((b) => ({
        chainIndex: b.chainIndex, receipt: b.receipt, supersedes: b.supersedes, counted: b.counted, linkHash: b.linkHash,
      })),
    } as unknown as Parameters<typeof sdk.checkReceiptInRecord>[0];
  }

  it('an open vote\'s receipt is recomputed from the choice and area the record lists, and its totals recounted', () => {
    newWx();
    const record = namedRecord();
    const carol = record.ballots[3];
    expect(sdk.checkReceiptInRecord(record, carol.receipt, parties[2].key)).toEqual({
      found: true, receiptMatchesKey: true, counted: true, choice: 'agree', chainIntact: true, totalsConsistent: true,
    });
    // Her replaced ballot is found but no longer counts; another key does not match.
    expect(sdk.checkReceiptInRecord(record, record.ballots[0].receipt, 'd'.repeat(48))).toMatchObject({ receiptMatchesKey: true, counted: false });
    expect(sdk.checkReceiptInRecord(record, carol.receipt, parties[0].key).receiptMatchesKey).toBe(false);
    // A listed choice changed after casting no longer hashes to the receipt (and breaks the recount).
    const altered = { ...record, ballots: record.ballots.map((b, i) => (i === 3 ? { ...b, choice: 'oppose' } : b)) };
    expect(sdk.checkReceiptInRecord(altered, carol.receipt, parties[2].key)).toMatchObject({ receiptMatchesKey: false, totalsConsistent: false });
    const moved = { ...record, totals: { ...record.totals, agree: record.totals.oppose, oppose: record.totals.agree } };
    expect(sdk.checkReceiptInRecord(moved, carol.receipt, parties[2].key).totalsConsistent).toBe(false);
  });

  it('a secret vote\'s receipt is recomputed from the remembered choice and area, or the motion\'s choices and the roll', () => {
    newWx();
    const record = secretRecord();
    const bob = record.ballots[2];
    const remembered = { choice: 'oppose', partyId: parties[1].partyId, areaHundredths: 9010 };
    expect(sdk.checkReceiptInRecord(record, bob.receipt, parties[1].key, remembered)).toEqual({
      found: true, receiptMatchesKey: true, counted: true, choice: 'oppose', chainIntact: true, totalsConsistent: true,
    });
    expect(sdk.checkReceiptInRecord(record, bob.receipt, parties[1].key, { ...remembered, choice: 'agree' }).receiptMatchesKey).toBe(false);
    // Nothing remembered but the key: a motion has three choices and the roll is public, so the key holder can still check.
    expect(sdk.checkReceiptInRecord(record, bob.receipt, parties[1].key, null)).toMatchObject({ receiptMatchesKey: true, choice: 'oppose' });
    // Totals that do not add up to the participation, or a participation the roll does not explain, are caught.
    const short = { ...record, totals: { ...record.totals, abstain: { area: 1, heads: 0 } } };
    expect(sdk.checkReceiptInRecord(short, bob.receipt, parties[1].key, remembered).totalsConsistent).toBe(false);
    const extra = { ...record, participants: record.participants.slice(0, 2) };
    expect(sdk.checkReceiptInRecord(extra, bob.receipt, parties[1].key, remembered).totalsConsistent).toBe(false);
  });

  it('the choice code a receipt hashes matches the server\'s: lower-case motions, sorted distinct candidates', () => {
    expect(sdk.ballotChoiceCode({ choice: 'Abstain' })).toBe('abstain');
    expect(sdk.ballotChoiceCode({ candidateIds: ['B0000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000002'] }))
      .toBe('elect:a0000000000040008000000000000001,b0000000000040008000000000000002');
    expect(sdk.ballotChoiceCode({ candidateIds: [] })).toBe('elect:');
  });
});
