import { describe, expect, it } from "vitest";
import type { VersionCitationDto, VersionContentDto, VersionJudgementDto } from "../schemas/lifecycle";
import { diffVersions } from "./diff-versions";

const FEBRUARY = citation("00000000-0000-4000-8000-000000000001", "About 60 rail cars at the depot");
const APRIL = citation("00000000-0000-4000-8000-000000000002", "About 50 rail cars at the depot");
const REVIEWER = { id: "00000000-0000-4000-8000-0000000000aa", name: "Casey Reviewer" };

function citation(observationId: string, summary: string): VersionCitationDto {
  return {
    number: 1,
    observationId,
    externalId: null,
    summary,
    observed: { precision: "month", start: "2024-02-01", end: "2024-02-29" },
    site: null,
    credibility: 2,
    revision: 1,
    retracted: false,
    sources: [],
  };
}

function judgement(id: string, overrides: Partial<VersionJudgementDto> = {}): VersionJudgementDto {
  return {
    id,
    position: 0,
    statement: "Tikhoretsk is likely to remain crucial.",
    isKey: false,
    likelihood: { band: "likely", term: "likely", range: "55–80%" },
    confidence: { level: "moderate", label: "Moderate confidence" },
    citations: [FEBRUARY],
    unresolvedCitations: [],
    approvals: [],
    ...overrides,
  };
}

const paragraph = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });
const heading = (text: string, level = 2) => ({ type: "heading", attrs: { level }, content: [{ type: "text", text }] });
const judgementNode = (id: string) => ({ type: "judgement", attrs: { id }, content: [{ type: "text", text: "x" }] });

function content(judgements: VersionJudgementDto[], blocks: unknown[] = [], title = "Rail logistics") {
  return {
    assessment: { id: "00000000-0000-4000-8000-0000000000ff", title, keyQuestion: "", tlp: "AMBER" },
    judgements,
    document: { type: "doc", content: blocks },
  } as Pick<VersionContentDto, "assessment" | "judgements" | "document">;
}

describe("diffVersions: judgements", () => {
  it("word-diffs a changed statement and says nothing else changed", () => {
    const diff = diffVersions(
      content([judgement("jdg_a")]),
      content([judgement("jdg_a", { statement: "Tikhoretsk is very likely to remain crucial." })]),
    );
    expect(diff.judgements).toHaveLength(1);
    const [changed] = diff.judgements;
    expect(changed).toMatchObject({ id: "jdg_a", change: "changed", statement: { isChanged: true } });
    expect(changed?.statement.diff).toEqual([
      { kind: "same", text: "Tikhoretsk is " },
      { kind: "added", text: "very " },
      { kind: "same", text: "likely to remain crucial." },
    ]);
    expect(changed?.likelihood.isChanged).toBe(false);
    expect(changed?.confidence.isChanged).toBe(false);
    expect(changed?.citationsAdded).toEqual([]);
    expect(changed?.citationsRemoved).toEqual([]);
  });

  it("shows likelihood, confidence and key flag before and after", () => {
    const diff = diffVersions(
      content([judgement("jdg_a")]),
      content([
        judgement("jdg_a", {
          likelihood: { band: "very_likely", term: "very likely", range: "80–95%" },
          confidence: null,
          isKey: true,
        }),
      ]),
    );
    const [changed] = diff.judgements;
    expect(changed?.change).toBe("changed");
    expect(changed?.statement.isChanged).toBe(false);
    expect(changed?.likelihood).toMatchObject({
      before: { band: "likely" },
      after: { band: "very_likely", range: "80–95%" },
      isChanged: true,
    });
    expect(changed?.confidence).toMatchObject({ before: { level: "moderate" }, after: null, isChanged: true });
    expect(changed?.isKey).toEqual({ before: false, after: true, isChanged: true });
  });

  it("lists citations added and removed with their observations", () => {
    const diff = diffVersions(content([judgement("jdg_a")]), content([judgement("jdg_a", { citations: [APRIL] })]));
    const [changed] = diff.judgements;
    expect(changed?.change).toBe("changed");
    expect(changed?.citationsAdded.map((cited) => cited.summary)).toEqual(["About 50 rail cars at the depot"]);
    expect(changed?.citationsRemoved.map((cited) => cited.summary)).toEqual(["About 60 rail cars at the depot"]);
  });

  it("reports a cited observation revised and re-graded between the versions as a change", () => {
    const regraded = { ...FEBRUARY, revision: 2, credibility: 5 };
    const diff = diffVersions(
      content([judgement("jdg_a", { citations: [{ ...FEBRUARY, credibility: 6 }] })]),
      content([judgement("jdg_a", { citations: [regraded] })]),
    );
    const [changed] = diff.judgements;
    expect(changed?.change).toBe("changed");
    expect(changed?.citationsAdded).toEqual([]);
    expect(changed?.citationsRemoved).toEqual([]);
    expect(changed?.citationsRevised).toHaveLength(1);
    expect(changed?.citationsRevised[0]).toMatchObject({
      before: { credibility: 6, revision: 1 },
      after: { credibility: 5, revision: 2 },
      description: "revised (revision 1 → 2); re-graded: credibility 6 → 5 (Improbable)",
    });
  });

  it("says what a revision changed in a cited observation: its figures, period, site, summary and sources", () => {
    const source = {
      id: "00000000-0000-4000-8000-0000000000b2",
      externalId: "S07",
      publisher: "Yle",
      title: null,
      reliability: "C" as const,
      attributedTo: "CSIS",
    };
    const rail = (value: number) => [{ metric: "rail_cars", value, unit: null, approximate: true }];
    const then = { ...FEBRUARY, quantities: rail(60), sources: [source] };
    const now = {
      ...FEBRUARY,
      revision: 3,
      credibility: 3,
      quantities: [...rail(65), { metric: "trailers", value: 12, unit: null, approximate: false }],
      observed: { precision: "day" as const, start: "2024-02-23", end: "2024-02-23" },
      site: "Tikhoretsk",
      summary: "About 65 rail cars at the depot",
      sources: [{ ...source, attributedTo: "CSIS Beyond Parallel" }],
    };
    const diff = diffVersions(
      content([judgement("jdg_a", { citations: [then] })]),
      content([judgement("jdg_a", { citations: [now] })]),
    );
    expect(diff.judgements[0]?.citationsRevised[0]?.description).toBe(
      "revised (revision 1 → 3): rail cars ≈60 → ≈65; trailers added: 12; observed Feb 2024 → 23 Feb 2024; " +
        "site none → Tikhoretsk; summary reworded; Yle (S07) attributes it to CSIS Beyond Parallel (was CSIS); " +
        "re-graded: credibility 2 → 3 (Possibly true)",
    );
  });

  it("reports a cited observation's source re-graded or the observation retracted", () => {
    const source = {
      id: "00000000-0000-4000-8000-0000000000b1",
      externalId: "S1",
      publisher: "Known-bad blog",
      title: null,
      reliability: "F" as const,
      attributedTo: null,
    };
    const diff = diffVersions(
      content([judgement("jdg_a", { citations: [{ ...FEBRUARY, sources: [source] }] })]),
      content([
        judgement("jdg_a", {
          citations: [{ ...FEBRUARY, retracted: true, sources: [{ ...source, reliability: "A" }] }],
        }),
      ]),
    );
    expect(diff.judgements[0]?.change).toBe("changed");
    expect(diff.judgements[0]?.citationsRevised[0]?.description).toBe("re-graded: source reliability F → A; retracted");
  });

  it("lists no revised citation when the cited observations are the same", () => {
    const diff = diffVersions(content([judgement("jdg_a")]), content([judgement("jdg_a")]));
    expect(diff.judgements[0]).toMatchObject({ change: "unchanged", citationsRevised: [] });
    expect(diff.judgements[0]?.approvals.isChanged).toBe(false);
  });

  it("counts an unresolved citation added as a change", () => {
    const diff = diffVersions(
      content([judgement("jdg_a")]),
      content([judgement("jdg_a", { unresolvedCitations: ["obs-unknown"] })]),
    );
    expect(diff.judgements[0]?.change).toBe("changed");
  });

  it("carries the approvals at each point, which alone are no change to the judgement", () => {
    const approval = { reviewer: REVIEWER, approvedAt: "2026-04-01T10:00:00.000Z" };
    const diff = diffVersions(content([judgement("jdg_a")]), content([judgement("jdg_a", { approvals: [approval] })]));
    expect(diff.judgements[0]).toMatchObject({
      change: "unchanged",
      approvals: { before: [], after: [approval], isChanged: true },
    });
  });

  it("marks added and removed judgements, keeping removed ones where they stood", () => {
    const diff = diffVersions(
      content([judgement("jdg_a"), judgement("jdg_b", { statement: "Gone." }), judgement("jdg_c")]),
      content([judgement("jdg_a"), judgement("jdg_c"), judgement("jdg_d", { statement: "New one." })]),
    );
    expect(diff.judgements.map((item) => `${item.id}:${item.change}`)).toEqual([
      "jdg_a:unchanged",
      "jdg_b:removed",
      "jdg_c:unchanged",
      "jdg_d:added",
    ]);
    const removed = diff.judgements[1];
    expect(removed?.statement).toMatchObject({
      before: "Gone.",
      after: null,
      diff: [{ kind: "removed", text: "Gone." }],
    });
    expect(removed?.citationsRemoved.map((cited) => cited.observationId)).toEqual([FEBRUARY.observationId]);
    const added = diff.judgements[3];
    expect(added?.statement.diff).toEqual([{ kind: "added", text: "New one." }]);
    expect(added?.citationsAdded).toHaveLength(1);
  });

  it("places a judgement removed from the front first", () => {
    const diff = diffVersions(content([judgement("jdg_a"), judgement("jdg_b")]), content([judgement("jdg_b")]));
    expect(diff.judgements.map((item) => `${item.id}:${item.change}`)).toEqual(["jdg_a:removed", "jdg_b:unchanged"]);
  });
});

describe("diffVersions: the other text", () => {
  it("finds paragraphs added, removed and edited, and leaves judgements and unchanged blocks out", () => {
    const diff = diffVersions(
      content(
        [],
        [heading("Scope"), paragraph("Rail traffic rose in April."), judgementNode("jdg_a"), paragraph("Old note.")],
      ),
      content(
        [],
        [heading("Scope"), paragraph("Rail traffic fell in April."), judgementNode("jdg_a"), paragraph("New outlook.")],
      ),
    );
    expect(diff.blocks).toEqual([
      {
        change: "changed",
        type: "paragraph",
        before: "Rail traffic rose in April.",
        after: "Rail traffic fell in April.",
        diff: [
          { kind: "same", text: "Rail traffic " },
          { kind: "removed", text: "rose" },
          { kind: "added", text: "fell" },
          { kind: "same", text: " in April." },
        ],
      },
      {
        change: "changed",
        type: "paragraph",
        before: "Old note.",
        after: "New outlook.",
        diff: [
          { kind: "removed", text: "Old note." },
          { kind: "added", text: "New outlook." },
        ],
      },
    ]);
  });

  it("names headings and list items, and reports a block added or removed alone", () => {
    const list = { type: "bulletList", content: [{ type: "listItem", content: [paragraph("Imagery from Maxar")] }] };
    const diff = diffVersions(
      content([], [paragraph("Intro.")]),
      content([], [heading("Sources", 3), paragraph("Intro."), list]),
    );
    expect(diff.blocks.map((block) => `${block.change} ${block.type}: ${block.after}`)).toEqual([
      "added heading 3: Sources",
      "added bullet list item: Imagery from Maxar",
    ]);
    const back = diffVersions(
      content([], [heading("Sources", 3), paragraph("Intro.")]),
      content([], [paragraph("Intro.")]),
    );
    expect(back.blocks).toEqual([
      {
        change: "removed",
        type: "heading 3",
        before: "Sources",
        after: null,
        diff: [{ kind: "removed", text: "Sources" }],
      },
    ]);
  });

  it("reports a renamed title and nothing when the content is the same", () => {
    const same = diffVersions(
      content([judgement("jdg_a")], [paragraph("Intro.")]),
      content([judgement("jdg_a")], [paragraph("Intro.")]),
    );
    expect(same.blocks).toEqual([]);
    expect(same.title.isChanged).toBe(false);
    expect(same.judgements.every((item) => item.change === "unchanged")).toBe(true);
    const renamed = diffVersions(content([], [], "Rail"), content([], [], "Rail logistics"));
    expect(renamed.title).toEqual({ before: "Rail", after: "Rail logistics", isChanged: true });
  });
});
