import { createEvidenceLookup } from "./evidence";
import type { EvidenceLookup, LintJudgement, LintObservation, LintSource, TradecraftRule } from "./types";

/** Test-only builders for linter input. */
export function makeJudgement(overrides: Partial<LintJudgement> = {}): LintJudgement {
  return {
    id: "J1",
    statement: "Tikhoretsk is likely to remain crucial for handling North Korean munitions sent to Russia.",
    likelihood: "likely",
    confidence: "moderate",
    isKey: false,
    citedObservationIds: ["OBS-A", "OBS-B"],
    ...overrides,
  };
}

/** Two observations from two independent, well-graded sources (B2 and C2). */
export function makeEvidence(
  observations: Partial<LintObservation>[] = [],
  sources: Partial<LintSource>[] = [],
): EvidenceLookup {
  const baseObservations: LintObservation[] = [
    {
      id: "OBS-A",
      credibility: 2,
      sourceIds: ["S-CSIS"],
      retracted: false,
      summary: "About 50 rail cars at Tikhoretsk",
    },
    { id: "OBS-B", credibility: 2, sourceIds: ["S-ROK"], retracted: false, summary: "About 7,000 containers shipped" },
  ];
  const baseSources: LintSource[] = [
    { id: "S-CSIS", reliability: "B", originator: "CSIS Beyond Parallel" },
    { id: "S-ROK", reliability: "C", originator: "ROK Ministry of National Defense" },
  ];
  const merge = <T extends { id: string }>(base: T[], extra: Partial<T>[]): T[] => {
    const byId = new Map(base.map((item) => [item.id, item]));
    for (const item of extra) {
      const id = item.id ?? "";
      byId.set(id, { ...(byId.get(id) as T), ...item });
    }
    return [...byId.values()];
  };
  return createEvidenceLookup({
    observations: merge(baseObservations, observations),
    sources: merge(baseSources, sources),
  });
}

/** Runs one rule over judgements (and paragraphs) with the default evidence. */
export function runRule(
  rule: TradecraftRule,
  judgements: LintJudgement[],
  paragraphs: string[] = [],
  evidence: EvidenceLookup = makeEvidence(),
) {
  return rule.lint({ assessment: { judgements, paragraphs }, evidence });
}
