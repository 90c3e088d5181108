import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import * as judgementsRoute from "@/app/api/v1/assessments/[assessmentId]/judgements/route";
import { EDITOR_FIELD } from "@/lib/editor/editor-extensions";
import type { JudgementAttributes } from "@/lib/editor/judgement-node";
import { CollabTestClient } from "../collab/testing/collab-test-client";
import { roundTrip, storedDocument } from "../collab/testing/collab-test-helpers";
import {
  type CollabTestServer,
  createTestDocument,
  createTestToken,
  startCollabTestServer,
} from "../collab/testing/start-collab-test-server";
import { callRoute } from "../testing/call-route";
import { createTestTeam } from "../testing/factories";
import { insertTestObservation, judgementElement, judgementRows } from "./judgement-test-helpers";

const servers: CollabTestServer[] = [];
const clients: CollabTestClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  for (const server of servers.splice(0)) await server.close();
});

/** Appends a judgement block to the editor fragment the way the editor binding writes one. */
function appendJudgement(doc: Y.Doc, statement: string, attrs: Partial<JudgementAttributes>): void {
  const fragment = doc.getXmlFragment(EDITOR_FIELD);
  fragment.insert(fragment.length, [judgementElement(statement, attrs)]);
}

/** The index of the judgement block with `id` in the editor fragment. */
function indexOfJudgement(doc: Y.Doc, id: string): number {
  return doc
    .getXmlFragment(EDITOR_FIELD)
    .toArray()
    .findIndex((node) => node instanceof Y.XmlElement && node.getAttribute("id") === id);
}

describe("judgements projection after co-editing", () => {
  it("shows the current judgements with everyone who edited them, and drops deleted ones", async () => {
    const team = await createTestTeam();
    const documentId = await createTestDocument(team.workspace.id);
    const observation = await insertTestObservation(team.workspace.id, "About 60 rail cars", { externalId: "OBS-26" });
    // A long save delay: whatever the reads below see, the route or the explicit flush saved.
    const server = await startCollabTestServer({ collab: { contentDelayMs: 60_000 } });
    servers.push(server);
    const analyst = await CollabTestClient.connect(server.url, { token: await createTestToken(team.analyst) });
    const owner = await CollabTestClient.connect(server.url, { token: await createTestToken(team.owner) });
    clients.push(analyst, owner);
    const analystDoc = (await analyst.join(documentId)).doc;
    const ownerDoc = (await owner.join(documentId)).doc;
    const viewerToken = await createTestToken(team.viewer);
    const readJudgements = () =>
      callRoute(judgementsRoute.GET, {
        path: `/api/v1/assessments/${documentId}/judgements`,
        params: { assessmentId: documentId },
        bearer: viewerToken,
      });

    appendJudgement(analystDoc, "Tikhoretsk is likely to remain crucial", {
      id: "jdg_key",
      likelihood: "likely",
      confidence: "moderate",
      isKey: true,
      citations: [observation],
    });
    await analyst.settled(documentId);
    // The route saves the pending edit of a document this process holds before reading.
    const first = await readJudgements();
    expect(first.body).toMatchObject([
      {
        id: "jdg_key",
        statement: "Tikhoretsk is likely to remain crucial",
        isKey: true,
        citations: [{ observationId: observation, externalId: "OBS-26" }],
        authors: [{ id: team.analyst.id }],
      },
    ]);

    // The owner, who sees the analyst's block, finishes its sentence and adds a judgement.
    await roundTrip(owner, documentId);
    const statement = (
      ownerDoc.getXmlFragment(EDITOR_FIELD).get(indexOfJudgement(ownerDoc, "jdg_key")) as Y.XmlElement
    ).get(0) as Y.XmlText;
    statement.insert(statement.length, " for handling North Korean munitions.");
    appendJudgement(ownerDoc, "The depot is handling material more efficiently", {
      id: "jdg_efficiency",
      likelihood: "likely",
      confidence: "low",
      citations: [observation],
    });
    await owner.settled(documentId);
    await server.sockets.collab.flush();
    expect((await judgementRows(documentId)).map((row) => [row.id, row.statement, row.authorIds])).toEqual([
      [
        "jdg_key",
        "Tikhoretsk is likely to remain crucial for handling North Korean munitions.",
        [team.analyst.id, team.owner.id],
      ],
      ["jdg_efficiency", "The depot is handling material more efficiently", [team.owner.id]],
    ]);
    const both = await readJudgements();
    expect(both.body.map((judgement: { authors: { name: string }[] }) => judgement.authors.map((a) => a.name))).toEqual(
      [[team.analyst.name, team.owner.name], [team.owner.name]],
    );

    // The analyst deletes the owner's judgement: its row goes, the key judgement stays as it was.
    await roundTrip(analyst, documentId);
    analystDoc.getXmlFragment(EDITOR_FIELD).delete(indexOfJudgement(analystDoc, "jdg_efficiency"), 1);
    await analyst.settled(documentId);
    const after = await readJudgements();
    expect(after.body).toMatchObject([{ id: "jdg_key", contentHash: both.body[0].contentHash }]);
    expect(after.body).toHaveLength(1);
    expect((await judgementRows(documentId)).map((row) => row.id)).toEqual(["jdg_key"]);
  });

  it("keeps both citations when two people cite the same judgement at the same moment", async () => {
    const team = await createTestTeam();
    const documentId = await createTestDocument(team.workspace.id);
    const february = await insertTestObservation(team.workspace.id, "About 60 rail cars", { externalId: "OBS-25" });
    const april = await insertTestObservation(team.workspace.id, "About 50 rail cars", { externalId: "OBS-26" });
    const imagery = await insertTestObservation(team.workspace.id, "New sidings", { externalId: "OBS-27" });
    const server = await startCollabTestServer();
    servers.push(server);
    const analyst = await CollabTestClient.connect(server.url, { token: await createTestToken(team.analyst) });
    const owner = await CollabTestClient.connect(server.url, { token: await createTestToken(team.owner) });
    clients.push(analyst, owner);
    const analystDoc = (await analyst.join(documentId)).doc;
    const ownerDoc = (await owner.join(documentId)).doc;
    appendJudgement(analystDoc, "Tikhoretsk is likely to remain crucial", { id: "jdg_key", citations: [february] });
    await analyst.settled(documentId);
    await roundTrip(owner, documentId);

    // Each sets "the list plus mine" before seeing the other's, as the citation picker does.
    const judgementOf = (doc: Y.Doc) =>
      doc.getXmlFragment(EDITOR_FIELD).get(indexOfJudgement(doc, "jdg_key")) as Y.XmlElement;
    judgementOf(analystDoc).setAttribute("citations", [february, april] as never);
    judgementOf(ownerDoc).setAttribute("citations", [february, imagery] as never);
    await Promise.all([analyst.settled(documentId), owner.settled(documentId)]);
    await roundTrip(analyst, documentId);
    await roundTrip(owner, documentId);

    const cited = (doc: Y.Doc) => [...(judgementOf(doc).getAttribute("citations") as unknown as string[])].sort();
    const all = [february, april, imagery].sort();
    expect(cited(analystDoc)).toEqual(all);
    expect(cited(ownerDoc)).toEqual(all);
    expect(cited(await storedDocument(documentId))).toEqual(all);
    await server.sockets.collab.flush();
    const listed = await callRoute(judgementsRoute.GET, {
      path: `/api/v1/assessments/${documentId}/judgements`,
      params: { assessmentId: documentId },
      bearer: await createTestToken(team.viewer),
    });
    expect(listed.body[0].citations.map((citation: { externalId: string }) => citation.externalId).sort()).toEqual([
      "OBS-25",
      "OBS-26",
      "OBS-27",
    ]);
  });
});
