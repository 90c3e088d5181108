import { createCommentThreadInput, listCommentThreadsQuery } from "@/lib/schemas/comments";
import { createCommentThread } from "@/server/comments/create-comment-thread";
import { listCommentThreads } from "@/server/comments/list-comment-threads";
import { apiRoute, created } from "@/server/http/api-route";
import { parseInput } from "@/server/http/parse-input";
import { readJsonBody } from "@/server/http/read-json-body";

type Params = { assessmentId: string };

/** The assessment's comment threads with their comments (any member); filter by `status`. */
export const GET = apiRoute<Params>(async ({ request, params, actor }) => {
  const query = parseInput(listCommentThreadsQuery, Object.fromEntries(new URL(request.url).searchParams));
  return listCommentThreads({ actor, assessmentId: params.assessmentId, status: query.status });
});

/** Starts a thread on a judgement and/or an anchored text range, with its first comment (any member). */
export const POST = apiRoute<Params>(async ({ request, params, actor }) => {
  const input = parseInput(createCommentThreadInput, await readJsonBody(request));
  return created(await createCommentThread({ actor, assessmentId: params.assessmentId, input }));
});
