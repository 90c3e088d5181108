import { eq } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { observations, sites, sources } from "@/db/schema";
import { unique, uniquePng } from "./matrix-fixtures";
import type { CellContext, RestCase } from "./rest-case";

const W = "/api/v1/workspaces/{workspaceId}";
const O = `${W}/observations/{observationId}`;
const inWorkspace = ({ world }: CellContext) => ({ workspaceId: world.team.workspaceId });

/**
 * The record's revision as stored now, so that a refused change would have succeeded had it
 * been allowed (a stale revision would be refused with 409 anyway and prove nothing).
 */
async function revisionOf(table: typeof sources | typeof sites | typeof observations, id: string): Promise<number> {
  const [row] = await getDatabase().select({ revision: table.revision }).from(table).where(eq(table.id, id));
  if (!row) throw new Error(`no record ${id}`);
  return row.revision;
}

/** A multipart upload of a PNG no other cell uploaded. */
function upload(): FormData {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(uniquePng())], "depot.png", { type: "image/png" }));
  form.set("caption", "Tikhoretsk depot, 12 April 2024");
  return form;
}

/** How to call the evidence library rows of the matrix. */
export const LIBRARY_CASES: Record<string, RestCase> = {
  [`GET ${W}/evidence/conflicts`]: (cell) => ({ params: inWorkspace(cell) }),
  [`GET ${W}/evidence/export`]: (cell) => ({ params: inWorkspace(cell), query: "?format=json" }),
  // Records already in the library (same file id) are left as they are: importing it again changes nothing.
  [`POST ${W}/evidence/import`]: (cell) => ({
    params: inWorkspace(cell),
    body: { sources: [{ id: "S-MATRIX", publisher: "CSIS Beyond Parallel", type: "think-tank imagery analysis" }] },
  }),

  [`GET ${W}/sources`]: (cell) => ({ params: inWorkspace(cell) }),
  [`POST ${W}/sources`]: (cell) => ({
    params: inWorkspace(cell),
    body: { publisher: "Radio Free Asia", type: "media", reliability: "C" },
  }),
  [`GET ${W}/sources/{sourceId}`]: (cell) => ({
    params: { ...inWorkspace(cell), sourceId: cell.world.shared.source.id },
  }),
  [`PATCH ${W}/sources/{sourceId}`]: async (cell) => {
    const sourceId = cell.allowed ? (await cell.world.fresh.source()).id : cell.world.shared.source.id;
    return {
      params: { ...inWorkspace(cell), sourceId },
      body: { title: `Rail traffic at Tumangang ${unique()}`, revision: await revisionOf(sources, sourceId) },
    };
  },
  [`GET ${W}/sources/{sourceId}/revisions`]: (cell) => ({
    params: { ...inWorkspace(cell), sourceId: cell.world.shared.source.id },
  }),

  [`GET ${W}/sites`]: (cell) => ({ params: inWorkspace(cell) }),
  [`POST ${W}/sites`]: (cell) => ({ params: inWorkspace(cell), body: { name: `Rajin port ${unique()}` } }),
  [`GET ${W}/sites/{siteId}`]: (cell) => ({ params: { ...inWorkspace(cell), siteId: cell.world.shared.site.id } }),
  [`PATCH ${W}/sites/{siteId}`]: async (cell) => {
    const siteId = cell.allowed ? (await cell.world.fresh.site()).id : cell.world.shared.site.id;
    return {
      params: { ...inWorkspace(cell), siteId },
      body: { name: `Tikhoretsk rail depot ${unique()}`, revision: await revisionOf(sites, siteId) },
    };
  },
  [`GET ${W}/sites/{siteId}/revisions`]: (cell) => ({
    params: { ...inWorkspace(cell), siteId: cell.world.shared.site.id },
  }),

  [`GET ${W}/observations`]: (cell) => ({ params: inWorkspace(cell) }),
  [`POST ${W}/observations`]: (cell) => ({
    params: inWorkspace(cell),
    body: {
      summary: `About 60 rail cars at the Tikhoretsk depot (${unique()})`,
      observed: { precision: "month", month: "2024-02" },
      credibility: 2,
      sourceIds: [cell.world.shared.source.id],
    },
  }),
  [`GET ${O}`]: (cell) => ({ params: { ...inWorkspace(cell), observationId: cell.world.shared.observation.id } }),
  [`PATCH ${O}`]: async (cell) => {
    const observationId = cell.allowed ? (await cell.world.fresh.observation()).id : cell.world.shared.observation.id;
    return {
      params: { ...inWorkspace(cell), observationId },
      body: { credibility: 3, revision: await revisionOf(observations, observationId) },
    };
  },
  [`GET ${O}/revisions`]: (cell) => ({
    params: { ...inWorkspace(cell), observationId: cell.world.shared.observation.id },
  }),
  [`POST ${O}/retract`]: async (cell) => {
    const observationId = cell.allowed ? (await cell.world.fresh.observation()).id : cell.world.shared.observation.id;
    return {
      params: { ...inWorkspace(cell), observationId },
      body: { reason: "Imagery misread", revision: await revisionOf(observations, observationId) },
    };
  },
  [`GET ${O}/attachments`]: (cell) => ({
    params: { ...inWorkspace(cell), observationId: cell.world.shared.observation.id },
  }),
  [`POST ${O}/attachments`]: (cell) => ({
    params: { ...inWorkspace(cell), observationId: cell.world.shared.observation.id },
    body: upload(),
  }),
  [`GET ${O}/attachments/{attachmentId}`]: (cell) => ({
    params: {
      ...inWorkspace(cell),
      observationId: cell.world.shared.observation.id,
      attachmentId: cell.world.shared.attachment.id,
    },
  }),
  [`DELETE ${O}/attachments/{attachmentId}`]: async (cell) => {
    const { shared, fresh } = cell.world;
    const attachment = cell.allowed ? await fresh.attachment(shared.observation.id) : shared.attachment;
    return {
      params: { ...inWorkspace(cell), observationId: shared.observation.id, attachmentId: attachment.id },
    };
  },
};
