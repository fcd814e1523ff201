import type { RenovationClient } from '../client';
import type { components } from '../generated/api';

type ConsentView = components['schemas']['ConsentView'];
type ConsentResult = components['schemas']['ConsentResult'];

const results: { [answer: string]: ConsentResult } = { accept: 'Accept', reject: 'Reject', ban: 'Ban' };

/**
 * Asks the user to allow subscribe messages for some event kinds (call it from a tap: WeChat requires a user
 * gesture) and records each answer with `POST /api/v1/subscriptions`, where one "accept" allows one message.
 * Returns the consents as the server now counts them. WeChat shows at most 3 templates at a time.
 */
export async function requestSubscribeConsent(client: RenovationClient, eventKinds: string[]): Promise<ConsentView[]> {
  const templates = await client.get('/api/v1/subscriptions/templates');
  const ids = templates.filter((t) => eventKinds.indexOf(t.eventKind) >= 0).map((t) => t.templateId)
    .filter((id, i, all) => all.indexOf(id) === i).slice(0, 3);
  if (ids.length === 0) return [];
  const answers = await new Promise<Record<string, string>>((resolve, reject) => {
    wx.requestSubscribeMessage({
      tmplIds: ids,
      success: (res) => resolve(res as unknown as Record<string, string>),
      fail: (err) => reject(new Error(err.errMsg)),
    });
  });
  const recorded: ConsentView[] = [];
  for (const templateId of ids) {
    const result = results[answers[templateId]];
    if (!result) continue; // "filter": hidden by WeChat's background rules, nothing to record
    recorded.push(await client.post('/api/v1/subscriptions', { body: { templateId, result } }));
  }
  return recorded;
}
