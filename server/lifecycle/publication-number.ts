import { sql } from "drizzle-orm";
import type { AssessmentVersion } from "@/db/schema";

/** A version row with its publication number (see `publicationNumber`). */
export type NumberedVersion = AssessmentVersion & { publicationNumber: number | null };

/**
 * A version's publication number, selected beside a row of `assessment_versions`: its place among
 * the assessment's publications (1, 2, …), what people call it ("Publication 2"); null for named
 * and automatic versions, which take version numbers too. Counted rather than stored: versions
 * never change and are deleted only with their assessment, so the count up to a publication never
 * changes either, and publications frozen before they were numbered needed no rewriting (the
 * table refuses every UPDATE). Its columns are qualified by hand: drizzle leaves those of a
 * one-table select unqualified, and inside the subquery they would name its own row.
 */
export const publicationNumber = sql<number | null>`case when "assessment_versions"."kind" = 'published' then (
  select count(*) from "assessment_versions" as "earlier"
  where "earlier"."assessment_id" = "assessment_versions"."assessment_id"
    and "earlier"."kind" = 'published' and "earlier"."number" <= "assessment_versions"."number"
)::int end`;
