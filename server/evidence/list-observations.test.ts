import { describe, expect, it } from "vitest";
import * as observationsRoute from "@/app/api/v1/workspaces/[workspaceId]/observations/route";
import type { ObservedDateInput } from "@/lib/schemas/evidence";
import type { InformationCredibility, SourceReliability } from "@/lib/standards/admiralty";
import { callRoute } from "../testing/call-route";
import { createTestApiToken, createTestTeam } from "../testing/factories";
import { createObservation } from "./create-observation";
import { createSource } from "./create-source";
import { listObservations } from "./list-observations";

/**
 * A library of four observations dated with every precision, graded differently:
 * - FEB: 10 Feb 2024 (day), credibility 2, a B source
 * - APR: April 2024 (month), credibility 3, an E source
 * - EASTER: 28 Mar – 3 Apr 2024 (range), credibility 2, an F and a B source
 * - OCT: 5 Oct 2023 (day), credibility 6, an F source
 */
async function createGradedLibrary() {
  const team = await createTestTeam();
  const workspaceId = team.workspace.id;
  const source = (reliability: SourceReliability) =>
    createSource({
      actor: team.analyst,
      workspaceId,
      input: { publisher: `Publisher ${reliability}`, type: "media", reliability },
    });
  const [b, e, f] = await Promise.all([source("B"), source("E"), source("F")]);
  const observe = (
    externalId: string,
    observed: ObservedDateInput,
    credibility: InformationCredibility,
    sourceIds: string[],
  ) =>
    createObservation({
      actor: team.analyst,
      workspaceId,
      input: { externalId, summary: `Observation ${externalId}`, observed, credibility, sourceIds },
    });
  await observe("FEB", { precision: "day", date: "2024-02-10" }, 2, [b.id]);
  await observe("APR", { precision: "month", month: "2024-04" }, 3, [e.id]);
  await observe("EASTER", { precision: "range", start: "2024-03-28", end: "2024-04-03" }, 2, [f.id, b.id]);
  await observe("OCT", { precision: "day", date: "2023-10-05" }, 6, [f.id]);
  const token = await createTestApiToken(team.viewer);
  /** External ids listed by `GET …/observations?<query>`, as a viewer calling the API. */
  const listed = async (query: string) => {
    const response = await callRoute(observationsRoute.GET, {
      path: `/api/v1/workspaces/${workspaceId}/observations?${query}`,
      params: { workspaceId },
      bearer: token,
    });
    expect(response.status).toBe(200);
    return (response.body as { externalId: string }[]).map((observation) => observation.externalId);
  };
  return { ...team, workspaceId, listed, token };
}

describe("listing observations by date and grade", () => {
  it("matches any observed period that overlaps the days searched, whatever its precision", async () => {
    const { listed } = await createGradedLibrary();
    // Oldest observed first; a range straddling the start of April overlaps a search for April.
    expect(await listed("from=2024-04-01&to=2024-04-15")).toEqual(["EASTER", "APR"]);
    expect(await listed("from=2024-04-04")).toEqual(["APR"]);
    expect(await listed("to=2024-03-31")).toEqual(["OCT", "FEB", "EASTER"]);
    expect(await listed("from=2024-02-10&to=2024-02-10")).toEqual(["FEB"]);
    expect(await listed("from=2024-05-01")).toEqual([]);
  });

  it("filters by source reliability (any cited source) and by information credibility, combined with the rest", async () => {
    const { listed, analyst, workspaceId } = await createGradedLibrary();
    expect(await listed("reliability=B")).toEqual(["FEB", "EASTER"]);
    expect(await listed("reliability=F")).toEqual(["OCT", "EASTER"]);
    expect(await listed("reliability=A")).toEqual([]);
    expect(await listed("credibility=2")).toEqual(["FEB", "EASTER"]);
    expect(await listed("credibility=6")).toEqual(["OCT"]);
    expect(await listed("reliability=B&credibility=2&from=2024-03-01")).toEqual(["EASTER"]);
    expect(await listed("reliability=E&q=observation%20apr")).toEqual(["APR"]);
    const direct = await listObservations({ actor: analyst, workspaceId, reliability: "F", credibility: 6 });
    expect(direct.map((observation) => observation.externalId)).toEqual(["OCT"]);
  });

  it("answers impossible filters with 400 and a message per parameter", async () => {
    const { workspaceId, token } = await createGradedLibrary();
    const get = (query: string) =>
      callRoute(observationsRoute.GET, {
        path: `/api/v1/workspaces/${workspaceId}/observations?${query}`,
        params: { workspaceId },
        bearer: token,
      });
    const cases: [string, string][] = [
      ["from=2024-02-30", "from"],
      ["to=April", "to"],
      ["from=2024-04-10&to=2024-04-01", "to"],
      ["credibility=7", "credibility"],
      ["credibility=two", "credibility"],
      ["reliability=G", "reliability"],
    ];
    for (const [query, field] of cases) {
      const response = await get(query);
      expect(response.status, query).toBe(400);
      expect(response.body.error.fields[field], query).toEqual([expect.any(String)]);
    }
  });

  it("pages the list with limit and page (X-Total-Count, Link), and refuses unknown or invalid paging", async () => {
    const { workspaceId, token, listed } = await createGradedLibrary();
    const get = (query: string) =>
      observationsRoute.GET(
        new Request(`http://localhost/api/v1/workspaces/${workspaceId}/observations?${query}`, {
          headers: { authorization: `Bearer ${token}` },
        }),
        { params: Promise.resolve({ workspaceId }) },
      );
    const ids = async (response: Response) =>
      ((await response.json()) as { externalId: string }[]).map((observation) => observation.externalId);
    // Unpaged: every match, as before.
    expect(await listed("")).toEqual(["OCT", "FEB", "EASTER", "APR"]);
    const first = await get("limit=3");
    expect(await ids(first)).toEqual(["OCT", "FEB", "EASTER"]);
    expect(first.headers.get("x-total-count")).toBe("4");
    expect(first.headers.get("link")).toBe(
      `</api/v1/workspaces/${workspaceId}/observations?limit=3&page=2>; rel="next"`,
    );
    const second = await get("limit=3&page=2");
    expect(await ids(second)).toEqual(["APR"]);
    expect(second.headers.get("link")).toBe(
      `</api/v1/workspaces/${workspaceId}/observations?limit=3&page=1>; rel="prev"`,
    );
    const filtered = await get("credibility=2&limit=1&page=2");
    expect([await ids(filtered), filtered.headers.get("x-total-count")]).toEqual([["EASTER"], "2"]);

    const cases: [string, string, string][] = [
      [
        "limit=10&offset=20",
        "offset",
        "Unknown parameter offset; use q, siteId, sourceId, status, from, to, reliability, credibility, limit, page.",
      ],
      [
        "cursor=abc",
        "cursor",
        "Unknown parameter cursor; use q, siteId, sourceId, status, from, to, reliability, credibility, limit, page.",
      ],
      ["limit=0", "limit", "Use limit=1 to 500."],
      ["limit=501", "limit", "Use limit=1 to 500."],
      ["page=0", "page", "Use page=1 or higher."],
      ["page=two", "page", "Use page=1 or higher."],
    ];
    for (const [query, field, message] of cases) {
      const response = await get(query);
      expect(response.status, query).toBe(400);
      expect((await response.json()).error.fields, query).toEqual({ [field]: [message] });
    }
  });
});
