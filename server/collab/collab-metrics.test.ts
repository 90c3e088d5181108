import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestTeam } from "../testing/factories";
import { renderMetrics } from "./collab-metrics";
import { CollabTestClient } from "./testing/collab-test-client";
import { appendParagraph, updateMessage } from "./testing/collab-test-helpers";
import {
  type CollabTestServer,
  createTestDocument,
  createTestToken,
  startCollabTestServer,
} from "./testing/start-collab-test-server";

let server: CollabTestServer;
beforeAll(async () => {
  server = await startCollabTestServer();
});
afterAll(async () => {
  await server.close();
});

function metricValue(body: string, name: string): number {
  const line = body
    .split("\n")
    .find((candidate) => candidate.startsWith(`${name} `) || candidate.startsWith(`${name}{`));
  return line ? Number(line.split(" ").at(-1)) : Number.NaN;
}

describe("collaboration metrics", () => {
  it("exposes connections, documents, updates, persist latency and errors in Prometheus format", async () => {
    const team = await createTestTeam();
    const documentId = await createTestDocument(team.workspace.id);
    const client = await CollabTestClient.connect(server.url, { token: await createTestToken(team.analyst) });
    const entry = await client.join(documentId);
    appendParagraph(entry.doc, "counted");
    await client.settled(documentId);
    // The registry is the process's: files that ran earlier in this worker counted errors too.
    const errorsBefore = metricValue(
      (await renderMetrics()).body,
      'parallax_collab_errors_total{code="invalid_message"}',
    );
    await client.sendSync(documentId, updateMessage(new Uint8Array([1, 2, 3])));

    const { contentType, body } = await renderMetrics();
    expect(contentType).toContain("text/plain");
    expect(metricValue(body, "parallax_collab_connections")).toBeGreaterThanOrEqual(1);
    expect(metricValue(body, "parallax_collab_open_documents")).toBeGreaterThanOrEqual(1);
    expect(metricValue(body, "parallax_collab_updates_in_total")).toBeGreaterThanOrEqual(2);
    expect(metricValue(body, "parallax_collab_persist_seconds_count")).toBeGreaterThanOrEqual(1);
    expect(metricValue(body, "parallax_collab_pending_updates")).toBe(0);
    expect(metricValue(body, 'parallax_collab_errors_total{code="invalid_message"}')).toBe(
      (Number.isNaN(errorsBefore) ? 0 : errorsBefore) + 1,
    );
    expect(body).toContain("parallax_collab_updates_out_total");
    client.close();
  });
});
