import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as assessmentRoute from "@/app/api/v1/assessments/[assessmentId]/route";
import * as workspaceAssessmentsRoute from "@/app/api/v1/workspaces/[workspaceId]/assessments/route";
import { getDatabase } from "@/db/client";
import { assessments } from "@/db/schema";
import { callRoute } from "../testing/call-route";
import { createTestApiToken, createTestTeam, createTestUser, createTestWorkspace } from "../testing/factories";

/** A team whose analyst and viewer each hold an API token. */
async function createTeamWithTokens() {
  const team = await createTestTeam();
  return {
    ...team,
    analystToken: await createTestApiToken(team.analyst),
    viewerToken: await createTestApiToken(team.viewer),
  };
}

function listAssessmentsOf(workspaceId: string, bearer: string, query = "") {
  return callRoute(workspaceAssessmentsRoute.GET, {
    path: `/api/v1/workspaces/${workspaceId}/assessments${query}`,
    params: { workspaceId },
    bearer,
  });
}

function postAssessment(workspaceId: string, bearer: string, body: { json?: unknown; rawBody?: string }) {
  return callRoute(workspaceAssessmentsRoute.POST, {
    method: "POST",
    path: `/api/v1/workspaces/${workspaceId}/assessments`,
    params: { workspaceId },
    bearer,
    ...body,
  });
}

function patchAssessment(assessmentId: string, bearer: string, json: unknown) {
  return callRoute(assessmentRoute.PATCH, {
    method: "PATCH",
    path: `/api/v1/assessments/${assessmentId}`,
    params: { assessmentId },
    bearer,
    json,
  });
}

async function countAssessments(workspaceId: string): Promise<number> {
  return (await getDatabase().select().from(assessments).where(eq(assessments.workspaceId, workspaceId))).length;
}

describe("assessments over HTTP", () => {
  it("creates (201), lists, opens, renames, archives and unarchives", async () => {
    const { workspace, analystToken, viewerToken } = await createTeamWithTokens();
    const created = await postAssessment(workspace.id, analystToken, {
      json: { title: "Tikhoretsk", keyQuestion: "Will it stay crucial?", tlp: "GREEN" },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ title: "Tikhoretsk", tlp: "GREEN", status: "draft", canEdit: true });
    const id: string = created.body.id;

    const listed = await listAssessmentsOf(workspace.id, viewerToken);
    expect(listed.status).toBe(200);
    expect(listed.body.map((a: { id: string }) => a.id)).toEqual([id]);

    const opened = await callRoute(assessmentRoute.GET, {
      path: `/api/v1/assessments/${id}`,
      params: { assessmentId: id },
      bearer: viewerToken,
    });
    expect(opened).toMatchObject({ status: 200, body: { keyQuestion: "Will it stay crucial?", role: "viewer" } });

    const renamed = await patchAssessment(id, analystToken, { title: "Tikhoretsk depot" });
    expect(renamed).toMatchObject({ status: 200, body: { title: "Tikhoretsk depot", tlp: "GREEN" } });

    const archived = await patchAssessment(id, analystToken, { archived: true });
    expect(archived.body.archivedAt).toEqual(expect.any(String));
    expect((await listAssessmentsOf(workspace.id, viewerToken)).body).toEqual([]);
    expect((await listAssessmentsOf(workspace.id, viewerToken, "?archived=true")).body).toHaveLength(1);

    const refused = await patchAssessment(id, analystToken, { tlp: "RED" });
    expect(refused).toMatchObject({ status: 409, body: { error: { code: "conflict:assessment_archived" } } });

    const restored = await patchAssessment(id, analystToken, { archived: false, tlp: "RED" });
    expect(restored).toMatchObject({ status: 200, body: { archivedAt: null, tlp: "RED" } });
  });

  it("refuses viewers with 403 and outsiders with 404", async () => {
    const { workspace, analystToken, viewerToken } = await createTeamWithTokens();
    const { body: created } = await postAssessment(workspace.id, analystToken, { json: { title: "Ours" } });

    const viewerCreate = await postAssessment(workspace.id, viewerToken, { json: { title: "Mine" } });
    expect(viewerCreate).toMatchObject({ status: 403, body: { error: { code: "forbidden:assessment" } } });
    expect((await patchAssessment(created.id, viewerToken, { title: "Mine" })).status).toBe(403);

    // A member of another workspace holding this workspace's ids learns nothing.
    const outsider = await createTestUser();
    await createTestWorkspace(outsider);
    const outsiderToken = await createTestApiToken(outsider);
    expect((await listAssessmentsOf(workspace.id, outsiderToken)).status).toBe(404);
    expect((await postAssessment(workspace.id, outsiderToken, { json: { title: "x" } })).status).toBe(404);
    const outsiderPatch = await patchAssessment(created.id, outsiderToken, { title: "x" });
    expect(outsiderPatch).toMatchObject({ status: 404, body: { error: { code: "not_found:assessment" } } });
    expect(await countAssessments(workspace.id)).toBe(1);
  });

  it("answers 400 with field messages to bad input, and writes nothing", async () => {
    const { workspace, analystToken } = await createTeamWithTokens();

    const malformed = await postAssessment(workspace.id, analystToken, { rawBody: '{"title": "Unclosed' });
    expect(malformed).toMatchObject({ status: 400, body: { error: { code: "bad_request:json" } } });

    const badFields = await postAssessment(workspace.id, analystToken, {
      json: { title: " ", keyQuestion: "?".repeat(2001), tlp: "PURPLE" },
    });
    expect(badFields.status).toBe(400);
    expect(badFields.body.error.fields).toEqual({
      title: ["Enter a title."],
      keyQuestion: ["Use at most 2000 characters for the key question."],
      tlp: ["Choose a TLP marking: CLEAR, GREEN, AMBER, AMBER+STRICT, RED."],
    });

    const notAnObject = await postAssessment(workspace.id, analystToken, { json: ["title"] });
    expect(notAnObject.body.error.fields).toEqual({ "": ["Send a JSON object."] });
    expect(await countAssessments(workspace.id)).toBe(0);

    const { body: created } = await postAssessment(workspace.id, analystToken, { json: { title: "Kept" } });
    const emptyPatch = await patchAssessment(created.id, analystToken, {});
    expect(emptyPatch.status).toBe(400);
    expect(emptyPatch.body.error.fields[""]).toEqual(["Send at least one of title, keyQuestion, tlp or archived."]);
    const badArchived = await patchAssessment(created.id, analystToken, { archived: "yes", title: "" });
    expect(Object.keys(badArchived.body.error.fields).sort()).toEqual(["archived", "title"]);
    const [row] = await getDatabase().select().from(assessments).where(eq(assessments.id, created.id));
    expect(row).toMatchObject({ title: "Kept", archivedAt: null });

    const badQuery = await listAssessmentsOf(workspace.id, analystToken, "?archived=maybe");
    expect(badQuery.body.error.fields).toEqual({ archived: ["Use archived=true or archived=false."] });
  });

  it("answers 404 to unknown and malformed ids", async () => {
    const { analystToken } = await createTeamWithTokens();
    for (const assessmentId of [crypto.randomUUID(), "42", "../tokens"]) {
      const response = await callRoute(assessmentRoute.GET, {
        path: `/api/v1/assessments/${encodeURIComponent(assessmentId)}`,
        params: { assessmentId },
        bearer: analystToken,
      });
      expect(response).toMatchObject({ status: 404, body: { error: { code: "not_found:assessment" } } });
    }
    const unknownWorkspace = crypto.randomUUID();
    const response = await postAssessment(unknownWorkspace, analystToken, { json: { title: "x" } });
    expect(response).toMatchObject({ status: 404, body: { error: { code: "not_found:workspace" } } });
  });
});
