import { describe, expect, it } from "vitest";
import * as findingsRoute from "@/app/api/v1/assessments/[assessmentId]/findings/route";
import { tradecraftFindingDto } from "@/lib/schemas/judgements";
import { storeDocumentContent } from "../collab/store-document-content";
import { createTestDocument } from "../collab/testing/start-collab-test-server";
import { retractObservation } from "../evidence/retract-observation";
import { createTestObservation, createTestSource } from "../testing/evidence-factories";
import { createTestApiToken, createTestTeam, createTestUser } from "../testing/factories";
import { callRoute } from "../testing/route-test-helpers";
import { documentOf, judgementBlock } from "./judgement-test-helpers";

const KEY = "Tikhoretsk will remain crucial for handling North Korean munitions sent to Russia.";
const MIXED = "We assess with high confidence that the depot is likely to stay open.";
const WORDED = "North Korean munitions are probably being routed to storage sites in southern Russia.";

/** An assessment whose key judgement rests on one source, plus an uncited judgement and a mixed sentence. */
async function assessmentWithFindings() {
  const team = await createTestTeam();
  const workspaceId = team.workspace.id;
  const source = await createTestSource(team.analyst, workspaceId);
  const observe = (summary: string, month: string) =>
    createTestObservation(team.analyst, workspaceId, {
      summary,
      observed: { precision: "month", month },
      credibility: 2,
      sourceIds: [source.id],
    });
  const february = await observe("About 60 rail cars at the Tikhoretsk depot", "2024-02");
  const april = await observe("About 50 rail cars at the Tikhoretsk depot", "2024-04");
  await retractObservation({ actor: team.analyst, workspaceId, observationId: april.id, reason: "Misdated imagery" });
  const assessmentId = await createTestDocument(workspaceId);
  const doc = documentOf([
    judgementBlock(KEY, {
      id: "jdg_key",
      likelihood: "likely",
      confidence: "moderate",
      isKey: true,
      citations: [february.id, april.id],
    }),
    judgementBlock("The depot will expand.", { id: "jdg_bare" }),
    judgementBlock(WORDED, {
      id: "jdg_worded",
      likelihood: "very_likely",
      confidence: "moderate",
      citations: [february.id],
    }),
    { type: "paragraph", content: [{ type: "text", text: MIXED }] },
  ]);
  await storeDocumentContent(assessmentId, doc, [team.analyst.id]);
  return { ...team, assessmentId };
}

function getFindings(assessmentId: string, token: string) {
  return callRoute(findingsRoute.GET, {
    path: `/api/v1/assessments/${assessmentId}/findings`,
    params: { assessmentId },
    token,
  });
}

describe("GET /api/v1/assessments/:id/findings", () => {
  it("runs the linter on the server with the workspace's evidence grades and retractions", async () => {
    const { assessmentId, viewer } = await assessmentWithFindings();
    const response = await getFindings(assessmentId, await createTestApiToken(viewer));
    expect(response.status).toBe(200);
    const findings = tradecraftFindingDto.array().parse(response.body);
    const of = (judgementId: string | null) =>
      findings.filter((finding) => finding.judgementId === judgementId).map((finding) => finding.ruleId);

    // The key judgement: one of its two observations is retracted, so it rests on one source.
    expect(of("jdg_key")).toEqual(expect.arrayContaining(["retracted-citation", "key-judgement-single-source"]));
    expect(of("jdg_key")).not.toContain("missing-citation");
    expect(of("jdg_bare")).toEqual(
      expect.arrayContaining(["missing-likelihood", "missing-confidence", "missing-citation"]),
    );
    const mixed = findings.find((finding) => finding.ruleId === "likelihood-and-confidence-in-one-sentence");
    expect(mixed).toMatchObject({ judgementId: null, excerpt: MIXED });
    expect(mixed?.why).not.toBe("");
    // "probably" is the likely band (55–80%), not the very likely (80–95%) the judgement carries.
    expect(findings.filter((finding) => finding.ruleId === "statement-contradicts-likelihood")).toEqual([
      expect.objectContaining({
        judgementId: "jdg_worded",
        excerpt: "probably",
        message: expect.stringMatching(
          /^The statement says “probably” \(likely, 55–80%\) but the judgement's likelihood is very likely \(80–95%\)\./,
        ),
      }),
    ]);
  });

  it("is empty for a document nobody has written in, and hides other teams' assessments", async () => {
    const team = await createTestTeam();
    const untouched = await createTestDocument(team.workspace.id);
    const empty = await getFindings(untouched, await createTestApiToken(team.viewer));
    expect(empty).toMatchObject({ status: 200, body: [] });

    const { assessmentId } = await assessmentWithFindings();
    const outsider = await createTestUser();
    const hidden = await getFindings(assessmentId, await createTestApiToken(outsider));
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.code).toBe("not_found:assessment");
  });
});
