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
  type SourceReliability,
} from "../standards/admiralty";
import { observationLabel } from "./export-endnotes";
import { nameSources } from "./source-names";
import { summaryParagraphs } from "./source-summary-text";
import { findSourceWeaknesses, type SourceWeakness } from "./source-weaknesses";

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
  /**
   * Each cited source once, with its reliability grade and `name`, how the statement names it:
   * the publisher, with the title, date or title note when another of these has the same publisher.
   */
  sources: { id: string; publisher: string; name: string; reliability: string }[];
  /** Independent originators (an attribution, else the publisher), merged by name. */
  originators: string[];
  isSingleSource: boolean;
  /** Every cited (source, observation) pair is weak: reliability E/F or credibility 5/6. */
  isOnlyWeak: boolean;
}

/**
 * A subject (observation or key judgement) reported by two or more independent originators: those
 * reported by a source graded A–D, which can corroborate, and those reported only by sources graded
 * E (unreliable) or F (reliability cannot be judged), which cannot. Names carry their grades: "Reuters (B)".
 */
export interface CorroborationEntry {
  subject: string;
  originators: string[];
  weakOriginators: string[];
}

/**
 * The generated source summary statement (ICD 206): counts, grades, basis, corroboration, conflicts.
 * Counts, grades and strengths cover the current evidence only: a retracted observation supports
 * nothing, so it and the sources reporting only retracted observations are listed apart.
 */
export interface SourceSummary {
  /** Cited observations not retracted when the version was frozen. */
  observationCount: number;
  /** Sources of those observations. */
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
  /** D/E/F sources, 4/5/6 information, untraceable and second-hand sources, each with what cites them. */
  weaknesses: SourceWeakness[];
  /** Observations, and key judgements, reported by two or more independent originators graded A–D. */
  corroborated: CorroborationEntry[];
  /** Those with several independent originators, fewer than two of them graded A–D: not corroboration. */
  notCorroborated: CorroborationEntry[];
  conflicts: { kind: EvidenceConflictKind; explanation: string }[];
  /** Observations in an attribution conflict: no key judgement's corroboration counts them. */
  disputedAttributions: string[];
  /** Cited observations retracted when the version was frozen: counted nowhere else. */
  retracted: string[];
  /** Sources reporting only retracted observations, with their grade ("ROK Ministry of National Defense (B)"). */
  retractedOnlySources: string[];
  /** The statement as paragraphs of prose. */
  paragraphs: string[];
}

/**
 * A cited observation as conflict detection reads it. Its sources are named as the statement names
 * them (`names`, by source id), not by the library's file ids (S09), which identify no document.
 */
function toConflictObservation(reference: VersionCitationDto, names: ReadonlyMap<string, string>): ConflictObservation {
  return {
    id: reference.observationId,
    externalId: reference.externalId,
    summary: reference.summary,
    // Frozen citations keep the site's name only; names are unique within a workspace.
    site: reference.site ? { id: reference.site, name: reference.site } : null,
    observed: reference.observed,
    quantities: reference.quantities ?? [],
    sources: reference.sources.map((source) => ({ ...source, externalId: names.get(source.id) ?? null })),
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

/** Reliability grades whose sources can corroborate: E is unreliable and F means it cannot be judged. */
const CORROBORATING_GRADES: ReadonlySet<SourceReliability> = new Set(["A", "B", "C", "D"]);

/**
 * Independent originators of a subject (merged by name as in `mergeOriginators`), split by whether
 * some source reporting them is graded A–D. Each name carries the grades of the sources reporting it.
 */
function corroborationOf(
  subject: string,
  groups: readonly ConflictOriginator[][],
  reliabilityOf: ReadonlyMap<string, SourceReliability>,
): CorroborationEntry {
  const merged: { name: string; grades: SourceReliability[] }[] = [];
  for (const originator of groups.flat()) {
    const grades = originator.via.flatMap((via) => reliabilityOf.get(via.sourceId) ?? []);
    const known = merged.find((entry) => isSameOriginator(entry.name, originator.name));
    if (known) known.grades.push(...grades);
    else merged.push({ name: originator.name, grades });
  }
  const label = ({ name, grades }: (typeof merged)[number]) =>
    `${name} (${SOURCE_RELIABILITY_GRADES.filter((grade) => grades.includes(grade)).join(", ") || "not graded"})`;
  const canCorroborate = (entry: (typeof merged)[number]) => entry.grades.some((g) => CORROBORATING_GRADES.has(g));
  return {
    subject,
    originators: merged.filter(canCorroborate).map(label),
    weakOriginators: merged.filter((entry) => !canCorroborate(entry)).map(label),
  };
}

/** Each source of the observations once, in citation order. */
function sourcesOf(references: readonly VersionCitationDto[]): VersionCitationDto["sources"] {
  return [...new Map(references.flatMap((r) => r.sources).map((s) => [s.id, s])).values()];
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/**
 * Originators of the observations, merged by name. An observation whose sources dispute who said it
 * came from one of them, not from each: it adds "A or B" unless one of them is already counted.
 */
function independentOriginators(cited: readonly VersionCitationDto[], disputed: ReadonlySet<string>): string[] {
  const originators = mergeOriginators(cited.filter((r) => !disputed.has(r.observationId)).map(originatorsOf));
  for (const reference of cited.filter((r) => disputed.has(r.observationId))) {
    const names = originatorsOf(reference).map((originator) => originator.name);
    if (!names.some((name) => originators.some((known) => isSameOriginator(known, name)))) {
      originators.push(names.join(" or "));
    }
  }
  return originators;
}

/** What one key judgement rests on: its non-retracted citations' sources and originators. */
function basisOf(
  judgement: SummaryJudgementInput,
  byNumber: ReadonlyMap<number, VersionCitationDto>,
  disputed: ReadonlySet<string>,
): KeyJudgementBasis {
  const cited = judgement.endnotes.flatMap((number) => byNumber.get(number) ?? []).filter((r) => !r.retracted);
  const citedSources = sourcesOf(cited);
  const names = nameSources(citedSources);
  const originators = independentOriginators(cited, disputed);
  const pairs = cited.flatMap((r) => r.sources.map((s) => [s.reliability, r.credibility] as const));
  return {
    judgementId: judgement.id,
    label: judgement.label,
    sources: citedSources.map(({ id, publisher, reliability }, index) => ({
      id,
      publisher,
      name: names[index] ?? publisher,
      reliability,
    })),
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
  // Retracted evidence supports nothing: it is left out of every count, grade and strength.
  const active = references.filter((reference) => !reference.retracted);
  const sources = sourcesOf(active);
  const retractedOnly = sourcesOf(references.filter((reference) => reference.retracted)).filter(
    (source) => !sources.some((current) => current.id === source.id),
  );
  const kinds = countBy(sources, (source) => (source.type ? SOURCE_TYPE_LABELS[source.type] : "Kind not recorded"));
  const reliabilityCounts = countBy(sources, (source) => source.reliability);
  const credibilityCounts = countBy(active, (reference) => String(reference.credibility));
  const names = new Map(nameSources(sources).map((name, index) => [sources[index]?.id ?? "", name]));
  const conflicts = findEvidenceConflicts(references.map((reference) => toConflictObservation(reference, names)));
  // Sources of one observation naming different originators dispute it rather than corroborate it.
  const disputed = new Set(
    conflicts.filter((c) => c.participants.length === 1).flatMap((c) => c.participants.map((p) => p.observationId)),
  );

  const keyJudgements = judgements.filter((judgement) => judgement.isKey).map((j) => basisOf(j, byNumber, disputed));

  const reliabilityOf = new Map(sources.map((source) => [source.id, source.reliability]));
  // An observation in any attribution conflict confirms nothing: one claim whose originator is in
  // dispute is not two independent reports, so a key judgement's corroboration leaves it out.
  const attributionDisputed = new Set(
    conflicts.filter((c) => c.kind === "attribution").flatMap((c) => c.participants.map((p) => p.observationId)),
  );
  const citedBy = (judgement: SummaryJudgementInput) =>
    judgement.endnotes
      .flatMap((number) => byNumber.get(number) ?? [])
      .filter((r) => !r.retracted && !attributionDisputed.has(r.observationId));
  // Only originators some A–D source reports count as corroboration: E and F sources cannot confirm anything.
  const multiplyReported = [
    ...references
      .filter((reference) => !reference.retracted && !disputed.has(reference.observationId))
      .map((reference) => corroborationOf(observationLabel(reference), [originatorsOf(reference)], reliabilityOf)),
    ...judgements
      .filter((judgement) => judgement.isKey)
      .map((j) => corroborationOf(j.label, citedBy(j).map(originatorsOf), reliabilityOf)),
  ].filter((entry) => entry.originators.length + entry.weakOriginators.length >= 2);
  const corroborated = multiplyReported.filter((entry) => entry.originators.length >= 2);
  const notCorroborated = multiplyReported.filter((entry) => entry.originators.length < 2);

  const summary: Omit<SourceSummary, "paragraphs"> = {
    observationCount: active.length,
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
    weaknesses: findSourceWeaknesses(active, judgements),
    corroborated,
    notCorroborated,
    conflicts: conflicts.map(({ kind, explanation }) => ({ kind, explanation })),
    disputedAttributions: active
      .filter((reference) => attributionDisputed.has(reference.observationId))
      .map(observationLabel),
    retracted: references.filter((reference) => reference.retracted).map(observationLabel),
    retractedOnlySources: nameSources(retractedOnly).map(
      (name, index) => `${name} (${retractedOnly[index]?.reliability})`,
    ),
  };
  return { ...summary, paragraphs: summaryParagraphs(summary) };
}
