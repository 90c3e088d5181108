import { createTestDocument } from "../../collab/testing/start-collab-test-server";
import { unique } from "./matrix-fixtures";
import type { CellContext, CellRequest, RestCase } from "./rest-case";

const W = "/api/v1/workspaces/{workspaceId}";
const A = "/api/v1/assessments/{assessmentId}";
const T = `${A}/comment-threads/{threadId}`;

/** Reads of the shared draft assessment (text with the key judgement `jdg_key`, threads, a comment). */
const onDraft = (suffix = ""): [string, RestCase] => [
  `GET ${A}${suffix}`,
  ({ world }) => ({ params: { assessmentId: world.shared.assessmentId } }),
];

/** The published assessment and its version 1. */
const onPublished = (method: string, suffix: string): [string, RestCase] => [
  `${method} ${A}/versions${suffix}`,
  ({ world }) => ({ params: { assessmentId: world.shared.publishedId, number: "1" } }),
];

/**
 * A lifecycle step: refused callers try it on the shared assessment already in the step's
 * starting status (so it would succeed if they were let through), allowed ones on a fresh one.
 */
const step =
  (stage: "draft" | "in_review" | "approved" | "published", body: (cell: CellContext) => unknown, extra = {}) =>
  async (cell: CellContext): Promise<CellRequest> => {
    const { shared, fresh } = cell.world;
    const existing = {
      draft: shared.assessmentId,
      in_review: shared.inReviewId,
      approved: shared.approvedId,
      published: shared.publishedId,
    };
    const assessmentId = cell.allowed ? await fresh.assessment(stage) : existing[stage];
    return { params: { assessmentId, ...extra }, body: body(cell) };
  };

/**
 * Resolving or reopening a thread of `author`: refused callers try the shared one in the state
 * the step starts from, allowed ones a fresh one.
 */
const threadStep =
  (options: { author: "analyst" | "reviewer"; resolved: boolean }): RestCase =>
  async ({ world, allowed }) => {
    const { shared, fresh, team } = world;
    const existing =
      options.author === "analyst"
        ? options.resolved
          ? shared.resolvedThread
          : shared.thread
        : options.resolved
          ? shared.reviewerResolvedThread
          : shared.reviewerThread;
    const thread = allowed
      ? await fresh.thread(shared.assessmentId, { author: team[options.author], resolved: options.resolved })
      : existing;
    return { params: { assessmentId: shared.assessmentId, threadId: thread.id } };
  };

/** How to call the assessment, comment, review and lifecycle rows of the matrix. */
export const ASSESSMENT_CASES: Record<string, RestCase> = {
  [`GET ${W}/assessments`]: ({ world }) => ({ params: { workspaceId: world.team.workspaceId } }),
  [`POST ${W}/assessments`]: ({ world }) => ({
    params: { workspaceId: world.team.workspaceId },
    body: { title: `Rail logistics ${unique()}`, tlp: "AMBER" },
  }),
  ...Object.fromEntries(
    [
      "",
      "/audit-events",
      "/judgements",
      "/findings",
      "/comment-threads",
      "/reviews",
      "/review-requests",
      "/status",
    ].map((suffix) => onDraft(suffix)),
  ),
  [`PATCH ${A} (title)`]: ({ world }) => ({
    params: { assessmentId: world.shared.assessmentId },
    body: { title: "Rail logistics" },
  }),
  [`PATCH ${A} (archive)`]: async ({ world, allowed }) => ({
    params: { assessmentId: allowed ? await createTestDocument(world.team.workspaceId) : world.shared.assessmentId },
    body: { archived: true },
  }),

  [`POST ${A}/comment-threads (not blocking)`]: ({ world }) => ({
    params: { assessmentId: world.shared.assessmentId },
    body: { judgementId: "jdg_key", body: `Is the April count corroborated? (${unique()})` },
  }),
  [`POST ${A}/comment-threads (blocking)`]: ({ world }) => ({
    params: { assessmentId: world.shared.assessmentId },
    body: { judgementId: "jdg_key", body: `Only one source for this (${unique()})`, isBlocking: true },
  }),
  [`POST ${T}/comments`]: ({ world }) => ({
    params: { assessmentId: world.shared.assessmentId, threadId: world.shared.thread.id },
    body: { body: `Maxar, 14 April (${unique()})` },
  }),
  [`PATCH ${T}/comments/{commentId} (the analyst's comment)`]: ({ world }) => ({
    params: {
      assessmentId: world.shared.assessmentId,
      threadId: world.shared.thread.id,
      commentId: world.shared.comment.id,
    },
    body: { body: `Planet Labs, 12 April; Maxar, 14 April (${unique()})` },
  }),
  [`DELETE ${T}/comments/{commentId} (the analyst's comment)`]: async ({ world, allowed }) => {
    const { assessmentId, thread, comment } = world.shared;
    const target = allowed ? await world.fresh.comment(assessmentId, thread.id) : comment;
    return { params: { assessmentId, threadId: thread.id, commentId: target.id } };
  },
  [`PUT ${T}/anchor`]: async ({ world, allowed }) => {
    const target = allowed ? await world.fresh.restoredThread() : world.shared.restoredThread;
    return { params: { assessmentId: target.assessmentId, threadId: target.threadId }, body: target.body };
  },
  [`POST ${T}/resolve (the analyst's thread)`]: threadStep({ author: "analyst", resolved: false }),
  [`POST ${T}/resolve (a reviewer's thread)`]: threadStep({ author: "reviewer", resolved: false }),
  [`POST ${T}/reopen (the analyst's thread)`]: threadStep({ author: "analyst", resolved: true }),
  [`POST ${T}/reopen (a reviewer's thread)`]: threadStep({ author: "reviewer", resolved: true }),

  [`POST ${A}/judgements/{judgementId}/reviews`]: step("draft", () => ({ verdict: "approved" }), {
    judgementId: "jdg_key",
  }),
  [`POST ${A}/review-requests`]: step("draft", ({ world }) => ({ reviewerIds: [world.team.reviewer.id] })),
  [`POST ${A}/status (approve)`]: step("in_review", () => ({ status: "approved" })),
  [`POST ${A}/status (withdraw to draft)`]: step("in_review", () => ({ status: "draft" })),
  [`POST ${A}/status (start a new draft)`]: step("published", () => ({ status: "draft" })),
  [`POST ${A}/publish`]: step("approved", () => undefined),
  ...Object.fromEntries([onPublished("GET", ""), onPublished("GET", "/{number}")]),
  ...Object.fromEntries(["PUT", "PATCH", "DELETE"].map((method) => onPublished(method, ""))),
  ...Object.fromEntries(["POST", "PUT", "PATCH", "DELETE"].map((method) => onPublished(method, "/{number}"))),
  [`POST ${A}/versions`]: ({ world }) => ({
    params: { assessmentId: world.shared.assessmentId },
    body: { name: `Before the April imagery (${unique()})` },
  }),
  [`GET ${A}/versions/{number}/export`]: ({ world }) => ({
    params: { assessmentId: world.shared.publishedId, number: "1" },
    query: "?format=md",
  }),
  [`GET ${A}/versions/compare`]: ({ world }) => ({
    params: { assessmentId: world.shared.publishedId },
    query: "?from=1&to=current",
  }),
  [`POST ${A}/versions/{number}/restore`]: async ({ world, allowed }) => ({
    // Sending for review froze version 1: refused callers try the shared one, allowed ones a fresh one.
    params: {
      assessmentId: allowed ? await world.fresh.assessment("in_review") : world.shared.inReviewId,
      number: "1",
    },
  }),
};
