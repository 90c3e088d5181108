import { versionLabel } from "../history/version-labels";
import { numberVersionJudgements } from "../judgement-numbers";
import type { VersionContentDto, VersionSummaryDto } from "../schemas/lifecycle";
import {
  INFORMATION_CREDIBILITY,
  INFORMATION_CREDIBILITY_GRADES,
  SOURCE_RELIABILITY,
  SOURCE_RELIABILITY_GRADES,
} from "../standards/admiralty";
import { CONFIDENCE_DEFINITIONS, CONFIDENCE_LEVELS } from "../standards/confidence";
import { formatLikelihoodRange, LIKELIHOOD_SCALE } from "../standards/icd203";
import { TLP_DEFINITIONS, type TlpMarking } from "../tlp";
import { type ExportBlock, exportBlocksOf } from "./export-body";
import { buildEndnotes, type ExportEndnote } from "./export-endnotes";
import { type ExportRelease, exportReleaseOf } from "./export-release";
import { buildSourceSummary, type SourceSummary } from "./source-summary";

/** A judgement as exports list it. */
export interface ExportJudgement {
  id: string;
  /** "Key judgement 1" or "Judgement 2": key and other judgements are numbered apart. */
  label: string;
  isKey: boolean;
  statement: string;
  likelihood: { band: string; term: string; range: string } | null;
  confidence: { level: string; label: string } | null;
  /** Endnote numbers of its citations, ascending. */
  endnotes: number[];
  /** Citations naming no observation of the workspace. */
  unresolvedCount: number;
  /** "Likelihood: likely (55–80%). Confidence: moderate." — likelihood and confidence kept apart (ICD 203). */
  facts: string;
}

/** The scales a reader needs to read the grades, worded as the standards word them. */
export interface ExportLegend {
  likelihood: { term: string; equivalent: string; range: string }[];
  confidence: { label: string; definition: string }[];
  reliability: { grade: string; wording: string }[];
  credibility: { grade: string; wording: string }[];
}

/** Everything an export shows, in the order renderers lay it out. */
export interface ExportModel {
  title: string;
  keyQuestion: string;
  number: number;
  /** What the version is called: "Publication 2" for a publication, else "Version 5". */
  label: string;
  /** Whether this is the published product or a snapshot (draft, in review, approved), and how it is marked. */
  release: ExportRelease;
  /** When the version was frozen: for a publication, when it was published. */
  publishedAt: string;
  /** Who froze it: for a publication, who published it. */
  publishedBy: string | null;
  authors: string[];
  marking: { tlp: TlpMarking; label: string; audience: string };
  /** Key judgements first, then the others, each group in document order. */
  judgements: ExportJudgement[];
  blocks: ExportBlock[];
  endnotes: ExportEndnote[];
  sourceSummary: SourceSummary;
  legend: ExportLegend;
}

/** The legend: all ICD 203 likelihood bands, the confidence levels and the Admiralty scales. */
export function buildLegend(): ExportLegend {
  return {
    likelihood: LIKELIHOOD_SCALE.map((entry) => ({
      term: entry.term,
      equivalent: entry.equivalent,
      range: formatLikelihoodRange(entry.band),
    })),
    confidence: [...CONFIDENCE_LEVELS].reverse().map((level) => CONFIDENCE_DEFINITIONS[level]),
    reliability: SOURCE_RELIABILITY_GRADES.map((grade) => ({ grade, wording: SOURCE_RELIABILITY[grade] })),
    credibility: INFORMATION_CREDIBILITY_GRADES.map((grade) => ({
      grade: String(grade),
      wording: INFORMATION_CREDIBILITY[grade],
    })),
  };
}

function orderJudgements(content: VersionContentDto): ExportJudgement[] {
  const numbered = numberVersionJudgements(content.judgements);
  const key = numbered.filter(({ judgement }) => judgement.isKey);
  const other = numbered.filter(({ judgement }) => !judgement.isKey);
  return [...key, ...other].map(({ judgement, label }) => {
    const likelihood = judgement.likelihood
      ? `Likelihood: ${judgement.likelihood.term} (${judgement.likelihood.range}).`
      : "Likelihood: not set.";
    // "Confidence: moderate.", not "Confidence: moderate confidence.".
    const confidence = judgement.confidence ? `Confidence: ${judgement.confidence.level}.` : "Confidence: not set.";
    return {
      id: judgement.id,
      label,
      isKey: judgement.isKey,
      statement: judgement.statement,
      likelihood: judgement.likelihood,
      confidence: judgement.confidence,
      endnotes: judgement.citations.map((citation) => citation.number).sort((a, b) => a - b),
      unresolvedCount: judgement.unresolvedCitations.length,
      facts: `${likelihood} ${confidence}`,
    };
  });
}

/**
 * The export model of a frozen version: pure, from its content and its kind, name and publication number alone, so every
 * format (and a version frozen before exports existed) shows the same judgements, endnotes and summary.
 */
export function buildExportModel(
  content: VersionContentDto,
  version: Pick<VersionSummaryDto, "kind" | "name" | "publicationNumber">,
): ExportModel {
  const numbers = new Map(
    content.references.map((reference) => [reference.observationId.toLowerCase(), reference.number]),
  );
  const judgements = orderJudgements(content);
  const marking = TLP_DEFINITIONS[content.assessment.tlp];
  return {
    title: content.assessment.title,
    keyQuestion: content.assessment.keyQuestion,
    number: content.number,
    label: versionLabel({ number: content.number, publicationNumber: version.publicationNumber }),
    release: exportReleaseOf(content, version),
    publishedAt: content.publishedAt,
    publishedBy: content.publishedBy?.name ?? null,
    authors: content.authors.map((author) => author.name),
    marking: { tlp: content.assessment.tlp, label: marking.label, audience: marking.audience },
    judgements,
    blocks: exportBlocksOf(content.document, (id) => numbers.get(id.toLowerCase()) ?? null),
    endnotes: buildEndnotes(content.references),
    sourceSummary: buildSourceSummary(content.references, judgements),
    legend: buildLegend(),
  };
}
