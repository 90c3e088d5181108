import { describe, expect, it } from "vitest";
import type { InformationCredibility, SourceReliability } from "@/lib/standards/admiralty";
import type { ConfidenceLevel } from "@/lib/standards/confidence";
import { LIKELIHOOD_SCALE, type LikelihoodBand } from "@/lib/standards/icd203";
import { createEvidenceLookup } from "./evidence";
import dataset from "./fixtures/dprk-russia-observations.json";
import { lintAssessment } from "./lint-assessment";
import type { Finding, LintAssessment } from "./types";

/** The dataset writes "almost certainly"; every other term is the table's first row. */
function bandOf(term: string): LikelihoodBand {
  if (term === "almost certainly") return "almost_certain";
  const band = LIKELIHOOD_SCALE.find((definition) => definition.term === term)?.band;
  if (!band) throw new Error(`Unexpected likelihood term ${term}`);
  return band;
}

// The dataset marks no key judgements; all twelve are the headline findings of their reports.
const assessment: LintAssessment = {
  judgements: dataset.judgements.map((judgement) => ({
    id: judgement.id,
    statement: judgement.text,
    likelihood: bandOf(judgement.likelihood_term),
    confidence: judgement.confidence as ConfidenceLevel,
    isKey: true,
    citedObservationIds: judgement.cited_observation_ids,
  })),
  paragraphs: [],
};

/**
 * The dataset carries no Admiralty grades. Ungraded means "cannot be judged" (F/6); the
 * graded variant assumes B2 everywhere to see the remaining findings. Publishers' trailing
 * parentheticals ("(Minister Shin Won-sik, media briefing)") are dropped so that two briefings
 * by one ministry count as one originator.
 */
function evidenceGraded(reliability: SourceReliability, credibility: InformationCredibility, retracted: string[] = []) {
  return createEvidenceLookup({
    observations: dataset.observations.map((observation) => ({
      id: observation.id,
      credibility,
      sourceIds: observation.source_ids,
      retracted: retracted.includes(observation.id),
      summary: observation.summary,
    })),
    sources: dataset.sources.map((source) => ({
      id: source.id,
      reliability,
      originator: source.publisher.replace(/\s*\(.*\)\s*$/u, ""),
    })),
  });
}

function describeFindings(findings: Finding[]): string[][] {
  return findings.map((finding) => {
    const statement = assessment.judgements.find((judgement) => judgement.id === finding.judgementId)?.statement ?? "";
    const excerpt = finding.range ? statement.slice(finding.range.from, finding.range.to) : "";
    return [finding.judgementId ?? "", finding.ruleId, excerpt];
  });
}

describe("the DPRK–Russia worked example", () => {
  it("flags single-originator key judgements, hedges, wording against the band and the one second-row term", () => {
    const findings = lintAssessment({ assessment, evidence: evidenceGraded("B", 2) });
    expect(describeFindings(findings)).toEqual([
      // OBS-01..03 come from S01 and S05, two reports by CSIS Beyond Parallel: one originator.
      ["JDG-01", "key-judgement-single-source", ""],
      // The source's own words, mapped to "roughly even chance" and "likely" by the dataset.
      ["JDG-02", "hedge-word", "reasonable chance"],
      // OBS-26/27 both come from S07 (CSIS, relayed through a Finnish report).
      ["JDG-05", "key-judgement-single-source", ""],
      ["JDG-05", "hedge-word", "suggest"],
      // Kirby's briefing (S08) is the only source, and "may" is his hedge.
      ["JDG-07", "key-judgement-single-source", ""],
      ["JDG-07", "hedge-word", "may"],
      ["JDG-08", "hedge-word", "may"],
      // "probably" (likely, 55–80%) under a very likely (80–95%) band; and the only second-row
      // term, where every other judgement uses the first row ("likely", "very likely", "almost certainly").
      ["JDG-11", "statement-contradicts-likelihood", "probably"],
      ["JDG-11", "mixed-term-rows", "probably"],
      // "almost certainly moved …, likely to avoid surveillance": a second estimate of another band.
      ["JDG-12", "statement-contradicts-likelihood", "likely"],
    ]);
  });

  it("treats ungraded evidence as weak: every key judgement rests only on F6 observations", () => {
    const findings = lintAssessment({ assessment, evidence: evidenceGraded("F", 6) });
    const weak = findings.filter((finding) => finding.ruleId === "key-judgement-weak-evidence");
    expect(weak.map((finding) => finding.judgementId)).toEqual(dataset.judgements.map((judgement) => judgement.id));
    expect(weak[3]?.message).toContain("OBS-26 (F6)");
  });

  it("flags both judgements citing a retracted observation; JDG-07 then has no support left to count", () => {
    const findings = lintAssessment({ assessment, evidence: evidenceGraded("B", 2, ["OBS-06"]) });
    const rows = describeFindings(findings).filter(([id]) => id === "JDG-02" || id === "JDG-07");
    expect(rows).toEqual([
      ["JDG-02", "retracted-citation", ""],
      ["JDG-02", "hedge-word", "reasonable chance"],
      ["JDG-07", "retracted-citation", ""],
      ["JDG-07", "hedge-word", "may"],
    ]);
  });

  it("finds the Tikhoretsk judgement JDG-04 clean when its evidence is graded B2", () => {
    const findings = lintAssessment({ assessment, evidence: evidenceGraded("B", 2) });
    expect(findings.filter((finding) => finding.judgementId === "JDG-04")).toEqual([]);
  });
});
