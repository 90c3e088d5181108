import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { observationGrades, observationLabel, toEvidenceLookup } from "./citation-evidence";
import { editorSchema } from "./editor-schema";
import { lintDocument } from "./lint-document";
import { observationRecord, sourceRecord } from "./testing/evidence-records";

const csis = sourceRecord({ reliability: "B", publisher: "CSIS Beyond Parallel" });
const csisAgain = sourceRecord({ reliability: "B", publisher: "csis  beyond parallel" });
const tass = sourceRecord({ reliability: "E", publisher: "TASS" });
const february = observationRecord([csis], { externalId: "OBS-25", credibility: 2 });
const april = observationRecord([csisAgain], { externalId: "OBS-26", credibility: 2 });
const retracted = observationRecord([tass], {
  externalId: "OBS-31",
  summary: "Convoy seen leaving the depot.",
  retraction: { reason: "Misidentified imagery", at: "2024-05-02T10:00:00.000Z", by: null },
});
const lookup = toEvidenceLookup({ observations: [february, april, retracted], sources: [csis, csisAgain, tass] });

function judgementDoc(citations: string[], isKey = true) {
  const judgement: JSONContent = {
    type: "judgement",
    attrs: { id: "jdg_1", likelihood: "likely", confidence: "moderate", isKey, citations },
    content: [{ type: "text", text: "Tikhoretsk is likely to remain crucial." }],
  };
  return editorSchema().nodeFromJSON({ type: "doc", content: [judgement] });
}

describe("the library as the linter's evidence", () => {
  it("maps grades, sources, retraction and labels so every evidence rule runs in the editor", () => {
    expect(lookup.observations.get(april.id)).toEqual({
      id: april.id,
      credibility: 2,
      sourceIds: [csisAgain.id],
      retracted: false,
      summary: april.summary,
      label: "OBS-26",
    });
    expect(lookup.sources.get(tass.id)).toEqual({ id: tass.id, reliability: "E", originator: "TASS" });
  });

  it("flags a retracted citation by its label, and an id outside the library as unknown", () => {
    const findings = lintDocument(judgementDoc([february.id, retracted.id, "not-a-record"], false), lookup);
    expect(findings.map((finding) => [finding.ruleId, finding.message])).toEqual([
      ["unknown-citation", "Cited observation not-a-record is not in the evidence library."],
      ["retracted-citation", "Cited observation OBS-31 has been retracted: “Convoy seen leaving the depot.”"],
    ]);
  });

  it("treats two sources of one publisher as one source for a key judgement", () => {
    const rules = (citations: string[]) =>
      lintDocument(judgementDoc(citations), lookup).map((finding) => finding.ruleId);
    expect(rules([february.id, april.id])).toEqual(["key-judgement-single-source"]);
    // Named as the library writes it, not as the comparison spells it.
    expect(lintDocument(judgementDoc([february.id, april.id]), lookup)[0]?.message).toContain(
      "rests on a single source (CSIS Beyond Parallel).",
    );
    const independent = observationRecord([tass], { credibility: 2 });
    const wider = toEvidenceLookup({ observations: [february, independent], sources: [csis, tass] });
    expect(lintDocument(judgementDoc([february.id, independent.id]), wider)).toEqual([]);
  });

  it("names a source by its file id when its publisher is blank, never by its uuid", () => {
    const blank = sourceRecord({ reliability: "B", publisher: " ", externalId: "S29" });
    const both = [observationRecord([blank], { credibility: 2 }), observationRecord([blank], { credibility: 2 })];
    const blankLookup = toEvidenceLookup({ observations: both, sources: [blank] });
    const [finding] = lintDocument(judgementDoc(both.map((observation) => observation.id)), blankLookup);
    expect(finding?.message).toContain("rests on a single source (S29).");
    expect(finding?.message).not.toContain(blank.id);
  });

  it("fills in a source the source list lacks from the observation's own copy of its grade", () => {
    const partial = toEvidenceLookup({ observations: [february], sources: [] });
    expect(partial.sources.get(csis.id)?.reliability).toBe("B");
  });
});

describe("observation labels and grades", () => {
  it("labels by file id, else by the start of the summary", () => {
    expect(observationLabel(april)).toBe("OBS-26");
    expect(
      observationLabel({ externalId: null, summary: "Roughly 1,000 containers moved from Rajin to Dunai in October" }),
    ).toBe("Roughly 1,000 containers moved…");
  });

  it("gives one two-character grade per distinct source reliability, never averaged", () => {
    expect(observationGrades(observationRecord([csis, tass], { credibility: 3 }))).toEqual(["B3", "E3"]);
    expect(observationGrades(observationRecord([], { credibility: 6 }))).toEqual(["F6"]);
  });
});
