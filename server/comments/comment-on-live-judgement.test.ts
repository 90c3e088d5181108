import { afterEach, describe, expect, it } from "vitest";
import { EDITOR_FIELD } from "@/lib/editor/editor-extensions";
import { CollabTestClient } from "../collab/testing/collab-test-client";
import {
  type CollabTestServer,
  createTestDocument,
  createTestToken,
  startCollabTestServer,
} from "../collab/testing/start-collab-test-server";
import { judgementElement } from "../judgements/judgement-test-helpers";
import { createTestApiToken, createTestTeam } from "../testing/factories";
import { commentApi } from "./comment-test-helpers";

const servers: CollabTestServer[] = [];
const clients: CollabTestClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  for (const server of servers.splice(0)) await server.close();
});

describe("commenting on a judgement being written", () => {
  it("finds a judgement typed a moment ago, before its periodic save", async () => {
    const team = await createTestTeam();
    const assessmentId = await createTestDocument(team.workspace.id);
    // A long save delay: only the flush inside createCommentThread can have projected the judgement.
    const server = await startCollabTestServer({ collab: { contentDelayMs: 60_000 } });
    servers.push(server);
    const analyst = await CollabTestClient.connect(server.url, { token: await createTestToken(team.analyst) });
    clients.push(analyst);
    const doc = (await analyst.join(assessmentId)).doc;
    const element = judgementElement("Rail traffic will almost certainly continue.", { id: "jdg_fresh" });
    doc.getXmlFragment(EDITOR_FIELD).insert(0, [element]);
    await analyst.settled(assessmentId);

    const response = await commentApi.create(assessmentId, await createTestApiToken(team.reviewer), {
      judgementId: "jdg_fresh",
      body: "On what evidence?",
    });
    expect(response.status).toBe(201);
    expect(response.body.judgementId).toBe("jdg_fresh");
  });
});
