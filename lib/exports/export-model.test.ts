import { describe, expect, it } from "vitest";
import type { VersionCitationDto } from "../schemas/lifecycle";
import { inlineText } from "./export-body";
import { exportFileName } from "./export-formats";
import { buildExportModel } from "./export-model";
import { SAMPLE_PUBLICATION, sampleVersionContent } from "./testing/sample-version-content";

describe("buildExportModel", () => {
  it("lists key judgements first, then the others, each with likelihood, range and confidence", () => {
    const model = buildExportModel(sampleVersionContent(), SAMPLE_PUBLICATION);
    expect(model.judgements.map((j) => [j.label, j.id, j.endnotes])).toEqual([
      ["Key judgement 1", "jdg_key1", [1, 2]],
      ["Key judgement 2", "jdg_key2", [2]],
      ["Judgement 1", "jdg_other", [2]],
    ]);
    expect(model.judgements[0]?.facts).toBe("Likelihood: likely (55–80%). Confidence: moderate.");
    expect(model.judgements[2]?.facts).toBe("Likelihood: likely (55–80%). Confidence: not set.");
    expect(model.judgements[1]?.unresolvedCount).toBe(1);
    expect(model.marking).toMatchObject({ tlp: "AMBER", label: "TLP:AMBER" });
  });

  it("has a legend with every ICD 203 band and confidence level", () => {
    const { legend } = buildExportModel(sampleVersionContent(), SAMPLE_PUBLICATION);
    expect(legend.likelihood.map((row) => `${row.term} ${row.range}`)).toEqual([
      "almost no chance 1–5%",
      "very unlikely 5–20%",
      "unlikely 20–45%",
      "roughly even chance 45–55%",
      "likely 55–80%",
      "very likely 80–95%",
      "almost certain 95–99%",
    ]);
    expect(legend.confidence.map((row) => row.label)).toEqual([
      "High confidence",
      "Moderate confidence",
      "Low confidence",
    ]);
    expect(legend.reliability).toHaveLength(6);
  });

  it("writes ICD 206 endnotes with originator, title, date, identifier, URL, grades and retrieval date", () => {
    const { endnotes } = buildExportModel(sampleVersionContent(), SAMPLE_PUBLICATION);
    expect(endnotes.map((note) => note.number)).toEqual([1, 2, 3]);
    expect(endnotes[0]?.sources[0]?.citation).toBe(
      "Maxar Technologies, “Tikhoretsk depot, 12 Feb 2024”, 12 Feb 2024, https://example.org/maxar/tikhoretsk; " +
        "reliability A (completely reliable), grade A2; retrieved 1 Mar 2024.",
    );
    expect(endnotes[0]?.sources[1]?.citation).toBe(
      "Reuters (J. Doe), “Rail cars seen at Russian depot”, Feb 2024; reliability B (usually reliable), grade B2; " +
        "retrieval date not recorded.",
    );
    // Frozen before exports: missing fields read as unknown, not as errors.
    expect(endnotes[1]?.text).toBe(
      "OBS-27: About 40 rail cars at the Tikhoretsk depot (observed Feb 2024, at Tikhoretsk depot). " +
        "Information credibility 4 (doubtful). Source: TASS, untitled, n.d.; attributed to Russian Ministry of Defence; " +
        "reliability D (not usually reliable), grade D4; retrieval date not recorded.",
    );
    expect(endnotes[2]?.text).toContain("Retracted");
    // The library's file ids are for cross-reference, not part of the citation.
    expect(endnotes[0]?.sources.map((note) => note.libraryId)).toEqual(["S01", "S03"]);
  });

  it("keeps the library's notes on a missing title or date and ends each sentence once", () => {
    const content = sampleVersionContent();
    const [first] = content.references;
    if (!first?.sources[0]) throw new Error("the sample cites a source");
    const relayed = {
      ...first.sources[0],
      externalId: "S07",
      publisher: "CSIS Beyond Parallel (Korea Chair)",
      title: null,
      titleNote: "relayed via Verkkouutiset",
      url: null,
      publishedOn: null,
      dateNote: "spring 2024 (after April 2024 imagery); exact date not found.",
      retrievedOn: null,
      authors: [],
    };
    content.references = [
      { ...first, summary: "About 50 rail cars; slightly over half of the storage areas in use.", sources: [relayed] },
    ];
    const [note] = buildExportModel(content, SAMPLE_PUBLICATION).endnotes;
    expect(note?.text).toBe(
      "OBS-26: About 50 rail cars; slightly over half of the storage areas in use (observed Feb 2024, at Tikhoretsk depot). " +
        "Information credibility 2 (probably true). Source: CSIS Beyond Parallel (Korea Chair), " +
        "untitled [relayed via Verkkouutiset], n.d. [spring 2024 (after April 2024 imagery); exact date not found]; " +
        "reliability A (completely reliable), grade A2; retrieval date not recorded.",
    );
    expect(note?.text).not.toContain("S07");
    expect(note?.sources[0]).toMatchObject({ titleNote: "relayed via Verkkouutiset", libraryId: "S07" });
  });

  it("summarises sources: kinds, grades, what key judgements rest on, single sources, corroboration, conflicts", () => {
    const { sourceSummary: summary } = buildExportModel(sampleVersionContent(), SAMPLE_PUBLICATION);
    expect(summary).toMatchObject({
      observationCount: 2,
      sourceCount: 3,
      sourceKinds: [
        { kind: "Imagery", count: 1 },
        { kind: "Kind not recorded", count: 1 },
        { kind: "Media", count: 1 },
      ],
      reliability: [
        { grade: "A", count: 1 },
        { grade: "B", count: 1 },
        { grade: "D", count: 1 },
      ],
      credibility: [
        { grade: 2, count: 1 },
        { grade: 4, count: 1 },
      ],
      singleSourceKeyJudgements: ["Key judgement 2"],
      retracted: ["observation 33333333"],
    });
    expect(summary.keyJudgements[0]?.originators).toEqual([
      "Maxar Technologies",
      "Reuters",
      "Russian Ministry of Defence",
    ]);
    expect(summary.corroborated.map((entry) => entry.subject)).toEqual(["OBS-26", "Key judgement 1"]);
    expect(summary.paragraphs.join("\n")).toContain(
      "Corroborated by independent originators reported by sources graded A–D: " +
        "OBS-26 (Maxar Technologies (A) and Reuters (B)); " +
        "Key judgement 1 (Maxar Technologies (A), Reuters (B) and Russian Ministry of Defence (D)).",
    );
    expect(summary.conflicts).toHaveLength(1);
    expect(summary.conflicts[0]?.explanation).toContain("≈60 in OBS-26");
    expect(summary.paragraphs.join("\n")).toContain("Key judgement 2 rests on TASS (D).");
    expect(summary.paragraphs[2]).toBe(
      "Strengths: 2 of 3 sources graded A or B; 1 of 2 observations graded 1 or 2. " +
        "Weaknesses: 1 source graded D (not usually reliable): TASS " +
        "(cited by Key judgement 1, Key judgement 2 and Judgement 1); " +
        "1 observation graded 4 (doubtful): OBS-27 (cited by Key judgement 1, Key judgement 2 and Judgement 1); " +
        "1 source reporting second-hand: TASS, relaying Russian Ministry of Defence " +
        "(cited by Key judgement 1, Key judgement 2 and Judgement 1).",
    );
    expect(summary.paragraphs.join("\n")).toContain(
      "Single-source key judgements (one originator or none): Key judgement 2.",
    );
  });

  it("leaves retracted observations, and sources reporting only them, out of the counts, grades and strengths", () => {
    const content = sampleVersionContent();
    const rok = {
      id: "eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee",
      externalId: "S10",
      publisher: "ROK Ministry of National Defense",
      title: "Briefing on DPRK arms transfers",
      reliability: "B" as const,
      attributedTo: null,
    };
    // The retracted observation was graded 1 and is the only one reporting an A/B-graded ministry.
    content.references = content.references.map((r) =>
      r.retracted ? { ...r, externalId: "OBS-20", credibility: 1, sources: [rok] } : r,
    );
    content.judgements = content.judgements.map((j) => ({
      ...j,
      citations: j.citations.map((c) => content.references.find((r) => r.number === c.number) ?? c),
    }));
    const { sourceSummary: summary } = buildExportModel(content, SAMPLE_PUBLICATION);
    expect(summary).toMatchObject({
      observationCount: 2,
      sourceCount: 3,
      reliability: [
        { grade: "A", count: 1 },
        { grade: "B", count: 1 },
        { grade: "D", count: 1 },
      ],
      credibility: [
        { grade: 2, count: 1 },
        { grade: 4, count: 1 },
      ],
      retracted: ["OBS-20"],
      retractedOnlySources: ["ROK Ministry of National Defense (B)"],
    });
    expect(summary.paragraphs[0]).toBe(
      "This assessment cites 2 current observations drawn from 3 sources (1 imagery, 1 kind not recorded and 1 media). " +
        "Retracted when this version was frozen, and not counted below as support: OBS-20, " +
        "nor is the source reporting nothing else: ROK Ministry of National Defense (B).",
    );
    expect(summary.paragraphs[2]).toContain(
      "Strengths: 2 of 3 sources graded A or B; 1 of 2 observations graded 1 or 2.",
    );
  });

  it("says the judgements rest on no current source when every cited observation was retracted", () => {
    const content = sampleVersionContent();
    content.references = content.references.map((r) => ({ ...r, retracted: true }));
    const { sourceSummary: summary } = buildExportModel(content, SAMPLE_PUBLICATION);
    expect(summary).toMatchObject({ observationCount: 0, sourceCount: 0, reliability: [], credibility: [] });
    expect(summary.paragraphs).toEqual([
      "Every observation this assessment cites was retracted when this version was frozen " +
        "(OBS-26, OBS-27 and observation 33333333): its judgements rest on no current source.",
    ]);
  });

  it("does not count the disputed originators of one observation as independent corroboration", () => {
    const content = sampleVersionContent();
    const state = {
      id: "f1f1f1f1-f1f1-4f1f-8f1f-f1f1f1f1f1f1",
      externalId: "S09",
      publisher: "U.S. Department of State",
      title: "Fact sheet",
      reliability: "B" as const,
      attributedTo: null,
    };
    const csis = {
      id: "f2f2f2f2-f2f2-4f2f-8f2f-f2f2f2f2f2f2",
      externalId: "S07",
      publisher: "CSIS Beyond Parallel",
      title: null,
      reliability: "C" as const,
      attributedTo: "The White House",
    };
    // OBS-19: one figure, which S09 gives to State and S07 to the White House.
    const containers = {
      ...(content.references[0] as VersionCitationDto),
      number: 4,
      observationId: "44444444-4444-4444-8444-444444444444",
      externalId: "OBS-19",
      summary: "10,000 containers shipped",
      site: "Rajin port",
      quantities: [{ metric: "containers", value: 10000, unit: null, approximate: false }],
      sources: [state, csis],
    };
    content.references = [...content.references, containers];
    content.judgements = content.judgements.map((j) =>
      j.id === "jdg_key1"
        ? { ...j, citations: [...j.citations, containers] }
        : j.id === "jdg_key2"
          ? { ...j, citations: [containers] }
          : j,
    );
    const { sourceSummary: summary } = buildExportModel(content, SAMPLE_PUBLICATION);
    expect(summary.conflicts.map((c) => c.kind)).toEqual(["attribution", "value"]);
    expect(summary.corroborated).toEqual([
      { subject: "OBS-26", originators: ["Maxar Technologies (A)", "Reuters (B)"], weakOriginators: [] },
      {
        subject: "Key judgement 1",
        originators: ["Maxar Technologies (A)", "Reuters (B)", "Russian Ministry of Defence (D)"],
        weakOriginators: [],
      },
    ]);
    // A key judgement resting only on the disputed figure rests on one originator, whoever it is.
    expect(summary.keyJudgements[1]).toMatchObject({
      originators: ["U.S. Department of State or The White House"],
      isSingleSource: true,
    });
    expect(summary.singleSourceKeyJudgements).toEqual(["Key judgement 2"]);
    expect(summary.paragraphs.join("\n")).toContain(
      "Not counted towards any key judgement's corroboration, as their sources dispute who originated them: OBS-19.",
    );
    // Sources are named as in the rest of the statement, not by the library's file ids (S09, S07).
    expect(summary.conflicts[0]?.explanation).toBe(
      "The sources of OBS-19 attribute it to different originators: U.S. Department of State and " +
        "The White House [according to CSIS Beyond Parallel].",
    );
    expect(summary.paragraphs.join("\n")).not.toMatch(/\bS0[79]\b/);
  });

  it("numbers each cluster of citations in ascending order", () => {
    const content = sampleVersionContent();
    const [first, second] = content.references;
    if (!first || !second) throw new Error("sample changed");
    content.judgements = content.judgements.map((j) =>
      j.id === "jdg_key1" ? { ...j, citations: [second, first] } : j,
    );
    const cite = (observationId: string) => ({ type: "citation", attrs: { observationId } });
    content.document = {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [{ type: "text", text: "Cars" }, cite(second.observationId), cite("x"), cite(first.observationId)],
        },
        {
          type: "judgement",
          attrs: { id: "jdg_key1", isKey: true, citations: [second.observationId, first.observationId] },
          content: [{ type: "text", text: "The depot is likely to keep handling munitions." }],
        },
      ],
    };
    const model = buildExportModel(content, SAMPLE_PUBLICATION);
    expect(model.judgements[0]?.endnotes).toEqual([1, 2]);
    const [paragraph, judgement] = model.blocks;
    expect(paragraph?.kind === "paragraph" && inlineText(paragraph.inlines)).toBe("Cars[1][2][?]");
    expect(judgement).toMatchObject({ kind: "judgement", chips: [1, 2] });
  });

  it("tells apart two sources of one publisher behind a key judgement, by title, else date, else title note", () => {
    const content = sampleVersionContent();
    const [first] = content.references;
    const maxar = first?.sources[0];
    if (!first || !maxar) throw new Error("sample changed");
    const sameMaxar = {
      ...maxar,
      id: "dddddddd-dddd-4ddd-8ddd-dddddddddddd",
      title: null,
      publishedOn: null,
      titleNote: "relayed via Verkkouutiset; original not found",
    };
    content.references = content.references.map((r) =>
      r === first ? { ...r, sources: [...r.sources, sameMaxar] } : r,
    );
    content.judgements = content.judgements.map((j) => ({
      ...j,
      citations: j.citations.map((c) => content.references.find((r) => r.number === c.number) ?? c),
    }));
    const { sourceSummary: summary } = buildExportModel(content, SAMPLE_PUBLICATION);
    expect(summary.paragraphs.join("\n")).toContain(
      "Key judgement 1 rests on Maxar Technologies, “Tikhoretsk depot, 12 Feb 2024” (A), Reuters (B), " +
        "Maxar Technologies, untitled [relayed via Verkkouutiset] (A) and TASS (D).",
    );
    // Without a second source of the same publisher, the publisher alone.
    expect(summary.paragraphs.join("\n")).toContain("Key judgement 2 rests on TASS (D).");
  });

  it("names key judgements resting only on weak grades (E, F, 5, 6) among the weaknesses", () => {
    const content = sampleVersionContent();
    content.references = content.references.map((r) => (r.number === 2 ? { ...r, credibility: 5 } : r));
    content.judgements = content.judgements.map((j) => ({
      ...j,
      citations: j.citations.map((c) => content.references.find((r) => r.number === c.number) ?? c),
    }));
    const { sourceSummary: summary } = buildExportModel(content, SAMPLE_PUBLICATION);
    expect(summary.weakKeyJudgements).toEqual(["Key judgement 2"]);
    expect(summary.paragraphs[2]).toContain("1 observation graded 5 (improbable): OBS-27");
    expect(summary.paragraphs[2]).toContain(
      "; Key judgement 2 resting only on sources graded E or F or information graded 5 or 6.",
    );
  });

  it("names untraceable sources and F- and 6-graded evidence as weaknesses, or says there are none", () => {
    const content = sampleVersionContent();
    const [first, second] = content.references;
    if (!first?.sources[0] || !first.sources[1] || !second) throw new Error("sample changed");
    const untitled = {
      ...first.sources[0],
      publisher: "CSIS Beyond Parallel (Korea Chair)",
      title: null,
      titleNote: "relayed via Verkkouutiset",
      url: null,
      publishedOn: null,
      reliability: "C" as const,
    };
    const unjudged = { ...first.sources[1], reliability: "F" as const };
    content.references = [
      { ...first, sources: [untitled, unjudged] },
      { ...second, credibility: 6 },
    ];
    const weak = buildExportModel(content, SAMPLE_PUBLICATION).sourceSummary;
    expect(weak.weaknesses.map(({ kind, grade, subjects }) => [kind, grade, subjects])).toEqual([
      ["reliability", "D", ["TASS"]],
      ["reliability", "F", ["Reuters"]],
      ["credibility", "6", ["OBS-27"]],
      ["untraceable", null, ["CSIS Beyond Parallel (Korea Chair)"]],
      ["relayed", null, ["TASS, relaying Russian Ministry of Defence"]],
    ]);
    expect(weak.paragraphs[2]).toContain(
      "1 source graded F (reliability cannot be judged): Reuters (cited by Key judgement 1); " +
        "1 observation graded 6 (truth cannot be judged): OBS-27 (cited by Key judgement 1, Key judgement 2 and Judgement 1); " +
        "1 source with neither title nor URL to trace it by: CSIS Beyond Parallel (Korea Chair) (cited by Key judgement 1);",
    );

    // Only A/B sources, first-hand, traceable, information graded 1–3: nothing to report.
    content.references = [{ ...first, credibility: 3 }];
    content.judgements = content.judgements.map((j) => ({ ...j, citations: [] }));
    const strong = buildExportModel(content, SAMPLE_PUBLICATION).sourceSummary;
    expect(strong.weaknesses).toEqual([]);
    expect(strong.paragraphs[2]).toBe(
      "Strengths: 2 of 2 sources graded A or B; 0 of 1 observation graded 1 or 2. " +
        "No notable weaknesses found: no source is graded D, E or F, no information 4, 5 or 6, " +
        "and every source has a title or URL and reports first-hand.",
    );
  });

  it("counts as corroboration only originators reported by sources graded A–D, naming E/F-only ones apart", () => {
    const content = sampleVersionContent();
    // OBS-26 now rests on an F and an E source, with credibility 6: two originators, neither able to confirm it.
    content.references = content.references.map((r) =>
      r.number === 1
        ? {
            ...r,
            credibility: 6,
            sources: r.sources.map((source, index) => ({ ...source, reliability: index === 0 ? "F" : "E" }) as const),
          }
        : r,
    );
    content.judgements = content.judgements.map((j) => ({
      ...j,
      citations: j.citations.map((c) => content.references.find((r) => r.number === c.number) ?? c),
    }));
    const { sourceSummary: summary } = buildExportModel(content, SAMPLE_PUBLICATION);
    expect(summary.corroborated).toEqual([]);
    expect(summary.notCorroborated).toEqual([
      { subject: "OBS-26", originators: [], weakOriginators: ["Maxar Technologies (F)", "Reuters (E)"] },
      {
        subject: "Key judgement 1",
        originators: ["Russian Ministry of Defence (D)"],
        weakOriginators: ["Maxar Technologies (F)", "Reuters (E)"],
      },
    ]);
    const text = summary.paragraphs.join("\n");
    expect(text).not.toContain("Corroborated by");
    expect(text).toContain(
      "No cited observation or key judgement is corroborated by more than one independent originator graded A–D. " +
        "Not corroborated, as sources graded E (unreliable) or F (reliability cannot be judged) confirm nothing: " +
        "OBS-26 is reported only by sources graded E or F: Maxar Technologies (F) and Reuters (E); " +
        "Key judgement 1 by Russian Ministry of Defence (D), otherwise only by sources graded E or F: " +
        "Maxar Technologies (F) and Reuters (E).",
    );
  });

  it("turns the text into blocks with citations mapped to endnote numbers", () => {
    const { blocks } = buildExportModel(sampleVersionContent(), SAMPLE_PUBLICATION);
    expect(blocks.map((block) => block.kind)).toEqual([
      "heading",
      "paragraph",
      "list-item",
      "list-item",
      "judgement",
      "judgement",
      "judgement",
    ]);
    const paragraph = blocks[1];
    expect(paragraph?.kind === "paragraph" && inlineText(paragraph.inlines)).toBe("Imagery shows many cars.[1][?]");
    expect(blocks[3]).toMatchObject({ kind: "list-item", marker: "2.", depth: 0 });
    expect(blocks[4]).toMatchObject({ kind: "judgement", judgementId: "jdg_other", chips: [2] });
  });

  it("names files by title slug and publication number, or version number for other versions", () => {
    const publication = { number: 3, publicationNumber: 1 };
    expect(exportFileName("Rail logistics: Tikhoretsk", publication, "docx")).toBe(
      "rail-logistics-tikhoretsk-publication-1.docx",
    );
    expect(exportFileName("Зима", { number: 1, publicationNumber: null }, "pdf")).toBe("assessment-v1.pdf");
  });
});
