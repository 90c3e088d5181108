import { compareVersions } from "@/server/history/compare-versions";
import { apiRoute } from "@/server/http/api-route";

type Params = { assessmentId: string };

/** What changed between two versions (`?from=N&to=M`, or `to=current` for the live text); any member. */
export const GET = apiRoute<Params>(async ({ request, params, actor }) =>
  compareVersions({
    actor,
    assessmentId: params.assessmentId,
    query: Object.fromEntries(new URL(request.url).searchParams),
  }),
);
