import { ASSESSMENT_STATUS_LABELS, type AssessmentStatus } from "@/lib/assessment-status";
import { Badge, type BadgeTone } from "./ui/badge";

const TONES: Record<AssessmentStatus, BadgeTone> = {
  draft: "neutral",
  in_review: "warning",
  approved: "success",
  published: "accent",
};

/** Where an assessment is in its lifecycle (draft → in review → approved → published). */
export function StatusBadge({ status }: { status: AssessmentStatus }) {
  return <Badge tone={TONES[status]}>{ASSESSMENT_STATUS_LABELS[status]}</Badge>;
}
