import type { RenovationClient } from '../client';
import type { components } from '../generated/api';

type SignInTicketConfirmed = components['schemas']['SignInTicketConfirmed'];

/**
 * The console sign-in ticket a scanned mini-program code carries. WeChat opens the code's page with the ticket in
 * `options.scene`, URL-encoded; a page opened any other way has none (null).
 */
export function consoleTicketFromLaunch(options: { scene?: string } | undefined): string | null {
  const scene = options && options.scene;
  if (!scene) return null;
  const ticket = decodeURIComponent(scene);
  return /^[0-9a-fA-F]{32}$/.test(ticket) ? ticket : null;
}

/**
 * Signs the operators' console that shows the code in as the signed-in user (`POST
 * /api/v1/console/sign-in-tickets/{ticketId}/confirm`). Ask the user first: the console gets their roles. Rejects with
 * an `ApiError` whose `code` is `ticket_used` (someone confirmed it already), `ticket_expired` (older than two
 * minutes: refresh the console) or `ticket_not_found`.
 */
export function confirmConsoleSignIn(client: RenovationClient, ticket: string): Promise<SignInTicketConfirmed> {
  return client.post('/api/v1/console/sign-in-tickets/{ticketId}/confirm', { path: { ticketId: ticket } });
}
