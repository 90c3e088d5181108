import { apiRoute } from "@/server/http/api-route";
import { listAssessmentVersions } from "@/server/lifecycle/list-assessment-versions";
import { refuseVersionChange } from "@/server/lifecycle/refuse-version-change";

type Params = { assessmentId: string };

/** The assessment's frozen versions, newest first (without their contents). */
export const GET = apiRoute<Params>(async ({ params, actor }) =>
  listAssessmentVersions({ actor, assessmentId: params.assessmentId }),
);

// Versions are made only by publishing (POST …/publish) and never changed: 405 for everyone.
export const POST = refuseVersionChange;
export const PUT = refuseVersionChange;
export const PATCH = refuseVersionChange;
export const DELETE = refuseVersionChange;
