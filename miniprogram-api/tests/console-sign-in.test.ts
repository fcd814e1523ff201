import { describe, expect, it } from 'vitest';
import { backendUrl, newWx, sdk } from './setup';

/** The operators' console signs in by the mini-program: the browser's half is plain HTTP, the phone's half the SDK. */
describe('console sign-in confirmed through the SDK', () => {
  newWx();

  async function newTicket(): Promise<{ ticketId: string; scene: string; secret: string }> {
    const answer = await fetch(`${backendUrl()}/api/v1/console/sign-in-tickets`, { method: 'POST' });
    expect(answer.status).toBe(201);
    return answer.json();
  }

  it('confirms the scanned ticket; the browser with the secret gets a session of that user, once', async () => {
    const ticket = await newTicket();
    const code = await fetch(`${backendUrl()}/api/v1/console/sign-in-tickets/${ticket.ticketId}/code`);
    expect(code.headers.get('content-type')).toBe('image/png');

    const phone = new sdk.RenovationClient({ baseUrl: backendUrl(), storageKey: 'console-phone' });
    const me = await phone.devSignIn('street-officer');
    // WeChat opens the page with the scene URL-encoded.
    const scanned = sdk.consoleTicketFromLaunch({ scene: encodeURIComponent(ticket.scene) });
    expect(scanned).toBe(ticket.scene);
    const confirmed = await sdk.confirmConsoleSignIn(phone, scanned!);
    expect(confirmed.ticketId).toBe(ticket.ticketId);

    const redeem = () => fetch(`${backendUrl()}/api/v1/console/sign-in-tickets/${ticket.ticketId}/redeem`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ secret: ticket.secret }),
    });
    const session = await redeem();
    expect(session.status).toBe(200);
    expect((await session.json()).userId).toBe(me.userId);
    expect((await (await redeem()).json()).code).toBe('ticket_used');
  });

  it('a second confirmation is refused with ticket_used', async () => {
    const ticket = await newTicket();
    const first = new sdk.RenovationClient({ baseUrl: backendUrl(), storageKey: 'console-first' });
    const second = new sdk.RenovationClient({ baseUrl: backendUrl(), storageKey: 'console-second' });
    await first.devSignIn('chair-a');
    await second.devSignIn('committee-a');
    await sdk.confirmConsoleSignIn(first, ticket.scene);
    const refusal = await sdk.confirmConsoleSignIn(second, ticket.scene).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(sdk.ApiError);
    expect((refusal as InstanceType<typeof sdk.ApiError>).code).toBe('ticket_used');
    expect(sdk.consoleTicketFromLaunch({})).toBeNull();
  });
});
