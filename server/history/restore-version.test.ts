import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDatabase } from "@/db/client";
import { assessments, assessmentVersions, documentContent, documentUpdates } from "@/db/schema";
import { CollabTestClient } from "../collab/testing/collab-test-client";
import { documentText, storedDocument } from "../collab/testing/collab-test-helpers";
import {
  type CollabTestServer,
  createTestToken,
  startCollabTestServer,
} from "../collab/testing/start-collab-test-server";
import { assessmentForLifecycle, KEY_STATEMENT, lifecycleApi } from "../lifecycle/lifecycle-test-helpers";
import { createTestUser, createTestWorkspace } from "../testing/factories";
import { historyApi, versionLines } from "./history-test-helpers";

const REVISED = "Tikhoretsk will stay crucial.";

let server: CollabTestServer;
beforeAll(async () => {
  server = await startCollabTestServer();
});
afterAll(async () => {
  await server.close();
});

/** Version 1 named on the fixture text, then the statement and the paragraph rewritten. */
async function namedThenRevised() {
  const f = await assessmentForLifecycle();
  expect((await historyApi.name(f.assessmentId, f.analyst, { name: "First draft" })).status).toBe(201);
  await f.write([
    { type: "paragraph", content: [{ type: "text", text: "A different scope." }] },
    ...f.text({ statement: REVISED, likelihood: "unlikely" }).slice(1),
  ]);
  return f;
}

async function updateRows(assessmentId: string): Promise<number> {
  const [row] = await getDatabase()
    .select({ rows: count() })
    .from(documentUpdates)
    .where(eq(documentUpdates.documentId, assessmentId));
  return row?.rows ?? 0;
}

describe("restoring a version", () => {
  it("brings the old text back as a new change on top, audited, with a version of its own", async () => {
    const f = await namedThenRevised();
    const [v1] = await getDatabase()
      .select()
      .from(assessmentVersions)
      .where(eq(assessmentVersions.assessmentId, f.assessmentId));
    const rowsBefore = await updateRows(f.assessmentId);
    const restored = await historyApi.restore(f.assessmentId, f.analyst, "1");
    expect(restored).toMatchObject({
      status: 201,
      body: { number: 2, kind: "automatic", name: "Restored from version 1" },
    });

    // A fresh reader of the log sees the old text; nothing was rewritten, one update appended.
    const rebuilt = await storedDocument(f.assessmentId);
    expect(documentText(rebuilt)).toContain("Scope of this assessment.");
    expect(documentText(rebuilt)).toContain(KEY_STATEMENT);
    expect(documentText(rebuilt)).not.toContain(REVISED);
    expect(await updateRows(f.assessmentId)).toBe(rowsBefore + 1);
    // The derived copy (search, review views) follows.
    const [copy] = await getDatabase()
      .select()
      .from(documentContent)
      .where(eq(documentContent.documentId, f.assessmentId));
    expect(copy?.text).toContain(KEY_STATEMENT);

    expect(await f.auditActions("assessment.version_restored")).toEqual([
      { action: "assessment.version_restored", actorUserId: f.analyst.id, data: { number: 1 } },
    ]);
    expect(await versionLines(f.assessmentId)).toEqual([
      '1 named "First draft"',
      '2 automatic "Restored from version 1"',
    ]);
    const [v1After] = await getDatabase()
      .select()
      .from(assessmentVersions)
      .where(eq(assessmentVersions.id, v1?.id ?? ""));
    expect(v1After).toEqual(v1);
    // Nothing is left to tell apart: the restored version equals the one it restored.
    const comparison = await historyApi.compare(f.assessmentId, f.viewer, "from=1&to=2");
    expect(comparison.body.blocks).toEqual([]);
    expect(comparison.body.judgements[0]?.change).toBe("unchanged");
    // Restoring the text it already has appends no update, but is still recorded.
    const rows = await updateRows(f.assessmentId);
    expect((await historyApi.restore(f.assessmentId, f.analyst, "2")).status).toBe(201);
    expect(await updateRows(f.assessmentId)).toBe(rows);
  });

  it("reaches editors who have the document open", async () => {
    const f = await namedThenRevised();
    const client = await CollabTestClient.connect(server.url, { token: await createTestToken(f.owner) });
    try {
      const open = await client.join(f.assessmentId);
      expect(documentText(open.doc)).toContain(REVISED);
      expect((await historyApi.restore(f.assessmentId, f.owner, "1")).status).toBe(201);
      await expect.poll(() => documentText(open.doc)).toContain(KEY_STATEMENT);
      expect(documentText(open.doc)).not.toContain(REVISED);
    } finally {
      client.close();
    }
  });

  it("refuses reviewers, viewers, outsiders, unknown or foreign numbers and published text; nothing changes", async () => {
    const f = await namedThenRevised();
    const other = await assessmentForLifecycle();
    for (const name of ["a", "b", "c"]) await historyApi.name(other.assessmentId, other.analyst, { name });
    const rowsBefore = await updateRows(f.assessmentId);
    for (const actor of [f.reviewer, f.viewer]) {
      const refused = await historyApi.restore(f.assessmentId, actor, "1");
      expect(refused).toMatchObject({ status: 403, body: { error: { code: "forbidden:version" } } });
    }
    const outsider = await createTestUser();
    await createTestWorkspace(outsider);
    expect(await historyApi.restore(f.assessmentId, outsider, "1")).toMatchObject({
      status: 404,
      body: { error: { code: "not_found:assessment" } },
    });
    for (const number of ["3", "0", "01", "x"]) {
      const missing = await historyApi.restore(f.assessmentId, f.analyst, number);
      expect(missing, number).toMatchObject({ status: 404, body: { error: { code: "not_found:version" } } });
    }
    expect(await updateRows(f.assessmentId)).toBe(rowsBefore);
    expect(await versionLines(f.assessmentId)).toEqual(['1 named "First draft"']);
    expect(await f.auditActions("assessment.version_restored")).toEqual([]);

    await getDatabase()
      .update(assessments)
      .set({ archivedAt: new Date() })
      .where(eq(assessments.id, other.assessmentId));
    const archived = await historyApi.restore(other.assessmentId, other.owner, "1");
    expect(archived).toMatchObject({ status: 409, body: { error: { code: "conflict:assessment_archived" } } });

    await lifecycleApi.requestReview(f.assessmentId, f.analyst, [f.reviewer.id]);
    await f.approve(f.reviewer);
    await lifecycleApi.changeStatus(f.assessmentId, f.reviewer, "approved");
    await lifecycleApi.publish(f.assessmentId, f.owner);
    const published = await updateRows(f.assessmentId);
    const locked = await historyApi.restore(f.assessmentId, f.owner, "1");
    expect(locked).toMatchObject({ status: 409, body: { error: { code: "conflict:assessment_status" } } });
    expect(await updateRows(f.assessmentId)).toBe(published);
  });
});
