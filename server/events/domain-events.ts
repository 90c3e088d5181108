import { z } from "zod";

/**
 * Domain events other parts of the system react to, possibly on another process. Each is
 * validated when it arrives over Redis, like any other input.
 */
export const domainEventSchema = z.discriminatedUnion("type", [
  z.object({
    /** A member's role changed or they left/were removed; live connections re-check access. */
    type: z.literal("membership.changed"),
    workspaceId: z.uuid(),
    userId: z.uuid(),
  }),
  z.object({
    /** An API token was revoked; connections authenticated with it end at once. */
    type: z.literal("api_token.revoked"),
    tokenId: z.uuid(),
  }),
  z.object({
    /** An assessment was archived, unarchived or changed status; open documents re-check writability. */
    type: z.literal("assessment.changed"),
    assessmentId: z.uuid(),
  }),
  z.object({
    /** A judgement of the assessment was approved or had changes requested; review views refresh. */
    type: z.literal("review.changed"),
    assessmentId: z.uuid(),
  }),
  z.object({
    /** A source, site or observation was created, changed, retracted or imported; library views refresh. */
    type: z.literal("evidence.changed"),
    workspaceId: z.uuid(),
    kind: z.enum(["source", "site", "observation", "library"]),
    /** The record, or absent for an import that changed many. */
    recordId: z.uuid().optional(),
  }),
  z.object({
    /** An assessment's judgements changed (text, likelihood, confidence, citations, added or removed); review views refresh. */
    type: z.literal("judgements.changed"),
    assessmentId: z.uuid(),
  }),
  z.object({
    /** A user's notifications changed (new ones, or read elsewhere); their open pages refresh the count. */
    type: z.literal("notifications.changed"),
    userIds: z.array(z.uuid()).min(1).max(1000),
  }),
  z.object({
    /** An update was appended to an assessment's log outside the collaboration server (a version restored); open documents read it. */
    type: z.literal("document.restored"),
    assessmentId: z.uuid(),
  }),
  z.object({
    /** A judgement's forecast was set, changed, removed or resolved; open documents refresh their forecasts. */
    type: z.literal("forecasts.changed"),
    assessmentId: z.uuid(),
  }),
  z.object({
    /** A version was named, restored or frozen after a burst of editing, or exported; history and audit views refresh. */
    type: z.literal("history.changed"),
    assessmentId: z.uuid(),
  }),
  z.object({
    /** A comment thread was started, replied to, edited, resolved or reopened; open documents refresh it. */
    type: z.literal("comments.changed"),
    assessmentId: z.uuid(),
    threadId: z.uuid(),
  }),
]);

export type DomainEvent = z.infer<typeof domainEventSchema>;
export type DomainEventType = DomainEvent["type"];
export type DomainEventOf<T extends DomainEventType> = Extract<DomainEvent, { type: T }>;
export type DomainEventHandler<T extends DomainEventType> = (event: DomainEventOf<T>) => void | Promise<void>;
