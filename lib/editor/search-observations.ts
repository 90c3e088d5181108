import type { ObservationDto } from "@/lib/schemas/evidence";
import {
  INFORMATION_CREDIBILITY_GRADES,
  type InformationCredibility,
  SOURCE_RELIABILITY_GRADES,
  type SourceReliability,
} from "@/lib/standards/admiralty";

/** What the citation picker searches for; every field is optional and they combine with AND. */
export interface ObservationSearch {
  /** Words that must all appear in the summary, notes, external id or site name (case-insensitive). */
  text?: string;
  /** Only observations at this site (UUID). */
  siteId?: string;
  /** `YYYY-MM-DD`: only observations whose observed period ends on or after this day. */
  from?: string;
  /** `YYYY-MM-DD`: only observations whose observed period starts on or before this day. */
  to?: string;
  /** Source reliability at least this good (A best); F ("cannot be judged") never passes a bound. */
  minReliability?: SourceReliability;
  /** Information credibility at least this good (1 best); 6 ("cannot be judged") never passes a bound. */
  minCredibility?: InformationCredibility;
}

function words(text: string): string[] {
  return text.toLowerCase().split(/\s+/u).filter(Boolean);
}

// The scales list the best grade first and "cannot be judged" last, so "at least X" is an index
// comparison in which the unknown grade (F, 6) only passes when X is itself unknown.
function meetsReliability(observation: ObservationDto, bound: SourceReliability): boolean {
  const limit = SOURCE_RELIABILITY_GRADES.indexOf(bound);
  return observation.sources.some((source) => SOURCE_RELIABILITY_GRADES.indexOf(source.reliability) <= limit);
}

function meetsCredibility(observation: ObservationDto, bound: InformationCredibility): boolean {
  const grade = observation.credibility as InformationCredibility;
  return INFORMATION_CREDIBILITY_GRADES.indexOf(grade) <= INFORMATION_CREDIBILITY_GRADES.indexOf(bound);
}

/**
 * The observations that match a search, in library order. Dates match by overlap, as the server's
 * filter does: "April 2024" is found by a search for 10–20 April.
 */
export function searchObservations(
  observations: readonly ObservationDto[],
  search: ObservationSearch,
): ObservationDto[] {
  const wanted = words(search.text ?? "");
  return observations.filter((observation) => {
    if (wanted.length > 0) {
      const haystack = [
        observation.summary,
        observation.notes,
        observation.externalId ?? "",
        observation.site?.name ?? "",
      ]
        .join("\n")
        .toLowerCase();
      if (!wanted.every((word) => haystack.includes(word))) return false;
    }
    if (search.siteId && observation.site?.id !== search.siteId) return false;
    if (search.from && observation.observed.end < search.from) return false;
    if (search.to && observation.observed.start > search.to) return false;
    if (search.minReliability && !meetsReliability(observation, search.minReliability)) return false;
    if (search.minCredibility && !meetsCredibility(observation, search.minCredibility)) return false;
    return true;
  });
}
