import { pay, paymentFlow, paymentInProgress } from '@renovation-community/miniprogram-api';
import { api, showError } from '../../lib/api';

/**
 * A 1-fen payment of the quick-start's `dev-try-out` purpose. Inside WeChat, wx.requestPayment shows the cashier;
 * against the quick-start there is no real cashier, so the page shows the order number and waits while you press
 * 确认支付 on the WeChat simulator's pay page (its address is in the API's start log). Either way the page shows what
 * the SERVER says, never what wx.requestPayment said.
 */
Page({
  data: { communityId: '', outTradeNo: '', state: '', waiting: false },

  onLoad(query: Record<string, string | undefined>) {
    this.setData({ communityId: query.communityId || '' });
  },

  async pay() {
    const flow = paymentFlow(api, { purpose: 'dev-try-out', subjectId: this.data.communityId });
    // The order number is shown as soon as the order exists, so it can be found on the simulator's page.
    const shown = {
      ...flow,
      create: async () => {
        const order = await flow.create();
        this.setData({ outTradeNo: order.payment.outTradeNo, state: order.payment.state });
        return order;
      },
    };
    this.setData({ waiting: true, outTradeNo: '', state: '' });
    try {
      const outcome = await pay(shown, { pollIntervalMs: 2000, timeoutMs: 5 * 60 * 1000 });
      this.setData({ state: outcome.status.state });
      wx.showToast({ title: outcome.status.state === 'Paid' ? '支付成功' : '尚未支付', icon: 'none' });
    } catch (e) {
      const inProgress = paymentInProgress(e);
      if (inProgress) wx.showToast({ title: inProgress.detail, icon: 'none' });
      else showError(e);
    } finally {
      this.setData({ waiting: false });
    }
  },
});
