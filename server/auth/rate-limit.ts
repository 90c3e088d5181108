import { eq, sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { authFailures } from "@/db/schema";

export interface FailureLimit {
  /** Failures allowed inside one window before further attempts are refused. */
  max: number;
  /** Window length in seconds. */
  windowSeconds: number;
}

export const ACCOUNT_LIMIT: FailureLimit = { max: 5, windowSeconds: 15 * 60 };
export const IP_LIMIT: FailureLimit = { max: 30, windowSeconds: 15 * 60 };

/** Seconds until `key` may try again, or 0 when it is not blocked. */
export async function secondsUntilAllowed(key: string, limit: FailureLimit): Promise<number> {
  const db = getDatabase();
  const [row] = await db.select().from(authFailures).where(eq(authFailures.key, key));
  if (!row || row.failures < limit.max) return 0;
  const reopensAt = row.windowStartedAt.getTime() + limit.windowSeconds * 1000;
  return Math.max(0, Math.ceil((reopensAt - Date.now()) / 1000));
}

/** Counts one failure for `key` in a fixed window (one atomic upsert, safe across processes). */
export async function recordFailure(key: string, limit: FailureLimit): Promise<void> {
  const db = getDatabase();
  const windowExpired = sql`${authFailures.windowStartedAt} < now() - make_interval(secs => ${limit.windowSeconds})`;
  await db
    .insert(authFailures)
    .values({ key, failures: 1 })
    .onConflictDoUpdate({
      target: authFailures.key,
      set: {
        failures: sql`case when ${windowExpired} then 1 else ${authFailures.failures} + 1 end`,
        windowStartedAt: sql`case when ${windowExpired} then now() else ${authFailures.windowStartedAt} end`,
      },
    });
}

/** Forgets the failures of `key` (after a successful sign-in). */
export async function clearFailures(key: string): Promise<void> {
  await getDatabase().delete(authFailures).where(eq(authFailures.key, key));
}
