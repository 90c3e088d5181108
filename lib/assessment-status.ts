/** Lifecycle of an assessment (PRODUCT.md): draft → in_review → approved → published. */
export const ASSESSMENT_STATUSES = ["draft", "in_review", "approved", "published"] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

export const ASSESSMENT_STATUS_LABELS: Record<AssessmentStatus, string> = {
  draft: "Draft",
  in_review: "In review",
  approved: "Approved",
  published: "Published",
};
