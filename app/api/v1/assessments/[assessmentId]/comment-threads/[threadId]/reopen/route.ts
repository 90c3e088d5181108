import { reopenCommentThread } from "@/server/comments/reopen-comment-thread";
import { apiRoute } from "@/server/http/api-route";

type Params = { assessmentId: string; threadId: string };

/** Reopens a resolved thread (its author, owners and reviewers). */
export const POST = apiRoute<Params>(async ({ params, actor }) => reopenCommentThread({ actor, ...params }));
