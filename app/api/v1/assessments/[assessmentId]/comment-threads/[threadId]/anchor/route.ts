import { reanchorCommentThreadInput } from "@/lib/schemas/comments";
import { reanchorCommentThread } from "@/server/comments/reanchor-comment-thread";
import { apiRoute } from "@/server/http/api-route";
import { parseInput } from "@/server/http/parse-input";
import { readJsonBody } from "@/server/http/read-json-body";

type Params = { assessmentId: string; threadId: string };

/** Moves a thread's range onto text an undo brought back (owners and analysts), if the anchor is still the one replaced. */
export const PUT = apiRoute<Params>(async ({ request, params, actor }) => {
  const input = parseInput(reanchorCommentThreadInput, await readJsonBody(request));
  return reanchorCommentThread({ actor, ...params, input });
});
