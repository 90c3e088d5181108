import { afterEach, describe, expect, it } from "vitest";
import type * as Y from "yjs";
import * as judgementsRoute from "@/app/api/v1/assessments/[assessmentId]/judgements/route";
import * as searchRoute from "@/app/api/v1/search/route";
import { EDITOR_FIELD } from "@/lib/editor/editor-extensions";
import { judgementElement } from "../judgements/judgement-test-helpers";
import { callRoute } from "../testing/call-route";
import { createTestTeam } from "../testing/factories";
import { CollabTestClient } from "./testing/collab-test-client";
import { storedDocument } from "./testing/collab-test-helpers";
import {
  type CollabTestServer,
  createTestDocument,
  createTestToken,
  startCollabTestServer,
} from "./testing/start-collab-test-server";

// A NUL character (U+0000) typed or pasted into the shared text. PostgreSQL text and jsonb cannot
// hold it: the derived copy (document_content, judgements, search) must leave it out and keep
// being saved, while the shared document keeps the edit as it was made.

const servers: CollabTestServer[] = [];
const clients: CollabTestClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  for (const server of servers.splice(0)) await server.close();
});

/** The statement's text of the first judgement block of the editor fragment. */
function statementText(doc: Y.Doc): Y.XmlText {
  const judgement = doc.getXmlFragment(EDITOR_FIELD).get(0) as Y.XmlElement;
  return judgement.get(0) as Y.XmlText;
}

describe("a NUL character in the collaborative document", () => {
  it("is left out of the judgements and search, which keep following later edits; the document keeps it", async () => {
    const team = await createTestTeam();
    const documentId = await createTestDocument(team.workspace.id);
    const server = await startCollabTestServer();
    servers.push(server);
    const analyst = await CollabTestClient.connect(server.url, { token: await createTestToken(team.analyst) });
    clients.push(analyst);
    const { doc } = await analyst.join(documentId);
    const bearer = await createTestToken(team.viewer);
    const readStatements = async () => {
      const answer = await callRoute(judgementsRoute.GET, {
        path: `/api/v1/assessments/${documentId}/judgements`,
        params: { assessmentId: documentId },
        bearer,
      });
      expect(answer.status).toBe(200);
      return answer.body.map((judgement: { statement: string }) => judgement.statement);
    };

    // Pasted text with a NUL in it,, in a judgement.
    const judgement = judgementElement("Tikhoretsk\u0000 is likely to remain a railhead", {
      id: "jdg_key",
      likelihood: "likely",
      confidence: "moderate",
    });
    doc.getXmlFragment(EDITOR_FIELD).insert(0, [judgement]);
    await analyst.settled(documentId);
    expect(await readStatements()).toEqual(["Tikhoretsk is likely to remain a railhead"]);

    // The next edit still reaches the judgements: saving the derived copy did not get stuck.
    const statement = statementText(doc);
    statement.insert(statement.length, " for munitions");
    await analyst.settled(documentId);
    expect(await readStatements()).toEqual(["Tikhoretsk is likely to remain a railhead for munitions"]);
    const search = await callRoute(searchRoute.GET, {
      path: `/api/v1/search?q=munitions&workspaceId=${team.workspace.id}`,
      bearer,
    });
    expect(search.body.hits.map((hit: { type: string }) => hit.type)).toContain("judgement");

    // The shared document itself lost nothing the analyst typed.
    expect(statementText(await storedDocument(documentId)).toString()).toBe(
      "Tikhoretsk\u0000 is likely to remain a railhead for munitions",
    );
  });
});
