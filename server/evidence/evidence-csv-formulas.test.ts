import { describe, expect, it } from "vitest";
import * as exportRoute from "@/app/api/v1/workspaces/[workspaceId]/evidence/export/route";
import * as importRoute from "@/app/api/v1/workspaces/[workspaceId]/evidence/import/route";
import { parseCsv } from "../csv/csv-format";
import { createTestObservation, createTestSource } from "../testing/evidence-factories";
import { createTestApiToken, createTestTeam } from "../testing/factories";
import { listObservations } from "./list-observations";

// Spreadsheet formula injection (OWASP "CSV injection"): text any member typed must not run as a
// formula when the observations CSV is opened, and the CSV must still import back exactly.

const TEXTS = [
  { summary: "=1+2+cmd|' /C calc'!A0", notes: "@SUM(1,2)" },
  { summary: "=1+2", notes: "" },
  { summary: "-5 rail cars", notes: "+1" },
  { summary: "+1", notes: "'=already quoted by hand" },
  { summary: "'quoted", notes: "Plain notes" },
];

/** The library as the CSV export of the route, sent with the analyst's token. */
async function exportCsv(workspaceId: string, token: string): Promise<string> {
  const response = await exportRoute.GET(
    new Request("http://localhost/?format=csv", { headers: { authorization: `Bearer ${token}` } }),
    { params: Promise.resolve({ workspaceId }) },
  );
  expect(response.status).toBe(200);
  return response.text();
}

describe("observations CSV and spreadsheet formulas", () => {
  it("writes no cell a spreadsheet would run, and imports back to exactly the text typed", async () => {
    const team = await createTestTeam();
    const source = await createTestSource(team.analyst, team.workspace.id, { externalId: "S1" });
    for (const text of TEXTS) {
      await createTestObservation(team.analyst, team.workspace.id, { ...text, sourceIds: [source.id] });
    }
    const token = await createTestApiToken(team.analyst);
    const csv = await exportCsv(team.workspace.id, token);

    const [header = [], ...rows] = parseCsv(csv);
    const column = (name: string) => rows.map((row) => row[header.indexOf(name)]);
    expect(column("summary").sort()).toEqual(
      ["'=1+2+cmd|' /C calc'!A0", "'=1+2", "'-5 rail cars", "'+1", "'quoted"].sort(),
    );
    expect(column("notes").sort()).toEqual(
      ["'@SUM(1,2)", "", "'+1", "''=already quoted by hand", "Plain notes"].sort(),
    );
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);

    // Into another team's library that has the cited source: the same texts, character for character.
    const other = await createTestTeam();
    await createTestSource(other.analyst, other.workspace.id, { externalId: "S1" });
    const imported = await importRoute.POST(
      new Request("http://localhost/", {
        method: "POST",
        headers: { authorization: `Bearer ${await createTestApiToken(other.analyst)}`, "content-type": "text/csv" },
        body: csv,
      }),
      { params: Promise.resolve({ workspaceId: other.workspace.id }) },
    );
    expect(await imported.json()).toMatchObject({ observations: { created: TEXTS.length, existing: 0 } });
    const copies = await listObservations({ actor: other.analyst, workspaceId: other.workspace.id });
    const texts = (list: { summary: string; notes: string }[]) =>
      list.map(({ summary, notes }) => ({ summary, notes })).sort((a, b) => a.summary.localeCompare(b.summary));
    expect(texts(copies)).toEqual(texts(TEXTS));
  });
});
