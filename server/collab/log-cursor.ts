/**
 * How long an update row id may stay uncommitted. Ids come from a sequence when the INSERT runs,
 * not when it commits, so a row with a small id can appear after rows with larger ids; after
 * this long we assume every smaller id has committed or rolled back.
 */
const SETTLE_MS = 30_000;

/**
 * Which `document_updates` rows a process already has in its in-memory document: every id at or
 * below `floor`, plus the ids in `seen`. Reconciliation reads ids above the floor and fetches only
 * the unseen ones, which are exactly the updates the Redis relay failed to deliver.
 */
export class LogCursor {
  private readonly seen = new Set<number>();
  private readonly marks: { at: number; max: number }[] = [];
  private max = 0;
  private floorId = 0;

  /** Ids at or below this are all in the document. */
  get floor(): number {
    return this.floorId;
  }

  /** Records rows the document now contains (loaded, written by this process, or reconciled). */
  note(ids: Iterable<number>): void {
    for (const id of ids) {
      if (id <= this.floorId) continue;
      this.seen.add(id);
      if (id > this.max) this.max = id;
    }
  }

  /** Whether the row is already in the document. */
  has(id: number): boolean {
    return id <= this.floorId || this.seen.has(id);
  }

  /** Once per reconciliation: raise the floor to the highest id seen SETTLE_MS ago and forget below it. */
  advance(now: number = Date.now()): void {
    this.marks.push({ at: now, max: this.max });
    let settled: number | undefined;
    while (this.marks.length > 0 && (this.marks[0]?.at ?? now) <= now - SETTLE_MS) settled = this.marks.shift()?.max;
    if (settled === undefined || settled <= this.floorId) return;
    this.floorId = settled;
    for (const id of this.seen) if (id <= settled) this.seen.delete(id);
  }
}
