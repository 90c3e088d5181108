import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDatabase } from "@/db/client";
import { memberships } from "@/db/schema";
import type { SearchHit, SearchQueryInput } from "@/lib/schemas/search";
import { addTestMember, createTestUser, createTestWorkspace } from "../testing/factories";
import { searchEverything } from "./search-everything";
import {
  createSearchTeams,
  insertAssessment,
  insertComments,
  insertObservation,
  insertSite,
  insertSource,
} from "./search-test-fixtures";

/**
 * Every record mentions a "convoy"; the filters are what tell them apart:
 * - sources graded A, D and F; observations at two sites and none, graded 2, 5 and 6, citing
 *   the A, D and F source respectively, observed April 2024, October 2023 and June 2022;
 * - a draft assessment whose judgement cites the April observation, a published one whose
 *   judgement cites the October one, a comment on each judgement.
 */
async function createWorld() {
  const teams = await createSearchTeams();
  const { workspaceId, analyst } = teams;
  const [north, south] = [await insertSite(workspaceId, "North yard"), await insertSite(workspaceId, "South yard")];
  const source = (reliability: "A" | "D" | "F") =>
    insertSource(workspaceId, { publisher: `Convoy tracker ${reliability}`, reliability });
  const [a, d, f] = [await source("A"), await source("D"), await source("F")];
  const april = await insertObservation(workspaceId, { summary: "Convoy of trucks", siteId: north.id }, [a.id]);
  const october = await insertObservation(
    workspaceId,
    {
      summary: "Convoy at night",
      siteId: south.id,
      credibility: 5,
      observedStart: "2023-10-01",
      observedEnd: "2023-10-31",
    },
    [d.id],
  );
  const june = await insertObservation(
    workspaceId,
    { summary: "Convoy rumour", credibility: 6, observedStart: "2022-06-01", observedEnd: "2022-06-30" },
    [f.id],
  );
  const draft = await insertAssessment(
    workspaceId,
    { title: "Convoy draft", judgements: [{ id: "jdg_north", statement: "Convoy north", citations: [april.id] }] },
    analyst,
  );
  const published = await insertAssessment(
    workspaceId,
    {
      title: "Convoy published",
      status: "published",
      judgements: [{ id: "jdg_south", statement: "Convoy south", citations: [october.id] }],
    },
    analyst,
  );
  const draftComment = await insertComments(workspaceId, draft, "jdg_north", analyst, ["Convoy size?"]);
  const publishedComment = await insertComments(workspaceId, published, "jdg_south", analyst, ["Convoy route?"]);
  return {
    ...teams,
    sites: { north: north.id, south: south.id },
    sources: { a: a.id, d: d.id, f: f.id },
    observations: { april: april.id, october: october.id, june: june.id },
    assessments: { draft, published },
    comments: { draft: draftComment.commentIds[0], published: publishedComment.commentIds[0] },
  };
}

let world: Awaited<ReturnType<typeof createWorld>>;
beforeAll(async () => {
  world = await createWorld();
});

async function found(query: Partial<SearchQueryInput>, actor = world.viewer): Promise<string[]> {
  const { hits } = await searchEverything({ actor, query: { q: "convoy", limit: 50, ...query } });
  return hits.map((hit: SearchHit) => `${hit.type}:${hit.id}`).sort();
}
const today = () => new Date().toISOString().slice(0, 10);

describe("search filters", () => {
  it("finds all twelve records without filters", async () => {
    expect(await found({})).toHaveLength(12);
  });

  it("narrows by type", async () => {
    expect(await found({ type: ["source", "comment"] })).toEqual(
      [
        `comment:${world.comments.draft}`,
        `comment:${world.comments.published}`,
        `source:${world.sources.a}`,
        `source:${world.sources.d}`,
        `source:${world.sources.f}`,
      ].sort(),
    );
  });

  it("narrows by site: its observations and the judgements citing them", async () => {
    expect(await found({ site: world.sites.north })).toEqual([
      `judgement:jdg_north`,
      `observation:${world.observations.april}`,
    ]);
  });

  it("narrows observations by observed period and other records by when they changed", async () => {
    expect(await found({ from: "2023-10-15", to: "2024-04-10" })).toEqual(
      [`observation:${world.observations.april}`, `observation:${world.observations.october}`].sort(),
    );
    const changedToday = await found({ from: today() });
    expect(changedToday).toHaveLength(9);
    expect(changedToday.some((hit) => hit.startsWith("observation:"))).toBe(false);
  });

  it("narrows by minimum grades, never counting F or 6 (unknown) as a grade", async () => {
    expect(await found({ minReliability: "D" })).toEqual(
      [
        `observation:${world.observations.april}`,
        `observation:${world.observations.october}`,
        `source:${world.sources.a}`,
        `source:${world.sources.d}`,
      ].sort(),
    );
    expect(await found({ minReliability: "B" })).toEqual(
      [`observation:${world.observations.april}`, `source:${world.sources.a}`].sort(),
    );
    expect(await found({ minCredibility: 5 })).toEqual(
      [`observation:${world.observations.april}`, `observation:${world.observations.october}`].sort(),
    );
  });

  it("narrows by assessment status: assessments, their judgements and comments", async () => {
    expect(await found({ status: "published" })).toEqual(
      [
        `assessment:${world.assessments.published}`,
        `comment:${world.comments.published}`,
        "judgement:jdg_south",
      ].sort(),
    );
    expect(await found({ status: "published", type: ["source"] })).toEqual([]);
  });

  it("narrows to one workspace of a user who is in several", async () => {
    const both = await createTestUser({ workspace: { id: world.workspaceId }, role: "viewer" });
    const second = await createTestWorkspace(both, "Second desk");
    await insertObservation(second.id, { summary: "Convoy elsewhere" });
    expect(await found({}, both)).toHaveLength(13);
    expect(await found({ workspaceId: second.id }, both)).toHaveLength(1);
    expect(await found({ workspaceId: world.workspaceId }, both)).toHaveLength(12);
  });

  it("pages through the hits in rank order", async () => {
    const page = (offset: number) =>
      searchEverything({ actor: world.viewer, query: { q: "convoy", limit: 4, offset } });
    const [first, second, third] = [await page(0), await page(4), await page(8)];
    expect([first.nextOffset, second.nextOffset, third.nextOffset]).toEqual([4, 8, null]);
    const all = [...first.hits, ...second.hits, ...third.hits];
    expect(new Set(all.map((hit) => hit.id)).size).toBe(12);
    expect(all.map((hit) => hit.rank)).toEqual([...all.map((hit) => hit.rank)].sort((x, y) => y - x));
  });

  it("stops finding a workspace's records once the user is removed from it", async () => {
    const leaver = world.reviewer;
    expect(await found({}, leaver)).toHaveLength(12);
    await getDatabase()
      .delete(memberships)
      .where(and(eq(memberships.workspaceId, world.workspaceId), eq(memberships.userId, leaver.id)));
    expect(await found({}, leaver)).toEqual([]);
    await addTestMember({ id: world.workspaceId }, leaver, "reviewer");
  });
});
