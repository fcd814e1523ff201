import type { RenovationClient } from '../client';
import type { components } from '../generated/api';
import { sha256Hex } from './sha256';

type CastBallotRequest = components['schemas']['CastBallotRequest'];
type VoteRecord = components['schemas']['VoteRecord'];
type Totals = components['schemas']['Totals'];
type MyVotingParty = components['schemas']['MyVotingParty'];

export interface CastResult {
  voteId: string;
  /** The secret ballot key; kept in wx storage (see {@link savedBallotKeys}) so the voter can verify later. */
  key: string;
  receipt: string;
  replaced: boolean;
  detail: string;
}

/** A random ballot key (48 hex characters) from the mini-program's secure random source. */
export function newBallotKey(): Promise<string> {
  return new Promise((resolve, reject) => {
    wx.getUserCryptoManager().getRandomValues({
      length: 24,
      success: (res) => {
        const bytes = new Uint8Array(res.randomValues);
        let hex = '';
        for (let i = 0; i < bytes.length; i++) hex += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
        resolve(hex);
      },
      fail: (err) => reject(new Error(err.errMsg)),
    });
  });
}

const keysStorage = (voteId: string) => `rc.ballot-keys:${voteId}`;

/** The ballot keys this device used for a vote, newest last. */
export function savedBallotKeys(voteId: string): string[] {
  const stored = wx.getStorageSync(keysStorage(voteId));
  return Array.isArray(stored) ? (stored as string[]) : [];
}

/**
 * What this device remembers of a ballot it cast, by its key: a secret vote's record lists no choice or area, so the
 * voter's own check recomputes the receipt from these.
 */
export interface RememberedBallot {
  /** The canonical choice the receipt hashes: `agree`, `oppose`, `abstain` or `elect:` and the sorted candidate ids. */
  choice: string;
  /** The party voted for, when known (the one sent, or the one the server picked, learnt from `my-status`). */
  partyId: string | null;
  /** That party's area on the vote's frozen roll, in hundredths of a m², when known. */
  areaHundredths: number | null;
}

const rememberedStorage = (voteId: string) => `rc.ballot-choices:${voteId}`;

function rememberedBallots(voteId: string): Record<string, RememberedBallot> {
  const stored = wx.getStorageSync(rememberedStorage(voteId));
  return stored && typeof stored === 'object' ? (stored as Record<string, RememberedBallot>) : {};
}

/** What this device remembers of the ballot it cast with this key, or null. */
export function rememberedBallot(voteId: string, key: string): RememberedBallot | null {
  return rememberedBallots(voteId)[key] || null;
}

function remember(voteId: string, key: string, ballot: RememberedBallot): void {
  const all = rememberedBallots(voteId);
  all[key] = ballot;
  wx.setStorageSync(rememberedStorage(voteId), all);
}

const compactId = (id: string) => id.replace(/-/g, '').toLowerCase();

/**
 * The canonical text a receipt hashes for a ballot, as the server writes it (`BallotChoice.Code`): a motion's choice
 * in lower case; an election's distinct candidate ids without dashes, sorted (.NET orders Guids the way their
 * fixed-width hex text sorts), after `elect:`.
 */
export function ballotChoiceCode(ballot: Partial<Pick<CastBallotRequest, 'choice' | 'candidateIds'>>): string {
  if (ballot.choice !== undefined && ballot.choice !== null) return String(ballot.choice).toLowerCase();
  const ids = (ballot.candidateIds || []).map(compactId).sort();
  return 'elect:' + ids.filter((id, i) => i === 0 || id !== ids[i - 1]).join(',');
}

/** The party the server casts for: the one named, else one's only own party, else one's only proxied party. */
function partyCastFor(parties: MyVotingParty[], partyId: string | null): MyVotingParty | undefined {
  if (partyId) return parties.filter((p) => compactId(p.partyId) === compactId(partyId))[0];
  const own = parties.filter((p) => !p.asProxy);
  const proxied = parties.filter((p) => p.asProxy);
  return own.length === 1 ? own[0] : own.length === 0 && proxied.length === 1 ? proxied[0] : undefined;
}

/**
 * Casts a ballot with a fresh secret key (sent as `Idempotency-Key`). The key and the choice are saved BEFORE the
 * request, so a retry after a lost answer reuses the key and gets the same receipt instead of a second ballot. After
 * the cast it asks `my-status` for the party's area on the roll (the receipt hashes it) and remembers that too; if
 * that fails, the check later finds the area on the published roll.
 */
export async function castBallot(client: RenovationClient, voteId: string, ballot: Partial<CastBallotRequest>,
  key?: string): Promise<CastResult> {
  const ballotKey = key || await newBallotKey();
  const keys = savedBallotKeys(voteId);
  if (keys.indexOf(ballotKey) < 0) wx.setStorageSync(keysStorage(voteId), keys.concat([ballotKey]));
  const partyId = ballot.partyId || null;
  const known = rememberedBallot(voteId, ballotKey);
  const remembered: RememberedBallot = {
    choice: ballotChoiceCode(ballot), partyId,
    areaHundredths: known && known.partyId === partyId ? known.areaHundredths : null,
  };
  remember(voteId, ballotKey, remembered);
  const body: CastBallotRequest = {
    choice: ballot.choice === undefined ? null : ballot.choice,
    candidateIds: ballot.candidateIds || null,
    partyId,
    replacesKey: ballot.replacesKey || null,
  };
  const answer = await client.post('/api/v1/votes/{voteId}/ballots', {
    path: { voteId }, body, headers: { 'Idempotency-Key': ballotKey },
  });
  if (remembered.areaHundredths === null) {
    try {
      const party = partyCastFor(await client.get('/api/v1/votes/{voteId}/my-status', { path: { voteId } }), partyId);
      if (party) remember(voteId, ballotKey, { ...remembered, partyId: party.partyId, areaHundredths: Number(party.areaHundredths) });
    } catch {
      // Best effort: the ballot is cast; the area is on the published roll as well.
    }
  }
  return { voteId, key: ballotKey, receipt: answer.receipt, replaced: answer.replaced, detail: answer.detail };
}

/** receipt = SHA-256("{vote id without dashes}|{choice}|{area in hundredths}|{key}"), as the server computes it. */
export function computeReceipt(voteId: string, choice: string, areaHundredths: number, key: string): string {
  return sha256Hex(`${compactId(voteId)}|${choice}|${areaHundredths}|${key}`);
}

export interface RecordCheck {
  /** The record lists a ballot with this receipt. */
  found: boolean;
  /**
   * Its receipt is what the voter's key, choice and area hash to: the ballot was stored with the voter's choice. In
   * an open vote the choice and area are the ones the record lists; in a secret vote (which lists neither) the ones
   * this device remembered when casting.
   */
  receiptMatchesKey: boolean;
  /** It counted (not superseded by a later ballot of the same party). */
  counted: boolean;
  /** The choice the receipt was recomputed with (listed in an open vote, remembered in a secret one), or null. */
  choice: string | null;
  /** Every link recomputes from the genesis to the final link: no ballot was removed, added or reordered. */
  chainIntact: boolean;
  /**
   * The published totals agree with the ballots. Open vote: they equal a recount of the counted ballots by choice.
   * Secret vote: the counted ballots number the participating heads, the participants' areas on the roll sum to the
   * participating area, and the choices add up to the participation (an election: no candidate above it).
   */
  totalsConsistent: boolean;
}

/**
 * Checks one's own ballot against the published record of a closed vote (`GET /api/v1/votes/{id}/record`), open or
 * secret. For a secret vote the choice and area come from `remembered`, by default what {@link castBallot} stored for
 * this key; without them a motion's three choices and the roll's areas are tried (only the key holder can do this).
 */
export function checkReceiptInRecord(record: VoteRecord, receipt: string, key: string,
  remembered?: RememberedBallot | null): RecordCheck {
  const ballots = record.ballots.slice().sort((a, b) => Number(a.chainIndex) - Number(b.chainIndex));
  let link = record.genesis;
  let chainIntact = true;
  for (const ballot of ballots) {
    link = sha256Hex(`${link}|${ballot.receipt}`);
    if (link !== ballot.linkHash) chainIntact = false;
  }
  if (record.finalLink !== null && record.finalLink !== (ballots.length ? link : record.genesis)) chainIntact = false;
  const totalsConsistent = isSecret(record) ? secretTotalsConsistent(record) : openTotalsConsistent(record);
  const mine = ballots.filter((b) => b.receipt === receipt)[0];
  if (!mine) return { found: false, receiptMatchesKey: false, counted: false, choice: null, chainIntact, totalsConsistent };
  const listed = mine.choice != null && mine.areaHundredths != null;
  const mem = listed ? null : remembered !== undefined ? remembered : rememberedBallot(record.vote.id, key);
  const choices = mine.choice != null ? [mine.choice]
    : mem ? [mem.choice] : record.vote.kind === 'Motion' ? ['agree', 'oppose', 'abstain'] : [];
  const areas = mine.areaHundredths != null ? [Number(mine.areaHundredths)] : candidateAreas(record, mem);
  let matched: string | null = null;
  for (const choice of choices)
    for (const area of areas)
      if (matched === null && computeReceipt(record.vote.id, choice, area, key) === receipt) matched = choice;
  return {
    found: true, receiptMatchesKey: matched !== null, counted: mine.counted,
    choice: matched !== null ? matched : mine.choice != null ? mine.choice : null, chainIntact, totalsConsistent,
  };
}

/** A secret vote's record lists no choice per ballot. */
const isSecret = (record: VoteRecord) => record.vote.secrecy === 'Secret';

/** The remembered area first, then the remembered party's area on the roll, then every area on the (public) roll. */
function candidateAreas(record: VoteRecord, mem: RememberedBallot | null): number[] {
  const areas: number[] = [];
  const add = (area: number) => { if (areas.indexOf(area) < 0) areas.push(area); };
  if (mem && mem.areaHundredths !== null) add(mem.areaHundredths);
  const party = mem && mem.partyId ? compactId(mem.partyId) : null;
  record.electorate.filter((r) => compactId(r.partyId) === party).forEach((r) => add(Number(r.areaHundredths)));
  record.electorate.forEach((r) => add(Number(r.areaHundredths)));
  return areas;
}

const same = (a: Totals | undefined, area: number, heads: number) =>
  a !== undefined && Number(a.area) === area && Number(a.heads) === heads;

function openTotalsConsistent(record: VoteRecord): boolean {
  const sums: Record<string, { area: number; heads: number }> = {};
  const add = (name: string, area: number) => {
    const s = sums[name] || (sums[name] = { area: 0, heads: 0 });
    s.area += area; s.heads += 1;
  };
  for (const b of record.ballots) {
    if (!b.counted) continue;
    const area = Number(b.areaHundredths);
    add('participating', area);
    const code = b.choice || '';
    if (code.indexOf('elect:') === 0) code.slice(6).split(',').filter((id) => id).forEach((id) => add('c:' + id, area));
    else add(code, area);
  }
  const zero = { area: 0, heads: 0 };
  const t = record.totals;
  const motions: Array<[string, Totals]> = [['participating', t.participating], ['agree', t.agree], ['oppose', t.oppose], ['abstain', t.abstain]];
  if (!motions.every(([name, total]) => same(total, (sums[name] || zero).area, (sums[name] || zero).heads))) return false;
  const published: Record<string, Totals> = {};
  Object.keys(t.candidateAgree).forEach((id) => { published['c:' + compactId(id)] = t.candidateAgree[id]; });
  const recounted = Object.keys(sums).filter((name) => name.indexOf('c:') === 0);
  return recounted.every((name) => same(published[name], sums[name].area, sums[name].heads))
    && Object.keys(published).every((name) => same(published[name], (sums[name] || zero).area, (sums[name] || zero).heads));
}

function secretTotalsConsistent(record: VoteRecord): boolean {
  const t = record.totals;
  const participating = { area: Number(t.participating.area), heads: Number(t.participating.heads) };
  const countedBallots = record.ballots.filter((b) => b.counted).length;
  const areaOf: Record<string, number> = {};
  record.electorate.forEach((r) => { areaOf[compactId(r.partyId)] = Number(r.areaHundredths); });
  let turnoutArea = 0;
  for (const p of record.participants) turnoutArea += areaOf[compactId(p.partyId)] || 0;
  if (countedBallots !== participating.heads || record.participants.length !== participating.heads
    || turnoutArea !== participating.area) return false;
  if (record.vote.kind === 'Motion') {
    const parts = [t.agree, t.oppose, t.abstain];
    return parts.reduce((s, x) => s + Number(x.area), 0) === participating.area
      && parts.reduce((s, x) => s + Number(x.heads), 0) === participating.heads;
  }
  return Object.keys(t.candidateAgree).every((id) =>
    Number(t.candidateAgree[id].area) <= participating.area && Number(t.candidateAgree[id].heads) <= participating.heads);
}
