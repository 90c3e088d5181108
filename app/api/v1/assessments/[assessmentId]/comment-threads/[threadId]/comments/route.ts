import { commentInput } from "@/lib/schemas/comments";
import { addComment } from "@/server/comments/add-comment";
import { apiRoute, created } from "@/server/http/api-route";
import { parseInput } from "@/server/http/parse-input";
import { readJsonBody } from "@/server/http/read-json-body";

type Params = { assessmentId: string; threadId: string };

/** Replies to a thread (any member). */
export const POST = apiRoute<Params>(async ({ request, params, actor }) => {
  const input = parseInput(commentInput, await readJsonBody(request));
  return created(await addComment({ actor, ...params, input }));
});
