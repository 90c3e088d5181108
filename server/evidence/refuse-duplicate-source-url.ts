import { and, eq, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { sources } from "@/db/schema";
import { AppError } from "@/lib/errors";

/** How a source is named in a duplicate message: its file id if any, publisher and title. */
export function describeSource(source: { externalId: string | null; publisher: string; title: string | null }) {
  const name = source.title ? `${source.publisher}, “${source.title}”` : source.publisher;
  return source.externalId ? `${source.externalId} (${name})` : name;
}

/**
 * A URL identifies one document, so a second source with the same URL is refused (409, field
 * `url`, naming the source to cite instead), as a second account with one email is. The advisory
 * lock makes two saves of the same URL at once queue, so both cannot pass the check.
 */
export async function refuseDuplicateSourceUrl(
  db: Executor,
  options: { workspaceId: string; url: string | null | undefined; exceptSourceId?: string },
): Promise<void> {
  const { workspaceId, url } = options;
  if (!url) return;
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`source-url:${workspaceId}:${url}`}))`);
  const [existing] = await db
    .select({ externalId: sources.externalId, publisher: sources.publisher, title: sources.title })
    .from(sources)
    .where(
      and(
        eq(sources.workspaceId, workspaceId),
        eq(sources.url, url),
        options.exceptSourceId ? ne(sources.id, options.exceptSourceId) : undefined,
      ),
    )
    .limit(1);
  if (!existing) return;
  const message = `This URL is already in the library as ${describeSource(existing)}: cite that source instead.`;
  throw new AppError("conflict:source", "Another source of this workspace has this URL.", {
    fields: { url: [message] },
  });
}
