import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type DatabaseHandle, getDatabase, getDatabaseHandle, openDatabase, setDatabase } from "@/db/client";
import { documentContent } from "@/db/schema";
import { createTestTeam } from "../testing/factories";
import { flushDocumentContent } from "./store-document-content";
import { CollabTestClient } from "./testing/collab-test-client";
import { appendParagraph, nextEvent } from "./testing/collab-test-helpers";
import {
  type CollabTestServer,
  createTestDocument,
  createTestToken,
  startCollabTestServer,
} from "./testing/start-collab-test-server";

let shared: DatabaseHandle | undefined;
let unreachable: DatabaseHandle | undefined;
let server: CollabTestServer | undefined;
let client: CollabTestClient | undefined;

afterEach(async () => {
  if (shared) setDatabase(shared);
  client?.close();
  await server?.close();
  await unreachable?.close();
});

async function storedText(documentId: string): Promise<string | undefined> {
  const [row] = await getDatabase()
    .select({ text: documentContent.text })
    .from(documentContent)
    .where(eq(documentContent.documentId, documentId));
  return row?.text;
}

describe("the derived document copy across a database outage", () => {
  it("is written once the database returns, though nobody edits after the outage", async () => {
    const team = await createTestTeam();
    const documentId = await createTestDocument(team.workspace.id);
    server = await startCollabTestServer({ collab: { contentDelayMs: 20 } });
    client = await CollabTestClient.connect(server.url, { token: await createTestToken(team.analyst) });
    const entry = await client.join(documentId);
    appendParagraph(entry.doc, "before the outage");
    await client.settled(documentId);
    await vi.waitFor(async () => expect(await storedText(documentId)).toBe("before the outage"));

    // The database goes away (a PostgreSQL server nobody listens for): the update is kept in
    // memory, and the derived copy's save fails.
    shared = getDatabaseHandle();
    unreachable = await openDatabase({ databaseUrl: "postgres://postgres@127.0.0.1:1/parallax", poolSize: 1 });
    setDatabase(unreachable);
    const notSaved = nextEvent<[string, { durable: boolean }]>(client, "doc:saved-state");
    appendParagraph(entry.doc, "the last edit, during the outage");
    expect((await notSaved)[1]).toEqual({ durable: false });
    // Until here the copy's debounced save may not have run yet: run it now, while it must fail.
    await flushDocumentContent(documentId);
    expect(entry.unacked).toBe(1);

    setDatabase(shared);
    await client.settled(documentId);
    expect(entry.acks.at(-1)).toEqual({ ok: true });
    await vi.waitFor(
      async () => expect(await storedText(documentId)).toBe("before the outage\nthe last edit, during the outage"),
      { timeout: 10_000, interval: 50 },
    );
  });
});
