import type { ObservationDto, SourceDto } from "@/lib/schemas/evidence";
import { formatGrade } from "@/lib/standards/admiralty";
import { createEvidenceLookup, type EvidenceLookup, type LintObservation, type LintSource } from "@/lib/tradecraft";

/** Options for {@link toEvidenceLookup}. */
export interface ToEvidenceLookupOptions {
  /** Every observation of the workspace, retracted ones included (they are still cited). */
  observations: readonly ObservationDto[];
  /** Every source of the workspace. */
  sources: readonly SourceDto[];
}

/** An observation as the linter reads it: grades, sources, retraction, and its human label. */
export function toLintObservation(observation: ObservationDto): LintObservation {
  return {
    id: observation.id,
    credibility: observation.credibility as LintObservation["credibility"],
    sourceIds: observation.sources.map((source) => source.id),
    retracted: observation.retraction !== null,
    summary: observation.summary,
    label: observationLabel(observation),
  };
}

/** A source as the linter reads it: its reliability, its publisher as the originator, and its label. */
export function toLintSource(
  source: Pick<SourceDto, "id" | "reliability" | "publisher" | "externalId" | "title">,
): LintSource {
  const label = source.externalId?.trim() || source.title?.trim();
  return { id: source.id, reliability: source.reliability, originator: source.publisher, ...(label ? { label } : {}) };
}

/**
 * The workspace library as the linter's lookup, keyed by observation and source UUID (the ids
 * judgements store), so the evidence rules run in the editor with the same data as on the server.
 */
export function toEvidenceLookup({ observations, sources }: ToEvidenceLookupOptions): EvidenceLookup {
  // An observation names its sources with their grade even when the source list is stale or
  // filtered; those fill the gaps so a grade is never reported as "cannot be judged" by mistake.
  const known = new Map(sources.map((source) => [source.id, toLintSource(source)]));
  for (const observation of observations) {
    for (const source of observation.sources) {
      if (!known.has(source.id)) {
        known.set(source.id, toLintSource(source));
      }
    }
  }
  return createEvidenceLookup({ observations: observations.map(toLintObservation), sources: [...known.values()] });
}

const SHORT_SUMMARY = 32;

/** How a citation of the observation is labelled: its file id ("OBS-26"), else the start of its summary. */
export function observationLabel(observation: Pick<ObservationDto, "externalId" | "summary">): string {
  if (observation.externalId) return observation.externalId;
  const summary = observation.summary.trim();
  if (summary.length <= SHORT_SUMMARY) return summary;
  const cut = summary.slice(0, SHORT_SUMMARY - 1);
  const wordEnd = cut.lastIndexOf(" ");
  return `${(wordEnd > SHORT_SUMMARY / 2 ? cut.slice(0, wordEnd) : cut).trimEnd()}…`;
}

/** The Admiralty grade of the observation with each of its sources ("B2"); "F…" when it names none. */
export function observationGrades(observation: Pick<ObservationDto, "sources" | "credibility">): string[] {
  const credibility = observation.credibility as LintObservation["credibility"];
  if (observation.sources.length === 0) return [formatGrade("F", credibility)];
  return [...new Set(observation.sources.map((source) => formatGrade(source.reliability, credibility)))];
}
