import type { RenovationClient } from '../client';

/** The arguments of wx.requestPayment, as the backend returns them for a created order (WeChat Pay v3 JSAPI). */
export interface PaymentParams {
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: 'RSA' | 'MD5' | 'HMAC-SHA256';
  paySign: string;
}

/**
 * The three server calls a payment needs. The SDK does not fix the endpoints: the payments API is being built on
 * another branch, so the app wires them (e.g. `create: () => client.post('/api/v1/…/orders', …)`).
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

/**
 * The backend's payments API as built on the `payments` branch (POST /api/v1/payments, GET /api/v1/payments/{id}).
 * Hand-written because that branch is not merged here yet; after the merge, `npm run generate` adds the generated
 * `Schemas['PaymentView']`, which these types mirror.
 */
export interface PaymentView {
  id: string;
  outTradeNo: string;
  purpose: string;
  subjectId: string;
  amountFen: number;
  state: 'Created' | 'AwaitingPayment' | 'Paid' | 'Closed' | 'Failed';
  acceptance: 'Pending' | 'Accepted' | 'Rejected';
  rejectionReason: string | null;
  expiresAt: string;
  paidAt: string | null;
  [field: string]: unknown;
}

interface PrepayView {
  payment: PaymentView;
  requestPayment: PaymentParams & { appId: string };
}

/** The flow for `pay()` over the backend's payments API: `pay(paymentFlow(api, { purpose, subjectId }))`. */
export function paymentFlow(client: RenovationClient, request: { purpose: string; subjectId: string }): PaymentFlow<PrepayView, PaymentView> {
  return {
    create: async () => (await client.raw<PrepayView>('POST', '/api/v1/payments', { body: request })).data,
    paymentParams: (order) => order.requestPayment,
    // The server asks WeChat Pay itself while the order awaits payment: its answer is the truth.
    status: async (order) => (await client.raw<PaymentView>('GET', `/api/v1/payments/${encodeURIComponent(order.payment.id)}`)).data,
    isSettled: (status) => status.state === 'Paid' || status.state === 'Closed' || status.state === 'Failed',
  };
}
