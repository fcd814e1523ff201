import type { RenovationClient } from '../client';
import { ApiError } from '../errors';
import type { Schemas } from '../types';

/** The arguments of wx.requestPayment, as the backend returns them for a created order (WeChat Pay v3 JSAPI). */
export interface PaymentParams {
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: 'RSA' | 'MD5' | 'HMAC-SHA256';
  paySign: string;
}

/**
 * The three server calls a payment needs. `paymentFlow` wires them to the backend's payments API; an app may pass
 * any flow of its own.
 */
export interface PaymentFlow<Order, Status> {
  /** Creates the order on the server; returns it with the wx.requestPayment arguments. */
  create(): Promise<Order>;
  paymentParams(order: Order): PaymentParams;
  /** Asks the server how the order stands (the server learns it from WeChat Pay's notification or its query). */
  status(order: Order): Promise<Status>;
  /** True when the status is final (paid, closed, refunded…), so waiting stops. */
  isSettled(status: Status): boolean;
}

export interface PaymentOutcome<Order, Status> {
  order: Order;
  /** The SERVER's verdict: show this, never `clientSaid`. */
  status: Status;
  /** What wx.requestPayment reported, for logging only: it can say "ok" for a payment that failed and vice versa. */
  clientSaid: 'ok' | 'cancel' | 'fail';
  /** The server's status was still not final when waiting ended. */
  timedOut: boolean;
}

/**
 * Creates the order, shows WeChat's cashier, then asks the server until its status is final. wx.requestPayment's
 * success is never trusted: the user may have paid after a "fail" (network) or the callback may lie.
 */
export async function pay<Order, Status>(flow: PaymentFlow<Order, Status>,
  options: { pollIntervalMs?: number; timeoutMs?: number } = {}): Promise<PaymentOutcome<Order, Status>> {
  const order = await flow.create();
  const params = flow.paymentParams(order);
  const clientSaid = await new Promise<'ok' | 'cancel' | 'fail'>((resolve) => {
    wx.requestPayment({
      timeStamp: params.timeStamp,
      nonceStr: params.nonceStr,
      package: params.package,
      signType: params.signType,
      paySign: params.paySign,
      success: () => resolve('ok'),
      fail: (err) => resolve(/cancel/.test(err.errMsg) ? 'cancel' : 'fail'),
    });
  });
  const interval = options.pollIntervalMs || 1500;
  // A cancelled cashier rarely settles later, so look once; otherwise wait for the notification to arrive.
  const deadline = Date.now() + (clientSaid === 'cancel' ? 0 : options.timeoutMs || 30000);
  for (;;) {
    const status = await flow.status(order);
    if (flow.isSettled(status)) return { order, status, clientSaid, timedOut: false };
    if (Date.now() >= deadline) return { order, status, clientSaid, timedOut: true };
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** A payment as the backend shows it (`GET /api/v1/payments/{id}`). */
export type PaymentView = Schemas['PaymentView'];

interface PrepayView {
  payment: PaymentView;
  requestPayment: PaymentParams & { appId: string };
}

/**
 * The flow for `pay()` over the backend's payments API: `pay(paymentFlow(api, { purpose, subjectId }))`. A share or
 * order has one open payment whoever pays: while a co-owner's order is open, `create` throws an `ApiError` 409
 * `payment_in_progress` (see `paymentInProgress`); `takeOver: true` closes that order at WeChat and pays yourself.
 */
export function paymentFlow(client: RenovationClient,
  request: { purpose: string; subjectId: string; takeOver?: boolean }): PaymentFlow<PrepayView, PaymentView> {
  return {
    create: async () => (await client.raw<PrepayView>('POST', '/api/v1/payments', { body: request })).data,
    paymentParams: (order) => order.requestPayment,
    // The server asks WeChat Pay itself while the order awaits payment: its answer is the truth.
    status: async (order) => (await client.raw<PaymentView>('GET', `/api/v1/payments/${encodeURIComponent(order.payment.id)}`)).data,
    isSettled: (status) => status.state === 'Paid' || status.state === 'Closed' || status.state === 'Failed',
  };
}

/** Who is already paying for the subject and until when (China time, with its offset), from a 409 `payment_in_progress`. */
export interface PaymentInProgress {
  payerName: string;
  payingUntil: string;
  /** Ready to show, e.g. "王阿姨正在支付，2026-12-07 10:30 前有效". */
  detail: string;
}

/** Reads a refusal of `paymentFlow(...).create()`: the co-owner's payment in progress, or null for any other error. */
export function paymentInProgress(error: unknown): PaymentInProgress | null {
  if (!(error instanceof ApiError) || error.status !== 409 || error.code !== 'payment_in_progress') return null;
  const body = (error.body || {}) as { payerName?: string; payingUntil?: string };
  return { payerName: body.payerName || '', payingUntil: body.payingUntil || '', detail: error.detail };
}

/**
 * Gives up the caller's own open payment, so a co-owner can pay or the caller can start again. The server closes the
 * order at WeChat first; if WeChat had already taken the money the payment is credited and comes back `Paid`.
 */
export async function closePayment(client: RenovationClient, paymentId: string): Promise<PaymentView> {
  return (await client.raw<PaymentView>('POST', `/api/v1/payments/${encodeURIComponent(paymentId)}/close`)).data;
}
