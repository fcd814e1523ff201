import { fetchAll, Schemas } from '@renovation-community/miniprogram-api';
import { api, events, showError } from '../../lib/api';

Page({
  data: {
    planId: '',
    plan: null as Schemas['PlanView'] | null,
    comments: [] as Schemas['CommentView'][],
    text: '',
    kind: 'Comment' as Schemas['CommentKind'],
  },
  off: [] as Array<() => void>,

  async onLoad(query: Record<string, string | undefined>) {
    this.setData({ planId: query.id || '' });
    const reload = (e: { payload: { planId: string } }) => {
      if (e.payload.planId === this.data.planId) this.loadComments();
    };
    this.off = [events.on('publicity.comment_posted', reload), events.on('publicity.comment_answered', reload)];
    try {
      this.setData({ plan: await api.get('/api/v1/plans/{id}', { path: { id: this.data.planId } }) });
      await this.loadComments();
    } catch (e) {
      showError(e);
    }
  },

  onUnload() {
    this.off.forEach((off) => off());
  },

  async loadComments() {
    const comments = await fetchAll((page, pageSize) =>
      api.get('/api/v1/plans/{id}/comments', { path: { id: this.data.planId }, query: { Page: page, PageSize: pageSize } }));
    this.setData({ comments });
  },

  onText(e: WechatMiniprogram.TextareaInput) {
    this.setData({ text: e.detail.value });
  },

  onObjection(e: WechatMiniprogram.SwitchChange) {
    this.setData({ kind: e.detail.value ? 'Objection' : 'Comment' });
  },

  async post() {
    try {
      const comment = await api.post('/api/v1/plans/{id}/comments', {
        path: { id: this.data.planId }, body: { kind: this.data.kind, text: this.data.text, unitId: null },
      });
      // Held comments (content check) are visible only to their author until a street officer releases them.
      if (comment.moderation !== 'Published') wx.showToast({ title: '已提交，审核后公开', icon: 'none' });
      await this.loadComments();
    } catch (e) {
      showError(e);
    }
  },
});
