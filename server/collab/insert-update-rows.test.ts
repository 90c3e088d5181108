import { asc, eq, inArray, sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
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
  await setUpdatedTwoMinutesAgo(documentId);
  return documentId;
}

async function updatedAt(documentId: string): Promise<number> {
  const [row] = await getDatabase()
    .select({ updatedAt: assessments.updatedAt })
    .from(assessments)
    .where(eq(assessments.id, documentId));
  if (!row) throw new Error("no such assessment");
  return row.updatedAt.getTime();
}

async function setUpdatedTwoMinutesAgo(documentId: string): Promise<void> {
  await getDatabase()
    .update(assessments)
    .set({ updatedAt: sql`now() - interval '2 minutes'` })
    .where(eq(assessments.id, documentId));
}

/** Lets this process's clock run `ms` ahead (the writer's once-a-minute memory reads `Date.now`). */
function clockAhead(ms: number): void {
  const now = Date.now.bind(Date);
  vi.spyOn(Date, "now").mockImplementation(() => now() + ms);
}

afterEach(() => {
  vi.restoreAllMocks();
});

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

  it("moves the assessment's updated time with the first batch, then at most once a minute", async () => {
    const team = await createTestTeam();
    const documentId = await documentEditedBefore(team.workspace.id);
    const userId = team.analyst.id;
    const before = await updatedAt(documentId);

    await insertUpdateRows([{ documentId, update: new Uint8Array([1]), userId }]);
    const moved = await updatedAt(documentId);
    expect(moved - before).toBeGreaterThan(100_000);

    // Within the minute the writer does not touch the row again, whatever it holds.
    await setUpdatedTwoMinutesAgo(documentId);
    const stale = await updatedAt(documentId);
    await insertUpdateRows([{ documentId, update: new Uint8Array([2]), userId }]);
    expect(await updatedAt(documentId)).toBe(stale);

    clockAhead(61_000);
    await insertUpdateRows([{ documentId, update: new Uint8Array([3]), userId }]);
    expect((await updatedAt(documentId)) - stale).toBeGreaterThan(100_000);
  });

  it("writes a new document's batches of its first minute without a transaction once its author is known", async () => {
    const team = await createTestTeam();
    // Created just now: its updated time is under a minute old and does not move yet.
    const documentId = await createTestDocument(team.workspace.id);
    const userId = team.analyst.id;
    const transaction = vi.spyOn(getDatabase(), "transaction");

    await insertUpdateRows([{ documentId, update: new Uint8Array([1]), userId }]);
    expect(transaction).toHaveBeenCalledTimes(1);
    await insertUpdateRows([{ documentId, update: new Uint8Array([2]), userId }]);
    await insertUpdateRows([{ documentId, update: new Uint8Array([3]), userId }]);
    expect(transaction).toHaveBeenCalledTimes(1);

    // A minute on, the document's time moves again.
    await setUpdatedTwoMinutesAgo(documentId);
    const stale = await updatedAt(documentId);
    clockAhead(61_000);
    await insertUpdateRows([{ documentId, update: new Uint8Array([4]), userId }]);
    expect(transaction).toHaveBeenCalledTimes(2);
    expect((await updatedAt(documentId)) - stale).toBeGreaterThan(100_000);
    expect((await storedRows([documentId])).map((row) => [...row.update])).toEqual([[1], [2], [3], [4]]);
    const authors = await getDatabase()
      .select({ userId: assessmentAuthors.userId })
      .from(assessmentAuthors)
      .where(eq(assessmentAuthors.assessmentId, documentId));
    expect(authors).toEqual([{ userId }]);
  });
});
