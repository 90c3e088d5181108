import { beforeAll, describe, expect, it } from "vitest";
import * as searchRoute from "@/app/api/v1/search/route";
import type { SearchHit } from "@/lib/schemas/search";
import { createTestApiToken } from "../testing/factories";
import { callRoute } from "../testing/route-test-helpers";
import { createApiToken } from "../tokens/create-api-token";
import { revokeApiToken } from "../tokens/revoke-api-token";
import { createSearchTeams, insertAssessment, insertObservation, insertSource } from "./search-test-fixtures";

async function createWorld() {
  const teams = await createSearchTeams();
  const source = await insertSource(teams.workspaceId, { publisher: "Rail watchers", title: "Depot imagery" });
  const observation = await insertObservation(teams.workspaceId, { summary: "Depot at Tikhoretsk busy" }, [source.id]);
  const assessment = await insertAssessment(
    teams.workspaceId,
    { title: "Depot throughput", judgements: [{ id: "jdg_depot", statement: "The depot very likely stays busy." }] },
    teams.analyst,
  );
  await insertObservation(teams.otherWorkspaceId, { summary: "Depot of the other team" });
  return { ...teams, source: source.id, observation: observation.id, assessment };
}

let world: Awaited<ReturnType<typeof createWorld>>;
let token: string;
beforeAll(async () => {
  world = await createWorld();
  token = await createTestApiToken(world.viewer);
});

/** The route as called with `bearer` (the viewer's token by default; null: anonymous). */
const get = (query: string, bearer: string | null = token) =>
  callRoute(searchRoute.GET, { path: `/api/v1/search${query}`, token: bearer ?? undefined });

describe("GET /api/v1/search", () => {
  it("answers an API token with ranked hits from its user's workspaces only", async () => {
    const { status, body } = await get("?q=depot");
    expect(status).toBe(200);
    const hits = body.hits as SearchHit[];
    expect(hits.map((hit) => hit.type).sort()).toEqual(["assessment", "judgement", "observation", "source"]);
    expect(new Set(hits.map((hit) => hit.workspaceId))).toEqual(new Set([world.workspaceId]));
    expect(body.nextOffset).toBeNull();
    const observation = hits.find((hit) => hit.type === "observation");
    expect(observation?.snippet).toEqual([
      { text: "Depot", match: true },
      { text: " at Tikhoretsk busy", match: false },
    ]);
  });

  it("takes types comma-separated or repeated, and the other filters from the query string", async () => {
    const types = async (query: string) => ((await get(query)).body.hits as SearchHit[]).map((hit) => hit.type).sort();
    expect(await types("?q=depot&type=source,judgement")).toEqual(["judgement", "source"]);
    expect(await types("?q=depot&type=source&type=observation")).toEqual(["observation", "source"]);
    expect(await types("?q=depot&minReliability=B")).toEqual([]);
    expect(await types("?q=depot&minReliability=C")).toEqual(["observation", "source"]);
    expect(await types(`?q=depot&workspaceId=${world.workspaceId}&from=&status=`)).toHaveLength(4);
  });

  it("refuses a missing, empty or too long query and bad filters with 422 and field messages", async () => {
    for (const query of ["", "?q=", "?q=%20%20", `?q=${"a".repeat(201)}`]) {
      const { status, body } = await get(query);
      expect({ query, status, code: body.error.code }).toEqual({
        query,
        status: 422,
        code: "unprocessable:search_query",
      });
      expect(body.error.fields.q, query).toHaveLength(1);
    }
    const { status, body } = await get("?q=depot&type=memo&minReliability=F&from=2024-02-30&limit=500");
    expect(status).toBe(422);
    expect(Object.keys(body.error.fields).sort()).toEqual(["from", "limit", "minReliability", "type.0"]);
  });

  it("answers 404 for another team's workspace, and 401 without valid credentials", async () => {
    expect((await get(`?q=depot&workspaceId=${world.otherWorkspaceId}`)).status).toBe(404);
    expect((await get("?q=depot", null)).status).toBe(401);
    const revoked = await createApiToken({ actor: world.analyst, name: "soon revoked" });
    expect((await get("?q=depot", revoked.secret)).status).toBe(200);
    await revokeApiToken({ actor: world.analyst, tokenId: revoked.token.id });
    expect((await get("?q=depot", revoked.secret)).status).toBe(401);
  });
});
