import { ApiError, EventsConnectionBuilder, NetworkError, RenovationClient } from '@renovation-community/miniprogram-api';
import { config } from '../config';

export const api = new RenovationClient({
  baseUrl: config.baseUrl,
  onSessionExpired: () => wx.reLaunch({ url: '/pages/signin/signin' }),
});

export const events = new EventsConnectionBuilder(api).withAutomaticReconnect([0, 2000, 5000, 10000, 30000]).build();

events.onreset(() => wx.showToast({ title: '离线较久，正在刷新', icon: 'none' }));

/** Shows what went wrong in the words the server chose. */
export function showError(error: unknown): void {
  const title = error instanceof ApiError || error instanceof NetworkError ? error.detail : '出错了，请稍后再试';
  wx.showToast({ title, icon: 'none' });
}
