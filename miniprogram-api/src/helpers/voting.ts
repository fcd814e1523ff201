import type { RenovationClient } from '../client';
import type { components } from '../generated/api';
import { sha256Hex } from './sha256';

type CastBallotRequest = components['schemas']['CastBallotRequest'];
type VoteRecord = components['schemas']['VoteRecord'];

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
 * Casts a ballot with a fresh secret key (sent as `Idempotency-Key`). The key is saved BEFORE the request, so a
 * retry after a lost answer reuses it and gets the same receipt instead of a second ballot.
 */
export async function castBallot(client: RenovationClient, voteId: string, ballot: Partial<CastBallotRequest>,
  key?: string): Promise<CastResult> {
  const ballotKey = key || await newBallotKey();
  const keys = savedBallotKeys(voteId);
  if (keys.indexOf(ballotKey) < 0) wx.setStorageSync(keysStorage(voteId), keys.concat([ballotKey]));
  const body: CastBallotRequest = {
    choice: ballot.choice === undefined ? null : ballot.choice,
    candidateIds: ballot.candidateIds || null,
    partyId: ballot.partyId || null,
    replacesKey: ballot.replacesKey || null,
  };
  const answer = await client.post('/api/v1/votes/{voteId}/ballots', {
    path: { voteId }, body, headers: { 'Idempotency-Key': ballotKey },
  });
  return { voteId, key: ballotKey, receipt: answer.receipt, replaced: answer.replaced, detail: answer.detail };
}

/** receipt = SHA-256("{vote id without dashes}|{choice}|{area in hundredths}|{key}"), as the server computes it. */
export function computeReceipt(voteId: string, choice: string, areaHundredths: number, key: string): string {
  return sha256Hex(`${voteId.replace(/-/g, '').toLowerCase()}|${choice}|${areaHundredths}|${key}`);
}

export interface RecordCheck {
  /** The record lists a ballot with this receipt. */
  found: boolean;
  /** Its receipt is what the voter's key and the listed choice and area hash to: the listed choice is the voter's. */
  receiptMatchesKey: boolean;
  /** It counted (not superseded by a later ballot of the same party). */
  counted: boolean;
  choice: string | null;
  /** Every link recomputes from the genesis to the final link: no ballot was removed, added or reordered. */
  chainIntact: boolean;
}

/** Checks one's own ballot against the published record of a closed vote (`GET /api/v1/votes/{id}/record`). */
export function checkReceiptInRecord(record: VoteRecord, receipt: string, key: string): RecordCheck {
  const ballots = record.ballots.slice().sort((a, b) => Number(a.chainIndex) - Number(b.chainIndex));
  let link = record.genesis;
  let chainIntact = true;
  for (const ballot of ballots) {
    link = sha256Hex(`${link}|${ballot.receipt}`);
    if (link !== ballot.linkHash) chainIntact = false;
  }
  if (record.finalLink !== null && record.finalLink !== (ballots.length ? link : record.genesis)) chainIntact = false;
  const mine = ballots.filter((b) => b.receipt === receipt)[0];
  if (!mine) return { found: false, receiptMatchesKey: false, counted: false, choice: null, chainIntact };
  const recomputed = computeReceipt(record.vote.id, mine.choice, Number(mine.areaHundredths), key);
  return { found: true, receiptMatchesKey: recomputed === receipt, counted: mine.counted, choice: mine.choice, chainIntact };
}
