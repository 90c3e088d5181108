import { resolveCommentThread } from "@/server/comments/resolve-comment-thread";
import { apiRoute } from "@/server/http/api-route";

type Params = { assessmentId: string; threadId: string };

/** Resolves a thread (its author, owners and reviewers). */
export const POST = apiRoute<Params>(async ({ params, actor }) => resolveCommentThread({ actor, ...params }));
