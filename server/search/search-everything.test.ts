import { beforeAll, describe, expect, it } from "vitest";
import type { SearchHit, SearchQueryInput } from "@/lib/schemas/search";
import { operatorActor } from "../auth/actor";
import { searchEverything } from "./search-everything";
import {
  createSearchTeams,
  insertAssessment,
  insertComments,
  insertObservation,
  insertSite,
  insertSource,
  markCommentDeleted,
} from "./search-test-fixtures";

/**
 * One team's workspace about North Korean munitions moving by rail to Russia, and another
 * team's workspace using the same words. Every record mentions a word of its own as well, so
 * each test can aim at exactly the records it is about.
 */
async function createWorld() {
  const teams = await createSearchTeams();
  const { workspaceId, analyst, otherWorkspaceId, strangerOwner } = teams;
  const tikhoretsk = await insertSite(workspaceId, "Tikhoretsk rail depot");
  const csis = await insertSource(workspaceId, {
    publisher: "CSIS Beyond Parallel",
    title: "Satellite imagery of the Tikhoretsk depot",
    descriptor: "Commercial imagery analysis of the railhead",
    reliability: "B",
  });
  const rumours = await insertSource(workspaceId, {
    publisher: "Telegram channel",
    title: "Rumours",
    reliability: "E",
  });
  const railCars = await insertObservation(
    workspaceId,
    { summary: "About 50 rail cars at the Tikhoretsk depot", kind: "rail activity", siteId: tikhoretsk.id },
    [csis.id],
  );
  const crates = await insertObservation(
    workspaceId,
    {
      summary: "Ammunition crates unloaded at Rajin port",
      notes: "Reported by a single channel; the photographs are undated.",
      observedPrecision: "day",
      observedStart: "2023-10-05",
      observedEnd: "2023-10-05",
      credibility: 4,
    },
    [rumours.id],
  );
  const munitions = await insertAssessment(
    workspaceId,
    {
      title: "Munitions transfers through Tikhoretsk",
      keyQuestion: "Will the rail route stay in use?",
      status: "draft",
      paragraphs: ["Shipments continue across the Tumen river bridge."],
      judgements: [
        {
          id: "jdg_rail",
          statement: "Tikhoretsk is likely to remain crucial for handling North Korean munitions sent to Russia.",
          citations: [railCars.id],
        },
      ],
    },
    analyst,
  );
  const naval = await insertAssessment(
    workspaceId,
    {
      title: "Naval logistics in the Sea of Japan",
      status: "published",
      paragraphs: ["Some cargo may continue by rail towards Tikhoretsk after unloading at Vostochny."],
      judgements: [{ id: "jdg_port", statement: "Vostochny port very likely handles the sea leg of the transfers." }],
    },
    analyst,
  );
  const thread = await insertComments(workspaceId, munitions, "jdg_rail", analyst, [
    "The wagon count needs a second source before review.",
    "Obsolete remark about wolframite shipments.",
  ]);
  await markCommentDeleted(thread.commentIds[1] ?? "");
  // The other team writes about the very same subjects.
  await insertAssessment(
    otherWorkspaceId,
    {
      title: "Tikhoretsk munitions wagon count",
      paragraphs: ["Rajin ammunition crates and wolframite."],
      judgements: [{ id: "jdg_other", statement: "Tikhoretsk munitions flow is very likely to grow." }],
    },
    strangerOwner,
  );
  await insertObservation(otherWorkspaceId, { summary: "Tikhoretsk depot wagon count of 70" });
  await insertSource(otherWorkspaceId, { publisher: "CSIS Beyond Parallel", title: "Tikhoretsk imagery" });
  return {
    ...teams,
    site: tikhoretsk.id,
    csis: csis.id,
    railCars: railCars.id,
    crates: crates.id,
    munitions,
    naval,
    thread,
  };
}

let world: Awaited<ReturnType<typeof createWorld>>;
beforeAll(async () => {
  world = await createWorld();
});

/** The hits of a search by the team's viewer (or `actor`). */
async function search(query: SearchQueryInput, actor = world.viewer): Promise<SearchHit[]> {
  return (await searchEverything({ actor, query })).hits;
}
const labels = (hits: SearchHit[]) => hits.map((hit) => `${hit.type}:${hit.id}`);

describe("searchEverything", () => {
  it("finds every type of record, each linking to its page", async () => {
    const byType = async (q: string, type: SearchHit["type"]) => (await search({ q, type: [type] }))[0];
    expect(await byType("munitions transfers", "assessment")).toMatchObject({
      id: world.munitions,
      url: `/w/${world.workspaceId}/a/${world.munitions}`,
    });
    expect(await byType("crucial", "judgement")).toMatchObject({
      id: "jdg_rail",
      assessmentId: world.munitions,
      title: "Munitions transfers through Tikhoretsk",
      url: `/w/${world.workspaceId}/a/${world.munitions}#judgement-jdg_rail`,
    });
    expect(await byType("rail cars", "observation")).toMatchObject({
      id: world.railCars,
      title: "Tikhoretsk rail depot",
      context: "rail activity · observed 2024-04-01 – 2024-04-30 · credibility 2 (Probably true)",
      url: `/w/${world.workspaceId}/library/observations/${world.railCars}`,
    });
    expect(await byType("railhead", "source")).toMatchObject({
      id: world.csis,
      title: "Satellite imagery of the Tikhoretsk depot",
      context: "CSIS Beyond Parallel · reliability B (Usually reliable)",
      url: `/w/${world.workspaceId}/library/sources/${world.csis}`,
    });
    expect(await byType("wagon", "comment")).toMatchObject({
      id: world.thread.commentIds[0],
      url: `/w/${world.workspaceId}/a/${world.munitions}#thread-${world.thread.threadId}`,
    });
  });

  it("ranks a title or statement hit above a hit in the body only", async () => {
    const hits = await search({ q: "tikhoretsk", type: ["assessment"] });
    expect(labels(hits)).toEqual([`assessment:${world.munitions}`, `assessment:${world.naval}`]);
    expect(hits[0]?.rank).toBeGreaterThan(hits[1]?.rank ?? 1);
    // The body-only hit shows the body line that matched, not the start of the document.
    expect(hits[1]?.snippet.find((part) => part.match)?.text).toBe("Tikhoretsk");
    // Across types too: the judgement whose statement says "crucial" beats the assessment whose body does.
    const crucial = await search({ q: "crucial" });
    expect(labels(crucial).slice(0, 2)).toEqual(["judgement:jdg_rail", `assessment:${world.munitions}`]);
  });

  it("highlights the matched words, stemmed, in a plain-text snippet", async () => {
    const [hit] = await search({ q: "munition", type: ["judgement"] });
    expect(hit?.snippet.filter((part) => part.match).map((part) => part.text)).toEqual(["munitions"]);
    expect(hit?.snippet.map((part) => part.text).join("")).toContain("North Korean munitions sent to Russia");
  });

  it("matches the last word as a prefix while it is being typed", async () => {
    expect(labels(await search({ q: "rail tikhor", type: ["observation"] }))).toEqual([
      `observation:${world.railCars}`,
    ]);
    expect(await search({ q: '"tikhor"' })).toEqual([]);
  });

  it("never returns a hit from a workspace the user is not a member of", async () => {
    for (const q of ["tikhoretsk", "wagon", "munitions", "rajin crates", "csis"]) {
      const hits = await search({ q }, world.owner);
      expect(hits.length, q).toBeGreaterThan(0);
      expect(new Set(hits.map((hit) => hit.workspaceId)), q).toEqual(new Set([world.workspaceId]));
    }
    const other = await search({ q: "tikhoretsk" }, world.strangerOwner);
    expect(new Set(other.map((hit) => hit.workspaceId))).toEqual(new Set([world.otherWorkspaceId]));
    // The CLI operator searches every workspace.
    const everywhere = await search({ q: "tikhoretsk" }, operatorActor());
    expect(new Set(everywhere.map((hit) => hit.workspaceId))).toEqual(
      new Set([world.workspaceId, world.otherWorkspaceId]),
    );
  });

  it("answers 404 for a workspace the user is not a member of, as other routes do", async () => {
    await expect(search({ q: "tikhoretsk", workspaceId: world.otherWorkspaceId })).rejects.toMatchObject({
      code: "not_found:workspace",
    });
  });

  it("does not find deleted comments", async () => {
    expect(await search({ q: "wolframite" })).toEqual([]);
    expect(await search({ q: "wolframite" }, world.strangerOwner)).toHaveLength(1);
  });

  it("refuses an empty, blank or too long query and bad filters with 422 and field messages", async () => {
    for (const query of [{ q: "" }, { q: "   " }, { q: "x".repeat(201) }]) {
      await expect(search(query)).rejects.toMatchObject({ status: 422, fields: { q: [expect.any(String)] } });
    }
    await expect(search({ q: "rail", type: ["memo" as "source"], minCredibility: "9" })).rejects.toMatchObject({
      status: 422,
      fields: { "type.0": [expect.any(String)], minCredibility: ["Use minCredibility=1 to 5."] },
    });
    await expect(search({ q: "rail", from: "2024-05-01", to: "2024-04-01" })).rejects.toMatchObject({
      fields: { to: ["The end of the date range must not be before its start."] },
    });
  });

  it("treats query syntax as words, never as an error", async () => {
    for (const q of ["rail & | ! :* (", "<script>alert(1)</script>", "' or 1=1 --", "-", '"']) {
      await expect(search({ q }), q).resolves.toBeInstanceOf(Array);
    }
  });
});
