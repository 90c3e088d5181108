import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { createEvidenceLookup } from "@/lib/tradecraft";
import { editorSchema } from "./editor-schema";
import { lintDocument } from "./lint-document";

function docOf(content: JSONContent[]) {
  return editorSchema().nodeFromJSON({ type: "doc", content });
}

const judgement = (attrs: Record<string, unknown>, text: string): JSONContent => ({
  type: "judgement",
  attrs: { id: "jdg_1", likelihood: "likely", confidence: "moderate", citations: ["OBS-01"], ...attrs },
  content: [{ type: "text", text }],
});

describe("lintDocument", () => {
  it("finds a judgement without citations and places the finding at its statement", () => {
    const doc = docOf([
      { type: "paragraph", content: [{ type: "text", text: "Context." }] },
      judgement({ citations: [] }, "Tikhoretsk is likely to remain crucial."),
    ]);
    const findings = lintDocument(doc);
    expect(findings.map((finding) => finding.ruleId)).toEqual(["missing-citation"]);
    const [finding] = findings;
    expect(finding?.judgementKey).toBe("jdg_1");
    expect(doc.nodeAt(finding?.blockPos ?? -1)?.type.name).toBe("judgement");
    expect(doc.resolve(finding?.from ?? 0).parent.type.name).toBe("judgement");
    expect(finding?.why).toMatch(/ICD 206/);
  });

  it("underlines the sentence that mixes a likelihood with a confidence level, in paragraphs and statements", () => {
    const doc = docOf([
      {
        type: "paragraph",
        content: [
          { type: "text", text: "Imagery shows 50 rail cars." },
          { type: "hardBreak" },
          { type: "text", text: "We assess with " },
          { type: "text", text: "high confidence", marks: [{ type: "bold" }] },
          { type: "text", text: " that the depot is likely to stay open." },
        ],
      },
      judgement({}, "Shipments will continue. It is very likely, with high confidence, to grow."),
    ]);
    const mixed = lintDocument(doc).filter((finding) => finding.ruleId === "likelihood-and-confidence-in-one-sentence");
    expect(mixed.map((finding) => doc.textBetween(finding.from, finding.to))).toEqual([
      "It is very likely, with high confidence, to grow.",
      "We assess with high confidence that the depot is likely to stay open.",
    ]);
    expect(mixed[0]?.judgementKey).toBe("jdg_1");
    expect(mixed[1]?.judgementKey).toBeUndefined();
  });

  it("checks citations against the library only when it is given", () => {
    const doc = docOf([judgement({ citations: ["OBS-404"] }, "Tikhoretsk is likely to remain crucial.")]);
    expect(lintDocument(doc)).toEqual([]);
    const evidence = createEvidenceLookup({ observations: [], sources: [] });
    expect(lintDocument(doc, evidence).map((finding) => finding.ruleId)).toEqual(["unknown-citation"]);
  });

  it("underlines wording that says another band than the judgement's likelihood, as the editor's panel lists it", () => {
    const statement = "North Korean munitions are probably being routed to storage sites in southern Russia.";
    const doc = docOf([judgement({ likelihood: "very_likely" }, statement)]);
    const [finding] = lintDocument(doc).filter((found) => found.ruleId === "statement-contradicts-likelihood");
    expect(finding && doc.textBetween(finding.from, finding.to)).toBe("probably");
    expect(finding?.judgementKey).toBe("jdg_1");
    expect(finding?.message).toMatch(
      /^The statement says “probably” \(likely, 55–80%\) but the judgement's likelihood is very likely \(80–95%\)\./,
    );
    const agreeing = docOf([judgement({ likelihood: "likely" }, statement)]);
    expect(lintDocument(agreeing).map((found) => found.ruleId)).not.toContain("statement-contradicts-likelihood");
  });

  it("keeps findings of two judgements apart when one was written without an id", () => {
    const doc = docOf([
      judgement({ id: null, citations: [] }, "A is likely."),
      judgement({ citations: [] }, "B is likely."),
    ]);
    const keys = lintDocument(doc).map((finding) => finding.judgementKey);
    expect(new Set(keys).size).toBe(2);
    expect(keys).toContain("jdg_1");
  });
});
