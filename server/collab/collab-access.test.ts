import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import { getDatabase } from "@/db/client";
import { memberships } from "@/db/schema";
import { setAssessmentArchived } from "../assessments/set-assessment-archived";
import type { Actor } from "../auth/actor";
import { publishMembershipChanged } from "../events/publish-membership-changed";
import { exportAssessmentVersion } from "../exports/export-assessment-version";
import { forecastingTeam, setTestForecast } from "../forecasts/forecast-test-helpers";
import { recordForecastOutcome } from "../forecasts/record-forecast-outcome";
import { removeForecast } from "../forecasts/remove-forecast";
import { createNamedVersion } from "../history/create-named-version";
import { IdleVersioner } from "../history/idle-versions";
import { restoreVersion } from "../history/restore-version";
import { addMember } from "../members/add-member";
import { changeMemberRole } from "../members/change-member-role";
import { removeMember } from "../members/remove-member";
import { createTestTeam } from "../testing/factories";
import { createApiToken } from "../tokens/create-api-token";
import { revokeApiToken } from "../tokens/revoke-api-token";
import { encodeAwarenessUpdate } from "./awareness-messages";
import { CollabTestClient } from "./testing/collab-test-client";
import {
  appendParagraph,
  documentText,
  nextEvent,
  roundTrip,
  storedDocument,
  updateMessage,
} from "./testing/collab-test-helpers";
import {
  type CollabTestServer,
  createTestDocument,
  createTestToken,
  startCollabTestServer,
} from "./testing/start-collab-test-server";
import { userColor } from "./user-color";

let server: CollabTestServer;
beforeAll(async () => {
  server = await startCollabTestServer();
});
afterAll(async () => {
  await server.close();
});

async function joinAs(actor: Actor, documentId: string) {
  const client = await CollabTestClient.connect(server.url, { token: await createTestToken(actor) });
  const entry = await client.join(documentId);
  return { client, entry };
}

describe("collaboration access", () => {
  it("rejects reviewer and viewer updates: not applied, stored or broadcast", async () => {
    const team = await createTestTeam();
    const documentId = await createTestDocument(team.workspace.id);
    const analyst = await joinAs({ ...team.analyst, via: "session" }, documentId);
    appendParagraph(analyst.entry.doc, "written by the analyst");
    await analyst.client.settled(documentId);

    for (const member of [team.reviewer, team.viewer]) {
      const reader = await joinAs({ ...member, via: "session" }, documentId);
      expect(reader.entry.join).toMatchObject({ readOnly: true });
      // Its (empty) answer to the server's step 1 is accepted: it changes nothing.
      await reader.client.settled(documentId);
      expect(reader.entry.acks).toEqual([{ ok: true }]);
      const forged = new Y.Doc();
      appendParagraph(forged, `forged by ${member.name}`);
      const error = nextEvent<[string, { code: string }]>(reader.client, "doc:error");
      const ack = await reader.client.sendSync(documentId, updateMessage(Y.encodeStateAsUpdate(forged)));
      expect(ack).toMatchObject({ ok: false, error: { code: "forbidden" } });
      expect((await error)[1].code).toBe("forbidden");
      reader.client.close();
    }
    // Anything broadcast would have reached the analyst before this round trip's answer.
    await roundTrip(analyst.client, documentId);
    expect(documentText(analyst.entry.doc)).toBe("written by the analyst");
    expect(documentText(await storedDocument(documentId))).toBe("written by the analyst");
    analyst.client.close();
  });

  it("overwrites a forged awareness identity with the session's", async () => {
    const team = await createTestTeam();
    const documentId = await createTestDocument(team.workspace.id);
    const watcher = await joinAs({ ...team.owner, via: "session" }, documentId);
    const forger = await joinAs({ ...team.reviewer, via: "session" }, documentId);
    const seen = nextEvent<[string, Uint8Array]>(watcher.client, "doc:awareness");
    forger.entry.awareness.setLocalState({
      user: { id: team.owner.id, name: team.owner.name, color: "#000000" },
      cursor: { anchor: 1, head: 1 },
    });
    await seen;
    const state = watcher.entry.awareness.getStates().get(forger.entry.awareness.clientID);
    expect(state).toEqual({
      user: { id: team.reviewer.id, name: team.reviewer.name, color: userColor(team.reviewer.id) },
      cursor: { anchor: 1, head: 1 },
    });
    expect(forger.entry.join?.user).toEqual({
      id: team.reviewer.id,
      name: team.reviewer.name,
      color: userColor(team.reviewer.id),
    });

    // Nor can one connection overwrite or remove another's presence.
    const announced = nextEvent<[string, Uint8Array]>(forger.client, "doc:awareness");
    watcher.entry.awareness.setLocalState({ cursor: null });
    await announced;
    const hijack = encodeAwarenessUpdate([{ clientId: watcher.entry.awareness.clientID, clock: 99, state: null }]);
    const refused = nextEvent<[string, { code: string }]>(forger.client, "doc:error");
    forger.client.socket.emit("doc:awareness", documentId, hijack);
    expect((await refused)[1].code).toBe("forbidden");

    // Leaving removes the forger's presence for everyone else.
    const gone = nextEvent<[string, Uint8Array]>(watcher.client, "doc:awareness");
    forger.client.close();
    await gone;
    expect(watcher.entry.awareness.getStates().has(forger.entry.awareness.clientID)).toBe(false);
    watcher.client.close();
    awarenessProtocol.removeAwarenessStates(forger.entry.awareness, [forger.entry.awareness.clientID], null);
  });

  it("closes the document for a removed member within a second", async () => {
    const team = await createTestTeam();
    const documentId = await createTestDocument(team.workspace.id);
    const member = await joinAs({ ...team.analyst, via: "session" }, documentId);
    const closed = nextEvent<[string, string]>(member.client, "doc:closed", () => true, 1000);
    await removeMember({ actor: team.owner, workspaceId: team.workspace.id, userId: team.analyst.id });
    expect(await closed).toEqual([documentId, "access_revoked"]);

    // The connection no longer receives or sends to the document.
    const error = nextEvent<[string, { code: string }]>(member.client, "doc:error");
    appendParagraph(member.entry.doc, "after removal");
    expect((await error)[1].code).toBe("not_joined");
    await expect(member.client.join(documentId)).rejects.toMatchObject({ code: "not_found" });
    member.client.close();
  });

  it("applies a role change to a live connection at once", async () => {
    const team = await createTestTeam();
    const documentId = await createTestDocument(team.workspace.id);
    const member = await joinAs({ ...team.analyst, via: "session" }, documentId);
    appendParagraph(member.entry.doc, "while analyst");
    await member.client.settled(documentId);

    const role = nextEvent<[string, { readOnly: boolean; role: string }]>(member.client, "doc:role");
    await changeMemberRole({
      actor: team.owner,
      workspaceId: team.workspace.id,
      userId: team.analyst.id,
      role: "viewer",
    });
    expect(await role).toEqual([documentId, { readOnly: true, role: "viewer" }]);

    // The event bus is what carries it: a direct change plus an announcement works the same way.
    const back = nextEvent<[string, { readOnly: boolean; role: string }]>(member.client, "doc:role");
    await getDatabase()
      .update(memberships)
      .set({ role: "analyst" })
      .where(and(eq(memberships.workspaceId, team.workspace.id), eq(memberships.userId, team.analyst.id)));
    await publishMembershipChanged({ workspaceId: team.workspace.id, userId: team.analyst.id });
    expect(await back).toEqual([documentId, { readOnly: false, role: "analyst" }]);
    const demoted = nextEvent<[string, { readOnly: boolean; role: string }]>(member.client, "doc:role");
    await changeMemberRole({
      actor: team.owner,
      workspaceId: team.workspace.id,
      userId: team.analyst.id,
      role: "viewer",
    });
    await demoted;

    appendParagraph(member.entry.doc, "while viewer");
    await member.client.settled(documentId);
    expect(member.entry.acks.at(-1)).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(documentText(await storedDocument(documentId))).toBe("while analyst");
    member.client.close();
  });

  it("tells open documents of the workspace to reload reviews when a member changes role, leaves or is added", async () => {
    const team = await createTestTeam();
    const documentId = await createTestDocument(team.workspace.id);
    const watcher = await joinAs(team.analyst, documentId);
    const reviewsChanged = () =>
      nextEvent<[string, { kind: string }]>(watcher.client, "doc:changed", (_id, change) => change.kind === "reviews");
    // Whether the reviewer's verdicts count changes with each of these, though no verdict is given.
    const demoted = reviewsChanged();
    await changeMemberRole({
      actor: team.owner,
      workspaceId: team.workspace.id,
      userId: team.reviewer.id,
      role: "viewer",
    });
    expect(await demoted).toEqual([documentId, { kind: "reviews" }]);
    const removed = reviewsChanged();
    await removeMember({ actor: team.owner, workspaceId: team.workspace.id, userId: team.reviewer.id });
    expect(await removed).toEqual([documentId, { kind: "reviews" }]);
    const added = reviewsChanged();
    await addMember({
      actor: team.owner,
      workspaceId: team.workspace.id,
      email: team.reviewer.email,
      role: "reviewer",
    });
    expect(await added).toEqual([documentId, { kind: "reviews" }]);
    watcher.client.close();
  });

  it("tells an assessment's open documents when one of its forecasts is set, resolved or removed", async () => {
    const f = await forecastingTeam();
    const documentId = await f.writeAssessment([
      { id: "jdg_key", likelihood: "likely" },
      { id: "jdg_two", likelihood: "unlikely" },
    ]);
    const otherDocument = await createTestDocument(f.workspaceId);
    const watcher = await joinAs(f.reviewer, documentId);
    const bystander = await joinAs(f.reviewer, otherDocument);
    const told: string[] = [];
    bystander.client.socket.on("doc:changed", (id: string, change: { kind: string }) =>
      told.push(`${id} ${change.kind}`),
    );
    const forecastsChanged = () =>
      nextEvent<[string, { kind: string }]>(
        watcher.client,
        "doc:changed",
        (_id, change) => change.kind === "forecasts",
      );
    const set = forecastsChanged();
    await setTestForecast(f.analyst, documentId);
    expect(await set).toEqual([documentId, { kind: "forecasts" }]);
    const resolved = forecastsChanged();
    await recordForecastOutcome({
      actor: f.reviewer,
      assessmentId: documentId,
      judgementId: "jdg_key",
      input: { outcome: "happened" },
    });
    expect(await resolved).toEqual([documentId, { kind: "forecasts" }]);
    await setTestForecast(f.analyst, documentId, { judgementId: "jdg_two" });
    const removed = forecastsChanged();
    await removeForecast({ actor: f.analyst, assessmentId: documentId, judgementId: "jdg_two" });
    expect(await removed).toEqual([documentId, { kind: "forecasts" }]);
    await roundTrip(bystander.client, otherDocument);
    expect(told.filter((line) => line.endsWith("forecasts"))).toEqual([]);
    watcher.client.close();
    bystander.client.close();
  });

  it("tells an assessment's open documents when a version is frozen after editing, named, restored or exported", async () => {
    const team = await createTestTeam();
    const documentId = await createTestDocument(team.workspace.id);
    const otherDocument = await createTestDocument(team.workspace.id);
    const writer = await joinAs(team.analyst, documentId);
    const watcher = await joinAs(team.viewer, documentId);
    const bystander = await joinAs(team.viewer, otherDocument);
    const told: string[] = [];
    bystander.client.socket.on("doc:changed", (id: string, change: { kind: string }) =>
      told.push(`${id} ${change.kind}`),
    );
    const historyChanged = () =>
      nextEvent<[string, { kind: string }]>(watcher.client, "doc:changed", (_id, change) => change.kind === "history");

    appendParagraph(writer.entry.doc, "Rail cars at Tikhoretsk");
    await writer.client.settled(documentId);
    const afterEditing = historyChanged();
    const versioner = new IdleVersioner({ idleMs: 10 });
    versioner.touch(documentId, team.analyst.id);
    expect(await afterEditing).toEqual([documentId, { kind: "history" }]);
    await Promise.all(versioner.running);

    const named = historyChanged();
    await createNamedVersion({ actor: team.analyst, assessmentId: documentId, input: { name: "Before April" } });
    expect(await named).toEqual([documentId, { kind: "history" }]);
    const restored = historyChanged();
    await restoreVersion({ actor: team.analyst, assessmentId: documentId, number: 1 });
    expect(await restored).toEqual([documentId, { kind: "history" }]);
    const exported = historyChanged();
    await exportAssessmentVersion({ actor: team.viewer, assessmentId: documentId, number: 2, format: "md" });
    expect(await exported).toEqual([documentId, { kind: "history" }]);

    await roundTrip(bystander.client, otherDocument);
    expect(told.filter((line) => line.endsWith("history"))).toEqual([]);
    writer.client.close();
    watcher.client.close();
    bystander.client.close();
  });

  it("freezes the text of an archived assessment for every open editor, and thaws it on restore", async () => {
    const team = await createTestTeam();
    const documentId = await createTestDocument(team.workspace.id);
    const writer = await joinAs(team.analyst, documentId);
    appendParagraph(writer.entry.doc, "before archiving");
    await writer.client.settled(documentId);

    const frozen = nextEvent<[string, { readOnly: boolean; role: string }]>(writer.client, "doc:role");
    await setAssessmentArchived({ actor: team.owner, assessmentId: documentId, archived: true });
    expect(await frozen).toEqual([documentId, { readOnly: true, role: "analyst" }]);
    appendParagraph(writer.entry.doc, "after archiving");
    await writer.client.settled(documentId);
    expect(writer.entry.acks.at(-1)).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(documentText(await storedDocument(documentId))).toBe("before archiving");

    const thawed = nextEvent<[string, { readOnly: boolean; role: string }]>(writer.client, "doc:role");
    await setAssessmentArchived({ actor: team.owner, assessmentId: documentId, archived: false });
    expect(await thawed).toEqual([documentId, { readOnly: false, role: "analyst" }]);
    writer.client.close();

    // A connection that joins an archived assessment is read-only from the start.
    await setAssessmentArchived({ actor: team.owner, assessmentId: documentId, archived: true });
    const late = await joinAs(team.analyst, documentId);
    expect(late.entry.join?.readOnly).toBe(true);
    late.client.close();
  });

  it("ends live connections opened with an API token when the token is revoked", async () => {
    const team = await createTestTeam();
    const documentId = await createTestDocument(team.workspace.id);
    const { token, secret } = await createApiToken({ actor: team.analyst, name: "bot" });
    const bot = await CollabTestClient.connect(server.url, { token: secret });
    await bot.join(documentId);
    const closed = nextEvent<[string, string]>(bot, "doc:closed");
    const disconnected = new Promise<string>((resolve) => bot.socket.once("disconnect", resolve));
    await revokeApiToken({ actor: team.analyst, tokenId: token.id });
    expect(await closed).toEqual([documentId, "access_revoked"]);
    expect(await disconnected).toBe("io server disconnect");
    // And it cannot come back.
    await expect(CollabTestClient.connect(server.url, { token: secret })).rejects.toThrow(/unauthorized/);
  });
});
