import {
  formatGrade,
  INFORMATION_CREDIBILITY,
  type InformationCredibility,
  isWeakGrade,
  SOURCE_RELIABILITY,
  type SourceReliability,
} from "@/lib/standards/admiralty";
import { Badge } from "../ui/badge";

/** "B — Usually reliable": a reliability grade with its Admiralty wording. */
export function reliabilityText(grade: SourceReliability): string {
  return `${grade} — ${SOURCE_RELIABILITY[grade]}`;
}

/** "2 — Probably true": a credibility grade with its Admiralty wording. */
export function credibilityText(grade: InformationCredibility): string {
  return `${grade} — ${INFORMATION_CREDIBILITY[grade]}`;
}

/**
 * The two-character Admiralty grade of one source's report ("B2"). The wording of both characters
 * is in the tooltip and read out by screen readers; weak or unjudgeable grades stand out in amber.
 */
export function AdmiraltyGrade({
  reliability,
  credibility,
  source,
}: {
  reliability: SourceReliability;
  credibility: InformationCredibility;
  /** Whose report it is, for the tooltip (e.g. "S07 CSIS"). */
  source?: string;
}) {
  const wording = `Source reliability ${reliabilityText(reliability)}; information credibility ${credibilityText(credibility)}`;
  return (
    <Badge
      tone={isWeakGrade(reliability, credibility) ? "warning" : "info"}
      title={source ? `${source}: ${wording}` : wording}
    >
      {formatGrade(reliability, credibility)}
      <span className="sr-only"> ({wording})</span>
    </Badge>
  );
}

/** A source's reliability letter with its wording, e.g. "B — Usually reliable". */
export function ReliabilityBadge({ grade, short }: { grade: SourceReliability; short?: boolean }) {
  const weak = grade === "E" || grade === "F";
  return (
    <Badge tone={weak ? "warning" : "info"} title={reliabilityText(grade)}>
      {short ? grade : reliabilityText(grade)}
    </Badge>
  );
}
