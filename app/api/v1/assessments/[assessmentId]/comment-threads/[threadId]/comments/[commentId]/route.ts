import { commentInput } from "@/lib/schemas/comments";
import { deleteComment } from "@/server/comments/delete-comment";
import { editComment } from "@/server/comments/edit-comment";
import { apiRoute } from "@/server/http/api-route";
import { parseInput } from "@/server/http/parse-input";
import { readJsonBody } from "@/server/http/read-json-body";

type Params = { assessmentId: string; threadId: string; commentId: string };

/** Rewrites one's own comment. */
export const PATCH = apiRoute<Params>(async ({ request, params, actor }) => {
  const input = parseInput(commentInput, await readJsonBody(request));
  return editComment({ actor, ...params, input });
});

/** Deletes one's own comment, leaving a tombstone with an empty body. */
export const DELETE = apiRoute<Params>(async ({ params, actor }) => deleteComment({ actor, ...params }));
