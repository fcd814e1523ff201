import { EventEnvelope, Pager, requestSubscribeConsent, Schemas } from '@renovation-community/miniprogram-api';
import { api, events, showError } from '../../lib/api';

type Notice = Schemas['NoticeView'];

const pager = new Pager<Notice>((page, pageSize) => api.get('/api/v1/notices', { query: { Page: page, PageSize: pageSize } }));

Page({
  data: { notices: [] as Notice[], hasMore: true },
  off: [] as Array<() => void>,

  onLoad() {
    // Live: a new or changed notice is fetched and put on top; the connection replays what was missed offline.
    const refreshOne = (e: EventEnvelope<'notice.published'> | EventEnvelope<'notice.updated'>) => this.upsert(e.payload.noticeId);
    this.off = [
      events.on('notice.published', refreshOne),
      events.on('notice.updated', refreshOne),
      events.on('notice.withdrawn', (e) => this.remove(e.payload.noticeId)),
    ];
    this.loadMore();
  },

  onUnload() {
    this.off.forEach((off) => off());
  },

  async onPullDownRefresh() {
    pager.reset();
    await this.loadMore();
    wx.stopPullDownRefresh();
  },

  onReachBottom() {
    this.loadMore();
  },

  async loadMore() {
    try {
      await pager.next();
      this.setData({ notices: pager.items, hasMore: pager.hasMore });
    } catch (e) {
      showError(e);
    }
  },

  async upsert(noticeId: string) {
    const notice = await api.get('/api/v1/notices/{id}', { path: { id: noticeId } });
    this.setData({ notices: [notice].concat(this.data.notices.filter((n) => n.id !== noticeId)) });
  },

  remove(noticeId: string) {
    this.setData({ notices: this.data.notices.filter((n) => n.id !== noticeId) });
  },

  /** Bound to a "通知我" button: WeChat only shows the consent dialog after a tap. */
  async subscribe() {
    try {
      await requestSubscribeConsent(api, ['notice.published']);
    } catch (e) {
      showError(e);
    }
  },
});
