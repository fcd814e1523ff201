import { inject } from 'vitest';
import { WxShim } from './wx-shim';
// The SDK exactly as the mini-program gets it: the compiled ES2017 output.
import * as sdk from '../miniprogram_dist/index.js';

export { sdk };

/** The backend's address; throws (failing the test) when the test script could not start it. */
export function backendUrl(): string {
  const error = inject('backendError');
  if (error) throw new Error(`the backend did not start: ${error}`);
  return inject('backendUrl');
}

/** The WeChat simulator the backend embeds (its pay page and the WeChat app's side of a payment). */
export function simulatorUrl(): string {
  const url = inject('simulatorUrl');
  if (!url) throw new Error('the backend did not log its WeChat simulator address');
  return url;
}

export function newWx(): WxShim {
  const wx = new WxShim();
  wx.install();
  return wx;
}

let unique = 0;
/** A WeChat user the simulator has never seen (its openid comes from the part before ':'). */
export function newWeChatName(prefix = 'resident'): string {
  return `${prefix}-${Date.now().toString(36)}-${++unique}`;
}

export async function waitFor<T>(what: string, check: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  timeoutMs = 20000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
