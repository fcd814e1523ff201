export { RenovationClient } from './client';
export type { ClientOptions, RawRequest, RawResponse } from './client';
export { ApiError, NetworkError } from './errors';
export type { Session, TokenPair } from './session';
export type { Schemas, paths, components, PathsWith, ResponseOf } from './types';
export * from './realtime';
export { closePayment, pay, paymentFlow, paymentInProgress } from './helpers/payments';
export type { PaymentFlow, PaymentInProgress, PaymentOutcome, PaymentParams, PaymentView } from './helpers/payments';
export { requestSubscribeConsent } from './helpers/subscribe';
export { confirmConsoleSignIn, consoleTicketFromLaunch } from './helpers/console';
export { uploadFile } from './helpers/uploads';
export type { UploadOptions } from './helpers/uploads';
export { Pager, fetchAll } from './helpers/pagination';
export type { Page, FetchPage } from './helpers/pagination';
export {
  ballotChoiceCode, castBallot, checkReceiptInRecord, computeReceipt, newBallotKey, rememberedBallot, savedBallotKeys,
} from './helpers/voting';
export type { CastResult, RecordCheck, RememberedBallot } from './helpers/voting';
export { sha256Hex } from './helpers/sha256';
