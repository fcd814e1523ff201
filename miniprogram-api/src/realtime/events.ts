import type { components } from '../generated/api';

/**
 * What the hub pushes and `GET /api/v1/events` returns. `sequence` only grows; the connection delivers each
 * sequence once, in order. `payload` depends on `kind`: see {@link EventPayloads}.
 */
export interface EventEnvelope<K extends string = string> {
  sequence: number;
  eventId: string;
  kind: K;
  audience: string;
  occurredAt: string;
  payload: K extends keyof EventPayloads ? EventPayloads[K] : Record<string, unknown>;
}

type NoticeTargetKind = components['schemas']['NoticeTargetKind'];

/** A notice as announced to its audience; read the full text with `GET /api/v1/notices/{id}`. */
export interface NoticeEventPayload {
  noticeId: string;
  title: string;
  targetKind: NoticeTargetKind;
  targetId: string;
  targetName: string;
  pinned: boolean;
  emergency: boolean;
  publishAt: string | null;
  publishedAt: string | null;
  expiresAt: string | null;
  revision: number;
  withdrawalReason: string | null;
}

interface PlanCommentPayload { commentId: string; planId: string; kind?: string; moderation?: string }
interface PlanPayload { planId: string; projectId?: string; communityId?: string; [field: string]: unknown }
interface ProjectPayload { projectId: string; [field: string]: unknown }

/** The payload of each event kind the backend emits (names as in the backend's `EventOutbox.Add` calls). */
export interface EventPayloads {
  'notice.scheduled': NoticeEventPayload;
  'notice.published': NoticeEventPayload;
  'notice.updated': NoticeEventPayload;
  'notice.withdrawn': NoticeEventPayload | { noticeId: string; withdrawalReason: string | null };
  'notice.expired': NoticeEventPayload;
  'binding.requested': { bindingId: string; unitId: string; communityId: string };
  'binding.approved': { bindingId: string; unitId: string };
  'binding.rejected': { bindingId: string; unitId: string; reason: string | null };
  'binding.revoked': { bindingId: string; unitId: string };
  'vote.convened': { voteId: string; title: string; opensAt: string; closesAt: string };
  'vote.opened': { voteId: string; title: string; electorate: unknown; closesAt: string };
  'vote.closed': { voteId: string; result: components['schemas']['VoteResult'] };
  'vote.cancelled': { voteId: string };
  'proxy.requested': { proxyId: string; voteId: string };
  'proxy.approved': { proxyId: string; voteId: string; partyId: string };
  'proxy.rejected': { proxyId: string; voteId: string; reason: string | null };
  'publicity.comment_posted': PlanCommentPayload;
  'publicity.comment_held': PlanCommentPayload;
  'publicity.comment_answered': PlanCommentPayload;
  'publicity.comment_moderated': PlanCommentPayload;
  'review.assigned': { reviewId: string; planId: string; department: string };
  'plan.drafted': PlanPayload;
  'plan.edited': PlanPayload;
  'plan.revised': PlanPayload;
  'plan.submitted': PlanPayload;
  'plan.review_started': PlanPayload;
  'plan.review_decided': PlanPayload;
  'plan.publicity_scheduled': PlanPayload;
  'plan.publicity_opened': PlanPayload;
  'plan.publicity_awaiting_answers': PlanPayload;
  'plan.ready_for_vote': PlanPayload;
  'project.opened': ProjectPayload;
  'project.facility_survey_recorded': ProjectPayload;
  'project.survey_answered': { projectId: string; unitId: string; consents: boolean };
  'project.admitted': ProjectPayload;
  'project.scheduled': ProjectPayload;
  'project.progress_recorded': ProjectPayload;
  'project.completed': ProjectPayload;
}

export type EventKind = keyof EventPayloads;
