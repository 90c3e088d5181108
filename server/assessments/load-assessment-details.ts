import { and, asc, desc, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { type Assessment, assessmentAuthors, assessments, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { canWriteAssessments, type WorkspaceRole } from "@/lib/roles";
import type { AssessmentDetail, AssessmentSummary } from "@/lib/schemas/assessments";
import { loadDetailChanges } from "./load-detail-changes";

type Person = { id: string; name: string };

/** Authors of each assessment, in order of first contribution. One query for the whole list. */
async function loadAuthors(db: Executor, assessmentIds: string[]): Promise<Map<string, Person[]>> {
  const byAssessment = new Map<string, Person[]>();
  if (assessmentIds.length === 0) return byAssessment;
  const rows = await db
    .select({ assessmentId: assessmentAuthors.assessmentId, id: users.id, name: users.name })
    .from(assessmentAuthors)
    .innerJoin(users, eq(users.id, assessmentAuthors.userId))
    .where(inArray(assessmentAuthors.assessmentId, assessmentIds))
    .orderBy(asc(assessmentAuthors.firstContributedAt), asc(users.name));
  for (const { assessmentId, ...person } of rows) {
    const list = byAssessment.get(assessmentId) ?? [];
    list.push(person);
    byAssessment.set(assessmentId, list);
  }
  return byAssessment;
}

function toSummary(row: Assessment, authors: Person[]): AssessmentSummary {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    title: row.title,
    status: row.status,
    tlp: row.tlp,
    updatedAt: row.updatedAt.toISOString(),
    archivedAt: row.archivedAt?.toISOString() ?? null,
    authors,
  };
}

/** Active (or, with `archived`, archived) assessments of a workspace, most recently changed first. */
export async function loadAssessmentSummaries(options: {
  db: Executor;
  workspaceId: string;
  archived: boolean;
}): Promise<AssessmentSummary[]> {
  const rows = await options.db
    .select()
    .from(assessments)
    .where(
      and(
        eq(assessments.workspaceId, options.workspaceId),
        options.archived ? isNotNull(assessments.archivedAt) : isNull(assessments.archivedAt),
      ),
    )
    .orderBy(desc(assessments.updatedAt), asc(assessments.id));
  const authors = await loadAuthors(
    options.db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => toSummary(row, authors.get(row.id) ?? []));
}

/** One assessment as the caller with `role` sees it, with who last changed its details. Authorization is the caller's job. */
export async function loadAssessmentDetail(options: {
  db: Executor;
  assessmentId: string;
  role: WorkspaceRole;
}): Promise<AssessmentDetail> {
  const [row] = await options.db
    .select({ assessment: assessments, creator: { id: users.id, name: users.name } })
    .from(assessments)
    .leftJoin(users, eq(users.id, assessments.createdBy))
    .where(eq(assessments.id, options.assessmentId));
  if (!row) throw new AppError("not_found:assessment");
  const authors = await loadAuthors(options.db, [row.assessment.id]);
  return {
    ...toSummary(row.assessment, authors.get(row.assessment.id) ?? []),
    keyQuestion: row.assessment.keyQuestion,
    createdAt: row.assessment.createdAt.toISOString(),
    createdBy: row.creator,
    lastChanges: await loadDetailChanges({ db: options.db, assessmentId: row.assessment.id }),
    role: options.role,
    // Archived assessments are read-only until restored, whatever the role.
    // Published text and details are frozen until someone starts a new draft on top.
    canEdit:
      canWriteAssessments(options.role) && row.assessment.archivedAt === null && row.assessment.status !== "published",
  };
}
