import { ApiError, Schemas } from '@renovation-community/miniprogram-api';
import { config } from '../../config';
import { api, events, showError } from '../../lib/api';

interface UnitOption { id: string; label: string }

Page({
  data: {
    signedIn: api.isSignedIn(),
    communityName: '',
    communityId: '',
    units: [] as UnitOption[],
    unitId: '',
    unitLabel: '',
    form: { name: '', idLast4: '', certificateNumber: '' },
    fieldErrors: {} as Record<string, string>,
    bindings: [] as Schemas['BindingView'][],
    devUser: config.devUser,
    /** Where the signed-in resident can go: their community's plan in publicity and open vote, if any. */
    home: { communityId: '', planId: '', voteId: '' },
  },

  offApproved: undefined as undefined | (() => void),

  onLoad() {
    // The connection rejoins the community's groups by itself after an approval; the page just refreshes.
    this.offApproved = events.on('binding.approved', () => this.loadBindings());
    if (this.data.signedIn) this.loadHome();
  },

  onUnload() {
    if (this.offApproved) this.offApproved();
  },

  /** Inside WeChat: wx.login, exchanged by the backend (the quick-start's simulator accepts any code). */
  async signIn() {
    await this.signedIn(() => api.signIn());
  },

  /** In DevTools against the quick-start: a demo user, no WeChat account needed (Development backends only). */
  async devSignIn() {
    await this.signedIn(() => api.devSignIn(config.devUser));
  },

  async signedIn(signIn: () => Promise<unknown>) {
    try {
      await signIn();
      this.setData({ signedIn: true });
      await events.start();
      await this.loadHome();
    } catch (e) {
      showError(e);
    }
  },

  async loadHome() {
    try {
      await this.loadBindings();
      const me = await api.get('/api/v1/me');
      if (me.units.length === 0) return;
      const communityId = me.units[0].communityId;
      const projects = await api.get('/api/v1/projects', { query: { communityId } });
      const project = projects.items.length > 0
        ? await api.get('/api/v1/projects/{id}', { path: { id: projects.items[0].id } })
        : null;
      const votes = await api.get('/api/v1/communities/{communityId}/votes', { path: { communityId } });
      const open = votes.items.find((v) => v.state === 'Open');
      this.setData({ home: { communityId, planId: (project && project.currentPlanId) || '', voteId: open ? open.id : '' } });
    } catch (e) {
      showError(e);
    }
  },

  onCommunityName(e: WechatMiniprogram.Input) {
    this.setData({ communityName: e.detail.value });
  },

  onField(e: WechatMiniprogram.Input) {
    const field = e.currentTarget.dataset.field as 'name' | 'idLast4' | 'certificateNumber';
    this.setData({ form: { ...this.data.form, [field]: e.detail.value } });
  },

  async search() {
    try {
      const page = await api.get('/api/v1/communities/directory', { query: { name: this.data.communityName } });
      if (page.items.length === 0) return wx.showToast({ title: '没有找到该小区', icon: 'none' });
      const community = page.items[0];
      const units = await api.get('/api/v1/communities/{id}/unit-directory', { path: { id: community.id } });
      this.setData({ communityId: community.id, units: units.map((u) => ({ id: u.id, label: `${u.building} ${u.number}` })) });
    } catch (e) {
      showError(e);
    }
  },

  onUnit(e: WechatMiniprogram.PickerChange) {
    const unit = this.data.units[Number(e.detail.value)];
    this.setData({ unitId: unit.id, unitLabel: unit.label });
  },

  async requestBinding() {
    try {
      await api.post('/api/v1/bindings', { body: { unitId: this.data.unitId, ...this.data.form } });
      this.setData({ fieldErrors: {} });
      wx.showToast({ title: '已提交，等待业委会审核' });
      await this.loadBindings();
    } catch (e) {
      // Field errors go under their inputs; everything else is a toast.
      if (e instanceof ApiError && e.code === 'validation_failed') {
        const fieldErrors: Record<string, string> = {};
        for (const field of Object.keys(e.errors)) fieldErrors[field] = e.errors[field][0];
        this.setData({ fieldErrors });
      } else showError(e);
    }
  },

  async loadBindings() {
    this.setData({ bindings: await api.get('/api/v1/bindings/mine') });
  },
});
