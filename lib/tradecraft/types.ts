import type { InformationCredibility, SourceReliability } from "@/lib/standards/admiralty";
import type { ConfidenceLevel } from "@/lib/standards/confidence";
import type { LikelihoodBand } from "@/lib/standards/icd203";

/** One judgement block of an assessment, as the linter sees it. */
export interface LintJudgement {
  /** Stable id of the judgement block (survives edits). */
  id: string;
  /** The statement as plain text; finding ranges are offsets into this string. */
  statement: string;
  /** The ICD 203 band chosen for the judgement, if any. */
  likelihood?: LikelihoodBand;
  /** The analytic confidence chosen for the judgement, if any. */
  confidence?: ConfidenceLevel;
  /** Whether the judgement is flagged as a key judgement. */
  isKey: boolean;
  /** Ids of the observations the judgement cites, in citation order. */
  citedObservationIds: readonly string[];
}

/** The parts of an assessment the linter reads. */
export interface LintAssessment {
  judgements: readonly LintJudgement[];
  /** Free-text paragraphs of the document (outside judgement blocks), as plain text. */
  paragraphs: readonly string[];
}

/** An observation from the evidence library. */
export interface LintObservation {
  id: string;
  /** Admiralty information credibility, 1–6. */
  credibility: InformationCredibility;
  /** Ids of the sources the observation came from (one or more). */
  sourceIds: readonly string[];
  retracted: boolean;
  summary: string;
  /** How people name the observation (e.g. its file id "OBS-26"); messages use the id without it. */
  label?: string;
}

/** A source from the evidence library. */
export interface LintSource {
  id: string;
  /** Admiralty source reliability, A–F. */
  reliability: SourceReliability;
  /**
   * Who originated the information (publisher or originator). Two sources with the same
   * originator are not independent corroboration.
   */
  originator: string;
  /** How people know the source when it names no originator: its file id ("S29") or title. */
  label?: string;
}

/** The evidence a set of judgements may cite, looked up by id. */
export interface EvidenceLookup {
  observations: ReadonlyMap<string, LintObservation>;
  sources: ReadonlyMap<string, LintSource>;
}

export type FindingSeverity = "error" | "warning" | "info";

/** A character range [from, to) within the statement or paragraph the finding belongs to. */
export interface TextRange {
  from: number;
  to: number;
}

/** One tradecraft problem found by a rule. */
export interface Finding {
  ruleId: RuleId;
  severity: FindingSeverity;
  /** The judgement the finding is about; absent for findings in free-text paragraphs. */
  judgementId?: string;
  /** Index into `LintAssessment.paragraphs` when the finding is in a free-text paragraph. */
  paragraphIndex?: number;
  /** Offsets within the judgement statement or the paragraph, when the finding is about some text. */
  range?: TextRange;
  /** What is wrong, specific to this occurrence. */
  message: string;
  /** Why it matters, from ICD 203/206 tradecraft. */
  why: string;
}

export type RuleId =
  | "missing-likelihood"
  | "missing-confidence"
  | "likelihood-and-confidence-in-one-sentence"
  | "statement-contradicts-likelihood"
  | "mixed-term-rows"
  | "hedge-word"
  | "certainty-as-probability"
  | "missing-citation"
  | "unknown-citation"
  | "key-judgement-single-source"
  | "key-judgement-weak-evidence"
  | "retracted-citation";

/** Everything a rule may read. */
export interface LintContext {
  assessment: LintAssessment;
  evidence: EvidenceLookup;
}

/** A tradecraft rule: a pure function from the assessment and its evidence to findings. */
export interface TradecraftRule {
  id: RuleId;
  severity: FindingSeverity;
  /** Why the rule matters; copied onto every finding. */
  why: string;
  lint(context: LintContext): Finding[];
}
