import { randomUUID } from "node:crypto";
import { asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDatabase } from "@/db/client";
import { documentContent, judgementRevisions } from "@/db/schema";
import { storeDocumentContent } from "../collab/store-document-content";
import { createTestDocument } from "../collab/testing/start-collab-test-server";
import { createTestTeam, createTestUser, createTestWorkspace } from "../testing/factories";
import { documentOf, insertTestObservation, judgementBlock, judgementRows } from "./judgement-test-helpers";

const TIKHORETSK = "Tikhoretsk is likely to remain crucial for handling North Korean munitions sent to Russia.";
const EFFICIENCY = "Fewer containers at the entrances suggest the depot is handling material more efficiently.";

async function setUp() {
  const team = await createTestTeam();
  const assessmentId = await createTestDocument(team.workspace.id);
  const february = await insertTestObservation(team.workspace.id, "About 60 rail cars", { externalId: "OBS-26" });
  const april = await insertTestObservation(team.workspace.id, "About 50 rail cars", { externalId: "OBS-27" });
  return { ...team, assessmentId, february, april };
}

describe("judgements projection", () => {
  it("writes one row per judgement block in document order, next to the text copy", async () => {
    const { assessmentId, analyst, february, april } = await setUp();
    const doc = documentOf([
      { type: "paragraph", content: [{ type: "text", text: "Scope" }] },
      judgementBlock(TIKHORETSK, {
        id: "jdg_key",
        likelihood: "likely",
        confidence: "moderate",
        isKey: true,
        citations: [april, february],
      }),
      judgementBlock(EFFICIENCY, { id: "jdg_second", likelihood: "likely", confidence: "low" }),
    ]);
    expect(await storeDocumentContent(assessmentId, doc, [analyst.id])).toBe(true);

    const rows = await judgementRows(assessmentId);
    expect(rows).toMatchObject([
      {
        id: "jdg_key",
        position: 0,
        statement: TIKHORETSK,
        likelihood: "likely",
        confidence: "moderate",
        isKey: true,
        citedObservationIds: [april, february],
        unresolvedCitations: [],
        authorIds: [analyst.id],
      },
      {
        id: "jdg_second",
        position: 1,
        statement: EFFICIENCY,
        confidence: "low",
        isKey: false,
        citedObservationIds: [],
      },
    ]);
    expect(rows[0]?.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const [content] = await getDatabase()
      .select()
      .from(documentContent)
      .where(eq(documentContent.documentId, assessmentId));
    expect(content?.text).toContain("Scope");
  });

  it("leaves unchanged judgements alone, rewrites changed ones and deletes removed ones", async () => {
    const { assessmentId, analyst, owner, february } = await setUp();
    const key = judgementBlock(TIKHORETSK, { id: "jdg_key", likelihood: "likely", citations: [february] });
    const second = judgementBlock(EFFICIENCY, { id: "jdg_second", confidence: "low" });
    await storeDocumentContent(assessmentId, documentOf([key, second]), [analyst.id]);
    const [before] = await judgementRows(assessmentId);

    // The owner types a paragraph above the key judgement: it moves, but nobody changed it.
    const moved = documentOf([{ type: "paragraph", content: [{ type: "text", text: "Intro" }] }, key]);
    await storeDocumentContent(assessmentId, moved, [owner.id]);
    const [unchanged, ...rest] = await judgementRows(assessmentId);
    expect(rest).toEqual([]);
    expect(unchanged).toMatchObject({ id: "jdg_key", contentHash: before?.contentHash, authorIds: [analyst.id] });
    expect(unchanged?.updatedAt).toEqual(before?.updatedAt);

    // Then the owner raises its likelihood: the hash changes and the owner joins its authors.
    const edited = judgementBlock(TIKHORETSK, { id: "jdg_key", likelihood: "very_likely", citations: [february] });
    await storeDocumentContent(assessmentId, documentOf([edited]), [owner.id, analyst.id]);
    const [after] = await judgementRows(assessmentId);
    expect(after).toMatchObject({ likelihood: "very_likely", authorIds: [analyst.id, owner.id] });
    expect(after?.contentHash).not.toBe(before?.contentHash);
  });

  it("appends a revision with its editors for each new content of a judgement, and none for a move", async () => {
    const { assessmentId, analyst, owner, february } = await setUp();
    const key = judgementBlock(TIKHORETSK, { id: "jdg_key", likelihood: "likely", citations: [february] });
    await storeDocumentContent(assessmentId, documentOf([key]), [analyst.id]);
    const moved = documentOf([{ type: "paragraph", content: [{ type: "text", text: "Intro" }] }, key]);
    await storeDocumentContent(assessmentId, moved, [owner.id]);
    const raised = judgementBlock(TIKHORETSK, { id: "jdg_key", likelihood: "very_likely", citations: [february] });
    await storeDocumentContent(assessmentId, documentOf([raised]), [owner.id, analyst.id]);

    const revisions = await getDatabase()
      .select()
      .from(judgementRevisions)
      .where(eq(judgementRevisions.assessmentId, assessmentId))
      .orderBy(asc(judgementRevisions.id));
    expect(revisions).toMatchObject([
      { judgementId: "jdg_key", likelihood: "likely", citedObservationIds: [february], editorIds: [analyst.id] },
      { judgementId: "jdg_key", likelihood: "very_likely", statement: TIKHORETSK, editorIds: [owner.id, analyst.id] },
    ]);
    expect(revisions[1]?.contentHash).toBe((await judgementRows(assessmentId))[0]?.contentHash);
  });

  it("keeps citations of other workspaces' observations unresolved, like unknown and malformed ids", async () => {
    const { assessmentId, analyst, february } = await setUp();
    const stranger = await createTestUser();
    const otherWorkspace = await createTestWorkspace(stranger);
    const foreign = await insertTestObservation(otherWorkspace.id, "Someone else's evidence");
    const unknown = randomUUID();
    const doc = documentOf([
      judgementBlock(TIKHORETSK, { id: "jdg_key", citations: [foreign, february, "OBS-26", unknown] }),
    ]);
    await storeDocumentContent(assessmentId, doc, [analyst.id]);
    const [row] = await judgementRows(assessmentId);
    expect(row?.citedObservationIds).toEqual([february]);
    expect(row?.unresolvedCitations).toEqual([foreign, "OBS-26", unknown]);
  });

  it("projects the first of blocks sharing an id and skips blocks without one", async () => {
    const { assessmentId, analyst } = await setUp();
    const doc = documentOf([
      judgementBlock("No id yet", { id: null }),
      judgementBlock(TIKHORETSK, { id: "jdg_key" }),
      judgementBlock("A pasted copy", { id: "jdg_key" }),
    ]);
    await storeDocumentContent(assessmentId, doc, [analyst.id]);
    expect((await judgementRows(assessmentId)).map((row) => [row.id, row.statement, row.position])).toEqual([
      ["jdg_key", TIKHORETSK, 0],
    ]);
  });

  it("removes every row when the last judgement block is deleted", async () => {
    const { assessmentId, analyst } = await setUp();
    await storeDocumentContent(assessmentId, documentOf([judgementBlock(TIKHORETSK, { id: "jdg_key" })]), [analyst.id]);
    await storeDocumentContent(assessmentId, documentOf([{ type: "paragraph" }]), [analyst.id]);
    expect(await judgementRows(assessmentId)).toEqual([]);
  });

  it("still saves the text copy when the projection fails, and projects on the next save", async () => {
    const { assessmentId, analyst } = await setUp();
    const db = getDatabase();
    // A real failure inside the database: every write to judgements is refused until dropped.
    await db.execute(sql`create function refuse_judgements() returns trigger language plpgsql as $$
      begin raise exception 'judgements are read-only'; end $$`);
    await db.execute(sql`create trigger refuse_judgements before insert or update on judgements
      for each row execute function refuse_judgements()`);
    const doc = documentOf([judgementBlock(TIKHORETSK, { id: "jdg_key" })]);
    try {
      expect(await storeDocumentContent(assessmentId, doc, [analyst.id])).toBe(false);
    } finally {
      await db.execute(sql`drop trigger refuse_judgements on judgements`);
      await db.execute(sql`drop function refuse_judgements()`);
    }
    const [content] = await db.select().from(documentContent).where(eq(documentContent.documentId, assessmentId));
    expect(content?.text).toContain(TIKHORETSK);
    expect(await judgementRows(assessmentId)).toEqual([]);

    expect(await storeDocumentContent(assessmentId, doc, [analyst.id])).toBe(true);
    expect((await judgementRows(assessmentId)).map((row) => row.id)).toEqual(["jdg_key"]);
  });
});
