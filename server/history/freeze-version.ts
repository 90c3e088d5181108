import { eq, max, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { type Assessment, type AssessmentVersion, assessmentVersions, users } from "@/db/schema";
import type { AssessmentStatus } from "@/lib/assessment-status";
import type { VersionContentDto } from "@/lib/schemas/lifecycle";
import { buildVersionContent } from "../lifecycle/build-version-content";
import type { NumberedVersion } from "../lifecycle/publication-number";
import { type FrozenDocument, readFrozenDocument } from "../lifecycle/read-frozen-document";
import { renderVersionHtml } from "../lifecycle/render-version-html";
import type { JudgementTally } from "../lifecycle/tally-judgement-approvals";
import { tallyDocument } from "./tally-document";

export interface FreezeVersionOptions {
  /**
   * The transaction the version is written in. The caller holds the assessment's row lock
   * (`requireAssessment({ forUpdate: true })` or `lockAssessmentRow`), so `max + 1` is free, and so
   * is the next publication number.
   */
  tx: Executor;
  assessment: Assessment;
  kind: AssessmentVersion["kind"];
  /** A named version's name, an automatic version's reason ("Sent for review"), a publication's title. */
  name: string;
  /** Who froze it: shown as the version's author; null for the system. */
  actorUserId: string | null;
  /**
   * The status of the text frozen, when it is not the assessment's current one: where a status
   * change goes, for its automatic version. A publication is always `published`.
   */
  status?: AssessmentStatus;
  /** The text to freeze, if the caller already read it from the log (publishing checks its gate on it). */
  document?: FrozenDocument;
  /** The approvals tallied on `document`, if the caller already has them. */
  tallies?: readonly JudgementTally[];
}

/** The version row written, with the structured content frozen in it. */
export interface FrozenVersion {
  row: NumberedVersion;
  content: VersionContentDto;
}

/**
 * Freezes an assessment's text, as the durable log holds it now, as its next version (and a
 * publication as the next publication, see `publicationNumber`): the Y.Doc
 * state, the rendered HTML and the structured JSON (judgements with likelihood, confidence,
 * citations and the approvals current now). Every kind of version (published, named, automatic)
 * is made here, so all of them can be opened, compared and restored alike.
 */
export async function freezeVersion(options: FreezeVersionOptions): Promise<FrozenVersion> {
  const { tx, assessment } = options;
  const document = options.document ?? (await readFrozenDocument(tx, assessment.id));
  const tallies = options.tallies ?? (await tallyDocument(tx, assessment, document));
  const [last] = await tx
    .select({
      number: max(assessmentVersions.number),
      publications: sql<number>`count(*) filter (where ${assessmentVersions.kind} = 'published')`.mapWith(Number),
    })
    .from(assessmentVersions)
    .where(eq(assessmentVersions.assessmentId, assessment.id));
  const number = (last?.number ?? 0) + 1;
  const publicationNumber = options.kind === "published" ? (last?.publications ?? 0) + 1 : null;
  const createdAt = new Date();
  const content = await buildVersionContent({
    db: tx,
    assessment,
    document,
    tallies,
    number,
    status: options.kind === "published" ? "published" : (options.status ?? assessment.status),
    publishedAt: createdAt,
    publishedBy: await personOf(tx, options.actorUserId),
  });
  const [row] = await tx
    .insert(assessmentVersions)
    .values({
      workspaceId: assessment.workspaceId,
      assessmentId: assessment.id,
      number,
      kind: options.kind,
      name: options.name,
      title: assessment.title,
      ydocState: document.state,
      html: renderVersionHtml(document.node, content.references, content.judgements),
      content: content as unknown as Record<string, unknown>,
      createdBy: options.actorUserId,
      createdAt,
    })
    .returning();
  if (!row) throw new Error("insert into assessment_versions returned no row");
  return { row: { ...row, publicationNumber }, content };
}

async function personOf(db: Executor, userId: string | null): Promise<{ id: string; name: string } | null> {
  if (!userId) return null;
  const [user] = await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, userId));
  return user ?? null;
}
