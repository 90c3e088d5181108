import type { AssessmentStatus } from "../assessment-status";
import type { VersionContentDto, VersionSummaryDto } from "../schemas/lifecycle";

/** What a version is, as every export states it: a publication, or a snapshot that is not one. */
export interface ExportRelease {
  kind: VersionSummaryDto["kind"];
  /** A named version's name, an automatic version's reason ("Sent for review"), a publication's title. */
  name: string;
  /** A publication's place among the assessment's publications ("Publication 2"); null for other versions. */
  publicationNumber: number | null;
  /** The status of the text frozen; null for versions frozen before it was recorded (then only the kind tells). */
  status: AssessmentStatus | null;
  isPublished: boolean;
  /** Marking for every page: "DRAFT — NOT PUBLISHED", "IN REVIEW — NOT PUBLISHED", …, "NOT PUBLISHED"; null when published. */
  marking: string | null;
  /** The warning a reader of a snapshot sees under the title; null when published. */
  notice: string | null;
}

const STATUS_WORDS: Record<AssessmentStatus, string> = {
  draft: "draft",
  in_review: "in review",
  approved: "approved",
  published: "published",
};

const MARKINGS: Record<Exclude<AssessmentStatus, "published">, string> = {
  draft: "DRAFT — NOT PUBLISHED",
  in_review: "IN REVIEW — NOT PUBLISHED",
  approved: "APPROVED — NOT PUBLISHED",
};

const NOTICES: Record<Exclude<AssessmentStatus, "published">, string> = {
  draft: "a snapshot of an assessment in draft, not reviewed or published",
  in_review: "a snapshot of an assessment under review, not published",
  approved: "a snapshot of an approved assessment before publication",
};

/**
 * Whether a version is published, and how a snapshot (a named or automatic version) is marked so
 * it cannot circulate as the published product: a publication is `published`; other versions
 * carry the status of the text they froze, or "NOT PUBLISHED" when that was not recorded.
 */
export function exportReleaseOf(
  content: Pick<VersionContentDto, "status">,
  version: Pick<VersionSummaryDto, "kind" | "name" | "publicationNumber">,
): ExportRelease {
  const { kind, name, publicationNumber } = version;
  const status = kind === "published" ? "published" : (content.status ?? null);
  if (status === "published") {
    return { kind, name, publicationNumber, status, isPublished: true, marking: null, notice: null };
  }
  const marking = status ? MARKINGS[status] : "NOT PUBLISHED";
  const notice = status
    ? `${marking}: ${NOTICES[status]}. Do not circulate it as a finished product.`
    : "NOT PUBLISHED: a snapshot frozen before versions recorded their status; it is not a published version.";
  return { kind, name, publicationNumber, status, isPublished: false, marking, notice };
}

/** "draft", "in review", "approved", "published", or "not recorded". */
export function releaseStatusWords(release: ExportRelease): string {
  return release.status ? STATUS_WORDS[release.status] : "not recorded";
}
