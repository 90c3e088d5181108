import { and, eq } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { assessmentVersions, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { VersionContentDto, VersionDto } from "@/lib/schemas/lifecycle";
import { requireAssessment } from "../assessments/require-assessment";
import type { Actor } from "../auth/actor";
import { toVersionSummary } from "./lifecycle-rows";
import { parseVersionNumber } from "./parse-version-number";
import { publicationNumber } from "./publication-number";

export interface GetAssessmentVersionOptions {
  /** Any member of the assessment's workspace. */
  actor: Actor;
  assessmentId: string;
  /** The version's number, from its URL (`…/versions/{number}`). */
  number: string | number;
}

/**
 * One frozen version of an assessment with its rendered HTML and structured JSON, exactly as it
 * was published. Unknown numbers, malformed ones and other workspaces' assessments are all 404.
 */
export async function getAssessmentVersion(options: GetAssessmentVersionOptions): Promise<VersionDto> {
  const number = parseVersionNumber(options.number);
  const db = getDatabase();
  const { assessment } = await requireAssessment({ db, actor: options.actor, assessmentId: options.assessmentId });
  const [row] = await db
    .select({ version: assessmentVersions, publicationNumber, creator: { id: users.id, name: users.name } })
    .from(assessmentVersions)
    .leftJoin(users, eq(users.id, assessmentVersions.createdBy))
    .where(and(eq(assessmentVersions.assessmentId, assessment.id), eq(assessmentVersions.number, number)));
  if (!row) throw new AppError("not_found:version");
  return {
    ...toVersionSummary({ ...row.version, publicationNumber: row.publicationNumber }, row.creator),
    assessmentId: row.version.assessmentId,
    html: row.version.html,
    content: row.version.content as unknown as VersionContentDto,
  };
}
