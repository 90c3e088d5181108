import { SOURCE_TYPE_LABELS } from "../evidence";
import {
  type ConflictObservation,
  type ConflictOriginator,
  type EvidenceConflictKind,
  findEvidenceConflicts,
  isSameOriginator,
  originatorsOf,
} from "../evidence-conflicts";
import type { VersionCitationDto } from "../schemas/lifecycle";
import {
  INFORMATION_CREDIBILITY,
  INFORMATION_CREDIBILITY_GRADES,
  type InformationCredibility,
  isWeakGrade,
  SOURCE_RELIABILITY,
  SOURCE_RELIABILITY_GRADES,
} from "../standards/admiralty";
import { observationLabel } from "./export-endnotes";
import { summaryParagraphs } from "./source-summary-text";

/** What the summary reads of a judgement: its label ("Key judgement 1") and cited endnotes. */
export interface SummaryJudgementInput {
  id: string;
  label: string;
  isKey: boolean;
  endnotes: readonly number[];
}

/** What a key judgement rests on. */
export interface KeyJudgementBasis {
  judgementId: string;
  label: string;
  /** Each cited source once, with its reliability grade. */
  sources: { id: string; publisher: string; reliability: string }[];
  /** Independent originators (an attribution, else the publisher), merged by name. */
  originators: string[];
  isSingleSource: boolean;
  /** Every cited (source, observation) pair is weak: reliability E/F or credibility 5/6. */
  isOnlyWeak: boolean;
}

/** The generated source summary statement (ICD 206): counts, grades, basis, corroboration, conflicts. */
export interface SourceSummary {
  observationCount: number;
  sourceCount: number;
  /** Sources per kind ("Imagery": 2); "Kind not recorded" for versions frozen before kinds were. */
  sourceKinds: { kind: string; count: number }[];
  reliability: { grade: string; wording: string; count: number }[];
  credibility: { grade: number; wording: string; count: number }[];
  keyJudgements: KeyJudgementBasis[];
  /** Labels of key judgements resting on one originator or none. */
  singleSourceKeyJudgements: string[];
  /** Labels of key judgements resting only on weak grades (E, F, 5, 6). */
  weakKeyJudgements: string[];
  /** Observations, and judgements, reported by several independent originators. */
  corroborated: { subject: string; originators: string[] }[];
  conflicts: { kind: EvidenceConflictKind; explanation: string }[];
  retracted: string[];
  /** The statement as paragraphs of prose. */
  paragraphs: string[];
}

function toConflictObservation(reference: VersionCitationDto): ConflictObservation {
  return {
    id: reference.observationId,
    externalId: reference.externalId,
    summary: reference.summary,
    // Frozen citations keep the site's name only; names are unique within a workspace.
    site: reference.site ? { id: reference.site, name: reference.site } : null,
    observed: reference.observed,
    quantities: reference.quantities ?? [],
    sources: reference.sources,
    retraction: reference.retracted ? {} : null,
  };
}

function mergeOriginators(groups: readonly ConflictOriginator[][]): string[] {
  const names: string[] = [];
  for (const originator of groups.flat()) {
    if (!names.some((name) => isSameOriginator(name, originator.name))) names.push(originator.name);
  }
  return names;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** What one key judgement rests on: its non-retracted citations' sources and originators. */
function basisOf(
  judgement: SummaryJudgementInput,
  byNumber: ReadonlyMap<number, VersionCitationDto>,
): KeyJudgementBasis {
  const cited = judgement.endnotes.flatMap((number) => byNumber.get(number) ?? []).filter((r) => !r.retracted);
  const citedSources = [...new Map(cited.flatMap((r) => r.sources).map((s) => [s.id, s])).values()];
  const originators = mergeOriginators(cited.map(originatorsOf));
  const pairs = cited.flatMap((r) => r.sources.map((s) => [s.reliability, r.credibility] as const));
  return {
    judgementId: judgement.id,
    label: judgement.label,
    sources: citedSources.map(({ id, publisher, reliability }) => ({ id, publisher, reliability })),
    originators,
    isSingleSource: originators.length <= 1,
    isOnlyWeak:
      pairs.length > 0 &&
      pairs.every(([reliability, credibility]) => isWeakGrade(reliability, credibility as InformationCredibility)),
  };
}

/**
 * The source summary statement of a version from its cited observations (`references`) and its
 * judgements. Sources are independent when their originators differ: a source relaying someone
 * (attributedTo) counts as that someone, so two outlets quoting one ministry are one originator.
 */
export function buildSourceSummary(
  references: readonly VersionCitationDto[],
  judgements: readonly SummaryJudgementInput[],
): SourceSummary {
  const byNumber = new Map(references.map((reference) => [reference.number, reference]));
  const sources = [...new Map(references.flatMap((r) => r.sources).map((s) => [s.id, s])).values()];
  const kinds = countBy(sources, (source) => (source.type ? SOURCE_TYPE_LABELS[source.type] : "Kind not recorded"));
  const reliabilityCounts = countBy(sources, (source) => source.reliability);
  const credibilityCounts = countBy(references, (reference) => String(reference.credibility));
  const conflicts = findEvidenceConflicts(references.map(toConflictObservation));
  // Sources of one observation naming different originators dispute it rather than corroborate it.
  const disputed = new Set(
    conflicts.filter((c) => c.participants.length === 1).flatMap((c) => c.participants.map((p) => p.observationId)),
  );

  const keyJudgements = judgements.filter((judgement) => judgement.isKey).map((j) => basisOf(j, byNumber));

  const corroborated = [
    ...references
      .filter((reference) => !reference.retracted && !disputed.has(reference.observationId))
      .map((reference) => ({
        subject: observationLabel(reference),
        originators: mergeOriginators([originatorsOf(reference)]),
      })),
    ...keyJudgements.map((basis) => ({ subject: basis.label, originators: basis.originators })),
  ].filter((entry) => entry.originators.length >= 2);

  const summary: Omit<SourceSummary, "paragraphs"> = {
    observationCount: references.length,
    sourceCount: sources.length,
    sourceKinds: [...kinds]
      .map(([kind, count]) => ({ kind, count }))
      .sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind)),
    reliability: SOURCE_RELIABILITY_GRADES.filter((grade) => reliabilityCounts.has(grade)).map((grade) => ({
      grade,
      wording: SOURCE_RELIABILITY[grade],
      count: reliabilityCounts.get(grade) ?? 0,
    })),
    credibility: INFORMATION_CREDIBILITY_GRADES.filter((grade) => credibilityCounts.has(String(grade))).map(
      (grade) => ({
        grade,
        wording: INFORMATION_CREDIBILITY[grade],
        count: credibilityCounts.get(String(grade)) ?? 0,
      }),
    ),
    keyJudgements,
    singleSourceKeyJudgements: keyJudgements.filter((basis) => basis.isSingleSource).map((basis) => basis.label),
    weakKeyJudgements: keyJudgements.filter((basis) => basis.isOnlyWeak).map((basis) => basis.label),
    corroborated,
    conflicts: conflicts.map(({ kind, explanation }) => ({ kind, explanation })),
    retracted: references.filter((reference) => reference.retracted).map(observationLabel),
  };
  return { ...summary, paragraphs: summaryParagraphs(summary) };
}
