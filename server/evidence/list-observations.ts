import { and, count, eq, gte, ilike, inArray, isNotNull, isNull, lte, or, type SQL } from "drizzle-orm";
import { type Executor, getDatabase } from "@/db/client";
import { observationSources, observations, sources } from "@/db/schema";
import { OBSERVATIONS_PAGE_DEFAULT, type ObservationDto } from "@/lib/schemas/evidence";
import type { SourceReliability } from "@/lib/standards/admiralty";
import type { Actor } from "../auth/actor";
import { loadObservationDtos } from "./evidence-dtos";
import { requireEvidenceAccess } from "./require-evidence-access";

export interface ListObservationsOptions {
  /** Any member of the workspace. */
  actor: Actor;
  workspaceId: string;
  /** Words in the summary or notes (case-insensitive). */
  q?: string;
  siteId?: string;
  /** Only observations citing this source. */
  sourceId?: string;
  /** Retracted observations are listed, marked, unless `active`. */
  status?: "all" | "active" | "retracted";
  /** `YYYY-MM-DD`: only observations whose observed period ends on or after this day. */
  from?: string;
  /** `YYYY-MM-DD`: only observations whose observed period starts on or before this day. */
  to?: string;
  /** Only observations citing at least one source graded this reliability. */
  reliability?: SourceReliability;
  /** Only observations graded this information credibility (1–6). */
  credibility?: number;
}

/** A page of observations in the list's order, and how many match in all. */
export interface ObservationPage {
  observations: ObservationDto[];
  /** Every observation matching the filters. */
  total: number;
  page: number;
  limit: number;
}

/** The filters of a search, as one condition (the workspace is added by the loader). */
function observationFilters(db: Executor, options: ListObservationsOptions): SQL | undefined {
  const filters: (SQL | undefined)[] = [];
  const q = options.q?.trim();
  if (q) {
    // Escaped so that % and _ typed by a user are searched for literally.
    const pattern = `%${q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    filters.push(or(ilike(observations.summary, pattern), ilike(observations.notes, pattern)));
  }
  if (options.siteId) filters.push(eq(observations.siteId, options.siteId));
  if (options.sourceId) {
    const citing = db
      .select({ id: observationSources.observationId })
      .from(observationSources)
      .where(eq(observationSources.sourceId, options.sourceId));
    filters.push(inArray(observations.id, citing));
  }
  if (options.status === "active") filters.push(isNull(observations.retractedAt));
  if (options.status === "retracted") filters.push(isNotNull(observations.retractedAt));
  // Overlap, not containment: "April 2024" matches a search for 10–20 April, and a range that
  // straddles the bound still counts, because the observation may have been made inside it.
  if (options.from) filters.push(gte(observations.observedEnd, options.from));
  if (options.to) filters.push(lte(observations.observedStart, options.to));
  if (options.reliability) {
    const graded = db
      .select({ id: observationSources.observationId })
      .from(observationSources)
      .innerJoin(sources, eq(sources.id, observationSources.sourceId))
      .where(eq(sources.reliability, options.reliability));
    filters.push(inArray(observations.id, graded));
  }
  if (options.credibility !== undefined) filters.push(eq(observations.credibility, options.credibility));
  return and(...filters);
}

/** A workspace's observations, oldest observed first, with their site, sources and any retraction. */
export async function listObservations(options: ListObservationsOptions): Promise<ObservationDto[]> {
  const db = getDatabase();
  await requireEvidenceAccess({ db, actor: options.actor, workspaceId: options.workspaceId, kind: "observation" });
  return loadObservationDtos(db, options.workspaceId, observationFilters(db, options));
}

/**
 * One page of a workspace's observations in the same order as {@link listObservations}, with the
 * number matching in all, so a library of thousands is not sent or drawn at once.
 */
export async function listObservationPage(
  options: ListObservationsOptions & { page?: number; limit?: number },
): Promise<ObservationPage> {
  const db = getDatabase();
  await requireEvidenceAccess({ db, actor: options.actor, workspaceId: options.workspaceId, kind: "observation" });
  const limit = options.limit ?? OBSERVATIONS_PAGE_DEFAULT;
  const page = options.page ?? 1;
  const where = observationFilters(db, options);
  const [counted] = await db
    .select({ total: count() })
    .from(observations)
    .where(and(eq(observations.workspaceId, options.workspaceId), where));
  const list = await loadObservationDtos(db, options.workspaceId, where, { limit, offset: (page - 1) * limit });
  return { observations: list, total: counted?.total ?? 0, page, limit };
}
