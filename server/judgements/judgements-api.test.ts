import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as judgementsRoute from "@/app/api/v1/assessments/[assessmentId]/judgements/route";
import { judgementDto } from "@/lib/schemas/judgements";
import { storeDocumentContent } from "../collab/store-document-content";
import { createTestDocument } from "../collab/testing/start-collab-test-server";
import { createTestApiToken, createTestTeam, createTestUser, createTestWorkspace } from "../testing/factories";
import { callRoute, createTestSessionCookie } from "../testing/route-test-helpers";
import { documentOf, insertTestObservation, judgementBlock } from "./judgement-test-helpers";

const STATEMENT = "Tikhoretsk is likely to remain crucial for handling North Korean munitions sent to Russia.";

function getJudgements(assessmentId: string, auth: { token?: string; cookie?: string }) {
  return callRoute(judgementsRoute.GET, {
    path: `/api/v1/assessments/${assessmentId}/judgements`,
    params: { assessmentId },
    ...auth,
  });
}

/** An assessment whose text holds the key Tikhoretsk judgement citing two observations (one retracted). */
async function assessmentWithJudgement() {
  const team = await createTestTeam();
  const assessmentId = await createTestDocument(team.workspace.id);
  const february = await insertTestObservation(team.workspace.id, "About 60 rail cars", { externalId: "OBS-26" });
  const april = await insertTestObservation(team.workspace.id, "About 50 rail cars", {
    externalId: "OBS-27",
    retracted: true,
  });
  const doc = documentOf([
    judgementBlock(STATEMENT, {
      id: "jdg_key",
      likelihood: "likely",
      confidence: "moderate",
      isKey: true,
      citations: [february, april, "OBS-99"],
    }),
  ]);
  await storeDocumentContent(assessmentId, doc, [team.analyst.id]);
  return { ...team, assessmentId, february, april };
}

describe("GET /api/v1/assessments/:id/judgements", () => {
  it("lists the judgements with the ICD 203 wording, cited observations and authors", async () => {
    const { assessmentId, viewer, analyst, february, april } = await assessmentWithJudgement();
    const response = await getJudgements(assessmentId, { token: await createTestApiToken(viewer) });
    expect(response.status).toBe(200);
    expect(judgementDto.array().parse(response.body)).toHaveLength(1);
    expect(response.body[0]).toMatchObject({
      id: "jdg_key",
      position: 0,
      statement: STATEMENT,
      likelihood: "likely",
      likelihoodTerm: "likely",
      likelihoodRange: "55–80%",
      confidence: "moderate",
      isKey: true,
      citations: [
        { observationId: february, externalId: "OBS-26", summary: "About 60 rail cars", retracted: false },
        { observationId: april, externalId: "OBS-27", summary: "About 50 rail cars", retracted: true },
      ],
      unresolvedCitations: ["OBS-99"],
      authors: [{ id: analyst.id, name: analyst.name }],
    });
  });

  it("answers members signed in with a session cookie", async () => {
    const { assessmentId, reviewer } = await assessmentWithJudgement();
    const response = await getJudgements(assessmentId, { cookie: await createTestSessionCookie(reviewer) });
    expect(response.status).toBe(200);
    expect(response.body.map((judgement: { id: string }) => judgement.id)).toEqual(["jdg_key"]);
  });

  it("answers 404 to non-members, unknown and malformed ids, and 401 without credentials", async () => {
    const { assessmentId } = await assessmentWithJudgement();
    const outsider = await createTestUser();
    await createTestWorkspace(outsider);
    const token = await createTestApiToken(outsider);
    for (const id of [assessmentId, randomUUID(), "not-a-uuid"]) {
      const response = await getJudgements(id, { token });
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe("not_found:assessment");
    }
    expect((await getJudgements(assessmentId, {})).status).toBe(401);
  });

  it("lists nothing for an assessment whose text has no judgement yet", async () => {
    const team = await createTestTeam();
    const assessmentId = await createTestDocument(team.workspace.id);
    const response = await getJudgements(assessmentId, { token: await createTestApiToken(team.viewer) });
    expect(response).toEqual({ status: 200, body: [] });
  });
});
