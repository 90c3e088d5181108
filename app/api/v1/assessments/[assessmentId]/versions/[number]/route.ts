import { getVersionQuery } from "@/lib/schemas/lifecycle";
import { apiRoute } from "@/server/http/api-route";
import { parseInput } from "@/server/http/parse-input";
import { getAssessmentVersion } from "@/server/lifecycle/get-assessment-version";
import { refuseVersionChange } from "@/server/lifecycle/refuse-version-change";
import { versionHtmlPage } from "@/server/lifecycle/version-html-page";

type Params = { assessmentId: string; number: string };

/** One frozen version: JSON with its HTML and structured content, or `?format=html` as a standalone page. */
export const GET = apiRoute<Params>(async ({ request, params, actor }) => {
  const query = parseInput(getVersionQuery, Object.fromEntries(new URL(request.url).searchParams));
  const version = await getAssessmentVersion({ actor, assessmentId: params.assessmentId, number: params.number });
  if (query.format === "json") return version;
  return new Response(versionHtmlPage(version), {
    headers: {
      "content-type": "text/html; charset=utf-8",
      "x-content-type-options": "nosniff",
      // The page is static: no script may run in it, whatever a version contains.
      "content-security-policy":
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    },
  });
});

// A published version is immutable: 405 for everyone, owners included.
export const POST = refuseVersionChange;
export const PUT = refuseVersionChange;
export const PATCH = refuseVersionChange;
export const DELETE = refuseVersionChange;
