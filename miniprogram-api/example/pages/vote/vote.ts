import { castBallot, checkReceiptInRecord, RecordCheck, savedBallotKeys, Schemas } from '@renovation-community/miniprogram-api';
import { api, events, showError } from '../../lib/api';

Page({
  data: {
    voteId: '',
    vote: null as Schemas['VoteView'] | null,
    receipt: '',
    check: null as RecordCheck | null,
  },
  off: [] as Array<() => void>,

  async onLoad(query: Record<string, string | undefined>) {
    this.setData({ voteId: query.id || '' });
    // When the vote closes, check this device's ballot against the published record at once.
    this.off = [events.on('vote.closed', (e) => { if (e.payload.voteId === this.data.voteId) this.verify(); })];
    try {
      this.setData({ vote: await api.get('/api/v1/votes/{voteId}', { path: { voteId: this.data.voteId } }) });
    } catch (e) {
      showError(e);
    }
  },

  onUnload() {
    this.off.forEach((off) => off());
  },

  async cast(e: WechatMiniprogram.BaseEvent) {
    const choice = e.currentTarget.dataset.choice as Schemas['Choice'];
    try {
      const result = await castBallot(api, this.data.voteId, { choice });
      wx.setStorageSync(`receipt:${this.data.voteId}`, { receipt: result.receipt, key: result.key });
      this.setData({ receipt: result.receipt });
    } catch (err) {
      showError(err);
    }
  },

  /**
   * Recomputes the receipt from the key, choice and area only this device remembers (a secret vote's record lists no
   * choice or area), and checks the published hash chain and totals.
   */
  async verify() {
    const saved = wx.getStorageSync(`receipt:${this.data.voteId}`) as { receipt: string; key: string } | '';
    if (!saved || savedBallotKeys(this.data.voteId).indexOf(saved.key) < 0) return;
    try {
      const record = await api.get('/api/v1/votes/{voteId}/record', { path: { voteId: this.data.voteId } });
      this.setData({ check: checkReceiptInRecord(record, saved.receipt, saved.key) });
    } catch (err) {
      showError(err);
    }
  },
});
