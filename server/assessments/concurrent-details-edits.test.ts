import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as assessmentRoute from "@/app/api/v1/assessments/[assessmentId]/route";
import * as workspaceAssessmentsRoute from "@/app/api/v1/workspaces/[workspaceId]/assessments/route";
import { getDatabase } from "@/db/client";
import { assessments, auditEvents } from "@/db/schema";
import { getEventBus } from "../events/event-bus";
import { callRoute } from "../testing/call-route";
import { createTestApiToken, createTestTeam } from "../testing/factories";

// Two writers, Dana (owner) and Sam (analyst), with the same assessment open: each save is made
// against the values its form started from (`expected`), as the assessment page's form sends it.

const START = { title: "Tikhoretsk", keyQuestion: "Will the depot stay crucial?", tlp: "AMBER" } as const;

async function twoWritersOnOneAssessment() {
  const team = await createTestTeam();
  const dana = await createTestApiToken(team.owner);
  const sam = await createTestApiToken(team.analyst);
  const created = await callRoute(workspaceAssessmentsRoute.POST, {
    method: "POST",
    path: `/api/v1/workspaces/${team.workspace.id}/assessments`,
    params: { workspaceId: team.workspace.id },
    bearer: dana,
    json: START,
  });
  expect(created.status).toBe(201);
  const assessmentId: string = created.body.id;
  const patch = (bearer: string, json: unknown) =>
    callRoute(assessmentRoute.PATCH, {
      method: "PATCH",
      path: `/api/v1/assessments/${assessmentId}`,
      params: { assessmentId },
      bearer,
      json,
    });
  const stored = async () => {
    const [row] = await getDatabase().select().from(assessments).where(eq(assessments.id, assessmentId));
    const events = await getDatabase()
      .select({ data: auditEvents.data })
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, assessmentId), eq(auditEvents.action, "assessment.updated")));
    return { title: row?.title, keyQuestion: row?.keyQuestion, tlp: row?.tlp, updates: events.length };
  };
  return { ...team, dana, sam, assessmentId, patch, stored };
}

describe("two writers changing an assessment's details at once", () => {
  it("refuses (409, the current values, who changed them and when) a change to a field someone else changed since, and changes nothing", async () => {
    const f = await twoWritersOnOneAssessment();
    const samSaved = await f.patch(f.sam, {
      title: "Tikhoretsk rail depot",
      keyQuestion: "Will the depot stay crucial through 2027?",
      tlp: START.tlp,
      expected: START,
    });
    expect(samSaved.status).toBe(200);
    const before = await f.stored();
    expect(before).toEqual({
      title: "Tikhoretsk rail depot",
      keyQuestion: "Will the depot stay crucial through 2027?",
      tlp: "AMBER",
      updates: 1,
    });

    // Dana's form still shows the values it opened with; she retitles it and re-marks it.
    const refused = await f.patch(f.dana, {
      title: "Tikhoretsk hub",
      keyQuestion: START.keyQuestion,
      tlp: "GREEN",
      expected: START,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("conflict:assessment_details");
    expect(refused.body.error.message).toMatch(/^Ana Analyst changed the title since you started editing\. /);
    expect(Object.keys(refused.body.error.fields)).toEqual(["title"]);
    expect(refused.body.error.fields.title).toEqual([
      "Ana Analyst changed the title to “Tikhoretsk rail depot” since you started editing it.",
    ]);
    expect(refused.body.error.current).toMatchObject({ title: "Tikhoretsk rail depot", tlp: "AMBER" });
    // Who changed each field and when, for the form to name them; the marking was never changed.
    const { lastChanges } = refused.body.error.current;
    expect(Object.keys(lastChanges).sort()).toEqual(["keyQuestion", "title"]);
    expect(lastChanges.title.by).toEqual({ id: f.analyst.id, name: "Ana Analyst" });
    expect(Date.now() - Date.parse(lastChanges.title.at)).toBeLessThan(60_000);
    // All or nothing: not even the marking, which nobody else touched, was written.
    expect(await f.stored()).toEqual(before);
  });

  it("names the newest change of each field, and calls the writer's own change from elsewhere theirs", async () => {
    const f = await twoWritersOnOneAssessment();
    expect((await f.patch(f.sam, { title: "Tikhoretsk rail depot", expected: START })).status).toBe(200);
    expect((await f.patch(f.dana, { title: "Tikhoretsk hub", tlp: "GREEN" })).status).toBe(200);
    // Dana, in a tab still showing Sam's title, retitles it again: her other tab changed it since.
    const refused = await f.patch(f.dana, { title: "Tikhoretsk depot", expected: { title: "Tikhoretsk rail depot" } });
    expect(refused.status).toBe(409);
    expect(refused.body.error.fields.title).toEqual([
      "You (in another tab or window) changed the title to “Tikhoretsk hub” since you started editing it.",
    ]);
    const fetched = await callRoute(assessmentRoute.GET, {
      method: "GET",
      path: `/api/v1/assessments/${f.assessmentId}`,
      params: { assessmentId: f.assessmentId },
      bearer: f.sam,
    });
    // Any member reading the assessment sees who changed what last (as its audit trail shows them).
    expect(fetched.body.lastChanges).toEqual({
      title: { by: { id: f.owner.id, name: "Olivia Owner" }, at: expect.any(String) },
      tlp: { by: { id: f.owner.id, name: "Olivia Owner" }, at: expect.any(String) },
    });
  });

  it("writes only the fields the writer changed, keeping a colleague's newer title and key question", async () => {
    const f = await twoWritersOnOneAssessment();
    await f.patch(f.sam, {
      title: "Tikhoretsk rail depot",
      keyQuestion: "Will the depot stay crucial through 2027?",
      expected: { title: START.title, keyQuestion: START.keyQuestion },
    });
    // Dana changed only the marking; her form sends the title and key question it opened with.
    const danaSaved = await f.patch(f.dana, { ...START, tlp: "GREEN", expected: START });
    expect(danaSaved.status).toBe(200);
    expect(danaSaved.body).toMatchObject({ title: "Tikhoretsk rail depot", tlp: "GREEN" });
    expect(await f.stored()).toMatchObject({
      title: "Tikhoretsk rail depot",
      keyQuestion: "Will the depot stay crucial through 2027?",
      tlp: "GREEN",
    });
    // Both typed the same new title: nothing to choose between, no conflict.
    const same = await f.patch(f.dana, { title: "Tikhoretsk rail depot", expected: { title: START.title } });
    expect(same.status).toBe(200);
    // Stored values are trimmed, so an expected value read with stray spaces is the same value.
    const padded = await f.patch(f.sam, { title: "Tikhoretsk depot", expected: { title: " Tikhoretsk rail depot  " } });
    expect(padded.status).toBe(200);
    expect(await f.stored()).toMatchObject({ title: "Tikhoretsk depot" });
  });

  it("announces every saved change, so the assessment's open pages show it at once", async () => {
    const f = await twoWritersOnOneAssessment();
    const announced: string[] = [];
    const unsubscribe = getEventBus().subscribe("assessment.changed", (event) => {
      announced.push(event.assessmentId);
    });
    try {
      expect((await f.patch(f.sam, { title: "Tikhoretsk rail depot" })).status).toBe(200);
      expect((await f.patch(f.sam, { keyQuestion: "Will it stay crucial?", expected: START })).status).toBe(200);
      // Nothing changed, nothing to announce.
      expect((await f.patch(f.sam, { title: "Tikhoretsk rail depot" })).status).toBe(200);
      expect((await f.patch(f.dana, { title: "Lost race", expected: START })).status).toBe(409);
    } finally {
      unsubscribe();
    }
    expect(announced).toEqual([f.assessmentId, f.assessmentId]);
  });

  it("refuses malformed expected values (400) and a body with only expected values", async () => {
    const f = await twoWritersOnOneAssessment();
    const bad = await f.patch(f.sam, { title: "New", expected: { title: 3, tlp: "PURPLE" } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["expected.title", "expected.tlp"]);
    const nothing = await f.patch(f.sam, { expected: START });
    expect(nothing.status).toBe(400);
    expect((await f.stored()).title).toBe(START.title);
  });
});
