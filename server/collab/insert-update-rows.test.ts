import { asc, eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDatabase } from "@/db/client";
import { assessmentAuthors, assessments, documentUpdates } from "@/db/schema";
import { createTestTeam } from "../testing/factories";
import { insertUpdateRows, isPermanentWriteError } from "./insert-update-rows";
import { createTestDocument } from "./testing/start-collab-test-server";

async function storedRows(documentIds: string[]) {
  return getDatabase()
    .select({
      id: documentUpdates.id,
      documentId: documentUpdates.documentId,
      update: documentUpdates.update,
      userId: documentUpdates.userId,
    })
    .from(documentUpdates)
    .where(inArray(documentUpdates.documentId, documentIds))
    .orderBy(asc(documentUpdates.id));
}

/**
 * A document last changed two minutes ago, as one being edited usually is: its first batch moves
 * the "updated" time and records the author (a transaction), later ones are the lone INSERT.
 */
async function documentEditedBefore(workspaceId: string): Promise<string> {
  const documentId = await createTestDocument(workspaceId);
  await getDatabase()
    .update(assessments)
    .set({ updatedAt: sql`now() - interval '2 minutes'` })
    .where(eq(assessments.id, documentId));
  return documentId;
}

describe("insertUpdateRows", () => {
  it("stores each row's bytes and sender exactly and returns the new ids per document", async () => {
    const team = await createTestTeam();
    const first = await documentEditedBefore(team.workspace.id);
    const second = await documentEditedBefore(team.workspace.id);
    const analyst = team.analyst.id;
    await insertUpdateRows([{ documentId: first, update: new Uint8Array([1]), userId: analyst }]);
    await insertUpdateRows([{ documentId: second, update: new Uint8Array([2]), userId: analyst }]);
    const before = await storedRows([first, second]);

    const batches = [
      [
        { documentId: first, update: new Uint8Array([0, 255, 16, 0]), userId: analyst },
        { documentId: second, update: new Uint8Array([92, 120, 39, 34]), userId: null },
        { documentId: first, update: new Uint8Array(3000).map((_, index) => index % 256), userId: analyst },
      ],
      // Another row count: the same statement serves every batch size.
      [{ documentId: second, update: new Uint8Array([7, 7]), userId: analyst }],
    ];
    const returned = [];
    for (const batch of batches) returned.push(...(await insertUpdateRows(batch)));

    const after = (await storedRows([first, second])).slice(before.length);
    expect(after.map((row) => ({ documentId: row.documentId, update: [...row.update], userId: row.userId }))).toEqual(
      batches.flat().map((row) => ({ documentId: row.documentId, update: [...row.update], userId: row.userId })),
    );
    expect(returned.toSorted((a, b) => a.id - b.id)).toEqual(
      after.map((row) => ({ id: row.id, documentId: row.documentId })),
    );
    const authors = await getDatabase()
      .select({ assessmentId: assessmentAuthors.assessmentId })
      .from(assessmentAuthors)
      .where(eq(assessmentAuthors.userId, analyst));
    expect(authors.map((row) => row.assessmentId).toSorted()).toEqual([first, second].toSorted());
  });

  it("writes nothing of a batch when one of its documents was deleted, and says it never will", async () => {
    const team = await createTestTeam();
    const kept = await documentEditedBefore(team.workspace.id);
    const deleted = await documentEditedBefore(team.workspace.id);
    const userId = team.analyst.id;
    await insertUpdateRows([
      { documentId: kept, update: new Uint8Array([1]), userId },
      { documentId: deleted, update: new Uint8Array([1]), userId },
    ]);
    await getDatabase().delete(assessments).where(eq(assessments.id, deleted));

    const error = await insertUpdateRows([
      { documentId: kept, update: new Uint8Array([2]), userId },
      { documentId: deleted, update: new Uint8Array([3]), userId },
    ]).catch((caught: unknown) => caught);
    // The queue then writes each document on its own instead of retrying the batch forever.
    expect(isPermanentWriteError(error)).toBe(true);
    expect((await storedRows([kept, deleted])).map((row) => [...row.update])).toEqual([[1]]);
  });
});
