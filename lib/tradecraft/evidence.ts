import { formatGrade, isWeakGrade, type SourceReliability } from "@/lib/standards/admiralty";
import type { EvidenceLookup, LintJudgement, LintSource, LintObservation as Observation } from "./types";

/** Options for {@link createEvidenceLookup}. */
export interface CreateEvidenceLookupOptions {
  /** Every observation the judgements may cite. */
  observations: readonly Observation[];
  /** Every source those observations name. */
  sources: readonly LintSource[];
}

/** Indexes observations and sources by id for the linter. */
export function createEvidenceLookup({ observations, sources }: CreateEvidenceLookupOptions): EvidenceLookup {
  return {
    observations: new Map(observations.map((observation) => [observation.id, observation])),
    sources: new Map(sources.map((source) => [source.id, source])),
  };
}

/**
 * The cited observations that can support the judgement: known to the library and not
 * retracted. Unknown and retracted citations are reported by their own rules.
 */
export function supportingObservations(judgement: LintJudgement, evidence: EvidenceLookup): Observation[] {
  const ids = [...new Set(judgement.citedObservationIds)];
  return ids.flatMap((id) => {
    const observation = evidence.observations.get(id);
    return observation && !observation.retracted ? [observation] : [];
  });
}

/** One originator behind a set of observations. */
export interface Originator {
  /** What two sources of one originator share: the name with case and spacing ignored. */
  key: string;
  /** The name as the first of its sources writes it, for messages. */
  name: string;
}

function normalizeOriginator(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/gu, " ");
}

/**
 * Distinct originators behind a set of observations. Two reports from the same publisher are
 * not independent corroboration, so sources are counted by originator (case and spacing
 * ignored); a source without one, or missing from the library, counts as its own originator.
 */
export function originatorsOf(observations: readonly Observation[], evidence: EvidenceLookup): Originator[] {
  const originators = new Map<string, Originator>();
  for (const observation of observations) {
    for (const sourceId of observation.sourceIds) {
      const source = evidence.sources.get(sourceId);
      const written = source?.originator.trim().replace(/\s+/gu, " ") ?? "";
      const key = written ? normalizeOriginator(written) : `source:${sourceId}`;
      if (originators.has(key)) continue;
      const name =
        written ||
        source?.label?.trim() ||
        (source ? "a source without a publisher" : "a source missing from the evidence library");
      originators.set(key, { key, name });
    }
  }
  return [...originators.values()];
}

/**
 * The observation's grades, one per source ("B2", "E2"); a missing source grades as F (cannot
 * be judged). The two characters stay separate: nothing is averaged.
 */
export function gradesOf(observation: Observation, evidence: EvidenceLookup): string[] {
  return reliabilitiesOf(observation, evidence).map((reliability) => formatGrade(reliability, observation.credibility));
}

function reliabilitiesOf(observation: Observation, evidence: EvidenceLookup): SourceReliability[] {
  const reliabilities = observation.sourceIds.map((id) => evidence.sources.get(id)?.reliability ?? "F");
  return reliabilities.length > 0 ? reliabilities : ["F"];
}

/**
 * Whether an observation is weak evidence. With several sources it is weak only if it is weak
 * with every one of them: information carried by one reliable source is not weakened by also
 * appearing in an unreliable one, while weak credibility (5/6) is weak whatever the source.
 * An observation without a known source has reliability "cannot be judged" (F).
 */
export function isWeakObservation(observation: Observation, evidence: EvidenceLookup): boolean {
  return reliabilitiesOf(observation, evidence).every((reliability) =>
    isWeakGrade(reliability, observation.credibility),
  );
}
