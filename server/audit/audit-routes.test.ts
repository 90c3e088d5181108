import { describe, expect, it } from "vitest";
import * as assessmentAuditRoute from "@/app/api/v1/assessments/[assessmentId]/audit-events/route";
import * as workspaceAuditRoute from "@/app/api/v1/workspaces/[workspaceId]/audit-events/route";
import { createAssessment } from "../assessments/create-assessment";
import { parseCsv } from "../csv/csv-format";
import { changeMemberRole } from "../members/change-member-role";
import { callRoute } from "../testing/call-route";
import { createTestApiToken, createTestTeam, createTestUser } from "../testing/factories";

function getWorkspaceAudit(workspaceId: string, bearer: string, query = "") {
  return callRoute(workspaceAuditRoute.GET, {
    path: `/api/v1/workspaces/${workspaceId}/audit-events${query}`,
    params: { workspaceId },
    bearer,
  });
}

/** The raw CSV response: bearer requests need no Next request scope. */
async function downloadWorkspaceCsv(workspaceId: string, bearer: string, query = "") {
  const request = new Request(`http://localhost/api/v1/workspaces/${workspaceId}/audit-events?format=csv${query}`, {
    headers: { authorization: `Bearer ${bearer}` },
  });
  return workspaceAuditRoute.GET(request, { params: Promise.resolve({ workspaceId }) });
}

describe("GET /api/v1/workspaces/:id/audit-events", () => {
  it("gives owners a filtered page and refuses analysts (403) and outsiders (404)", async () => {
    const team = await createTestTeam();
    const workspaceId = team.workspace.id;
    await changeMemberRole({ actor: team.owner, workspaceId, userId: team.viewer.id, role: "analyst" });
    await createAssessment({ actor: team.analyst, workspaceId, title: "Rail" });

    const ok = await getWorkspaceAudit(workspaceId, await createTestApiToken(team.owner), "?action=member.&limit=10");
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      events: [{ action: "member.role_changed", actor: { name: "Olivia Owner" }, targetLabel: "Vic Viewer" }],
      nextCursor: null,
    });
    expect(ok.body.events).toHaveLength(1);

    const analyst = await getWorkspaceAudit(workspaceId, await createTestApiToken(team.analyst));
    expect(analyst.status).toBe(403);
    const outsider = await getWorkspaceAudit(workspaceId, await createTestApiToken(await createTestUser()));
    expect(outsider.status).toBe(404);
  });

  it("refuses bad filters with field messages", async () => {
    const team = await createTestTeam();
    const response = await getWorkspaceAudit(
      team.workspace.id,
      await createTestApiToken(team.owner),
      "?limit=501&from=yesterday&action=DROP%20TABLE",
    );
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.error.fields).sort()).toEqual(["action", "from", "limit"]);
  });

  it("refuses a date range that ends before it starts and unknown target types, as search does", async () => {
    const team = await createTestTeam();
    const bearer = await createTestApiToken(team.owner);
    const response = await getWorkspaceAudit(
      team.workspace.id,
      bearer,
      "?from=2026-12-31&to=2026-01-01&targetType=bogus",
    );
    expect(response.status).toBe(400);
    expect(response.body.error.fields).toEqual({
      targetType: [
        "Use targetType=user, workspace, invitation, assessment, judgement, comment_thread, comment, observation, source, site, api_token.",
      ],
      to: ["The end of the date range must not be before its start."],
    });
    const earlierTime = await getWorkspaceAudit(
      team.workspace.id,
      bearer,
      "?from=2026-05-01T12:00:00Z&to=2026-05-01T11:59:59Z",
    );
    expect(earlierTime.body.error.fields).toEqual({ to: ["The end of the date range must not be before its start."] });
    // One day (its whole day) and a known target type are fine.
    const sameDay = await getWorkspaceAudit(
      team.workspace.id,
      bearer,
      "?from=2026-05-01&to=2026-05-01&targetType=user",
    );
    expect(sameDay.status).toBe(200);
    const dayThenTime = await getWorkspaceAudit(team.workspace.id, bearer, "?from=2026-05-01&to=2026-05-01T08:00:00Z");
    expect(dayThenTime.status).toBe(200);
  });

  it("exports every matching event as CSV with formula-like titles neutralised", async () => {
    const team = await createTestTeam();
    const workspaceId = team.workspace.id;
    await createAssessment({ actor: team.analyst, workspaceId, title: "=cmd|'/c calc'!A1" });
    await createAssessment({ actor: team.analyst, workspaceId, title: "Plain, with a comma" });
    const response = await downloadWorkspaceCsv(
      workspaceId,
      await createTestApiToken(team.owner),
      "&limit=1&action=assessment.",
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    expect(response.headers.get("content-disposition")).toContain("attachment");
    const [header, ...rows] = parseCsv(await response.text());
    const label = header?.indexOf("target_label") ?? -1;
    expect(rows.map((row) => row[label])).toEqual(["Plain, with a comma", "'=cmd|'/c calc'!A1"]);
  });
});

describe("GET /api/v1/assessments/:id/audit-events", () => {
  it("is open to every member (viewers too) and 404 to outsiders", async () => {
    const team = await createTestTeam();
    const assessment = await createAssessment({ actor: team.analyst, workspaceId: team.workspace.id, title: "Rail" });
    const call = async (bearer: string) =>
      callRoute(assessmentAuditRoute.GET, {
        path: `/api/v1/assessments/${assessment.id}/audit-events`,
        params: { assessmentId: assessment.id },
        bearer,
      });
    const viewer = await call(await createTestApiToken(team.viewer));
    expect(viewer.status).toBe(200);
    expect(viewer.body.events.map((event: { action: string }) => event.action)).toEqual(["assessment.created"]);
    expect((await call(await createTestApiToken(await createTestUser()))).status).toBe(404);
  });

  it("offers no way to change or delete events", () => {
    expect(Object.keys(workspaceAuditRoute)).toEqual(["GET"]);
    expect(Object.keys(assessmentAuditRoute)).toEqual(["GET"]);
  });
});
