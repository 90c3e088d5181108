import type { OpenAPIRegistry, ResponseConfig } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import {
  createObservationInput,
  createSiteInput,
  createSourceInput,
  evidenceRevisionDto,
  exportEvidenceQuery,
  importEvidenceResult,
  listObservationsQuery,
  observationDto,
  retractObservationInput,
  siteDto,
  sourceDto,
  updateObservationInput,
  updateSiteInput,
  updateSourceInput,
} from "@/lib/schemas/evidence";
import { evidenceConflictDto, listEvidenceConflictsQuery } from "@/lib/schemas/evidence-conflicts";
import { errorResponses, jsonBody, jsonResponse } from "../registry";

const TAG = ["Evidence library"];
const workspaceParams = z.object({ workspaceId: z.uuid() });
const ifMatch = z.object({
  "If-Match": z
    .string()
    .optional()
    .describe('The ETag (revision) you edited, e.g. `"3"`; or send `revision` in the body.'),
});
const ETAG_HEADER = { ETag: { description: "The record's revision.", schema: { type: "string" as const } } };

function withEtag(description: string, schema: z.ZodType): ResponseConfig {
  return { ...jsonResponse(description, schema), headers: ETAG_HEADER };
}

const RECORDS = [
  {
    plural: "sources",
    noun: "source",
    param: "sourceId",
    dto: sourceDto,
    create: createSourceInput,
    update: updateSourceInput,
  },
  { plural: "sites", noun: "site", param: "siteId", dto: siteDto, create: createSiteInput, update: updateSiteInput },
  {
    plural: "observations",
    noun: "observation",
    param: "observationId",
    dto: observationDto,
    create: createObservationInput,
    update: updateObservationInput,
  },
] as const;

/** Collection, record and history routes of sources, sites and observations. */
function registerRecordPaths(registry: OpenAPIRegistry): void {
  for (const record of RECORDS) {
    const base = `/api/v1/workspaces/{workspaceId}/${record.plural}`;
    const itemParams = workspaceParams.extend({ [record.param]: z.uuid() });
    registry.registerPath({
      method: "get",
      path: base,
      tags: TAG,
      summary: `List the workspace's ${record.plural}`,
      description:
        record.noun === "observation"
          ? "Retracted observations are included, marked, unless `status=active`. Filters combine (all must match): " +
            "`q` text, `siteId`, `sourceId`, `from`/`to` (the observed period overlaps the days given, so a month or a " +
            "range matches a search that covers part of it), `reliability` (cites a source of that grade) and `credibility`. " +
            "Paging: `limit` (1–500) and/or `page` (from 1) answer one page of the same order, with `X-Total-Count` and a " +
            '`Link` header (`rel="next"`, `rel="prev"`); without them every match is returned. Unknown parameters are a 400.'
          : undefined,
      request: { params: workspaceParams, query: record.noun === "observation" ? listObservationsQuery : undefined },
      responses: {
        200:
          record.noun === "observation"
            ? {
                ...jsonResponse(
                  `The ${record.plural}, oldest observed first (one page when paged).`,
                  z.array(record.dto),
                ),
                headers: {
                  "X-Total-Count": {
                    description: "Paged answers: how many observations match in all.",
                    schema: { type: "integer" },
                  },
                  Link: {
                    description: 'Paged answers: the next and previous pages (`<…>; rel="next"`), RFC 8288.',
                    schema: { type: "string" },
                  },
                },
              }
            : jsonResponse(`The ${record.plural}.`, z.array(record.dto)),
        ...errorResponses("bad_request", "unauthorized", "not_found"),
      },
    });
    registry.registerPath({
      method: "post",
      path: base,
      tags: TAG,
      summary: `Add a ${record.noun}`,
      description: "Owners and analysts only. Revision 1 is kept in the record's history.",
      request: { params: workspaceParams, body: jsonBody(record.create) },
      responses: {
        201: withEtag(`The new ${record.noun}.`, record.dto),
        ...errorResponses("bad_request", "unauthorized", "forbidden", "not_found", "conflict"),
      },
    });
    registry.registerPath({
      method: "get",
      path: `${base}/{${record.param}}`,
      tags: TAG,
      summary: `Open a ${record.noun}`,
      request: { params: itemParams },
      responses: { 200: withEtag(`The ${record.noun}.`, record.dto), ...errorResponses("unauthorized", "not_found") },
    });
    registry.registerPath({
      method: "patch",
      path: `${base}/{${record.param}}`,
      tags: TAG,
      summary: `Change a ${record.noun}`,
      description:
        "Owners and analysts only. Send the revision you edited (If-Match or `revision`); if someone changed it since, " +
        `the answer is 409 \`conflict:${record.noun}_revision\` with the current ${record.noun} in \`error.current\`.`,
      request: { params: itemParams, headers: ifMatch, body: jsonBody(record.update) },
      responses: {
        200: withEtag(`The ${record.noun} after the change.`, record.dto),
        ...errorResponses("bad_request", "unauthorized", "forbidden", "not_found", "conflict"),
      },
    });
    registry.registerPath({
      method: "get",
      path: `${base}/{${record.param}}/revisions`,
      tags: TAG,
      summary: `History of a ${record.noun}`,
      description: "Every version, newest first: who changed it, when, and the full record as it was.",
      request: { params: itemParams },
      responses: {
        200: jsonResponse("The revisions.", z.array(evidenceRevisionDto)),
        ...errorResponses("unauthorized", "not_found"),
      },
    });
  }
}

/** The evidence library: sources, sites, observations, their history, retraction, import and export. */
export function registerEvidencePaths(registry: OpenAPIRegistry): void {
  registerRecordPaths(registry);
  registry.registerPath({
    method: "post",
    path: "/api/v1/workspaces/{workspaceId}/observations/{observationId}/retract",
    tags: TAG,
    summary: "Retract an observation",
    description:
      "Owners and analysts only. The observation is kept and stays listed and cited, marked retracted with the reason. " +
      "An optional revision (If-Match or `revision`) guards against retracting a version you have not seen.",
    request: {
      params: workspaceParams.extend({ observationId: z.uuid() }),
      headers: ifMatch,
      body: jsonBody(retractObservationInput),
    },
    responses: {
      200: withEtag("The retracted observation.", observationDto),
      ...errorResponses("bad_request", "unauthorized", "forbidden", "not_found", "conflict"),
    },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/workspaces/{workspaceId}/evidence/import",
    tags: TAG,
    summary: "Import a library file",
    description:
      "Owners and analysts only. JSON in the shape of the DPRK–Russia example dataset (sources, sites, observations; " +
      "what `evidence/export` produces), or `Content-Type: text/csv` with observations citing sites and sources already " +
      "in the library. One transaction: any invalid record refuses the whole file with messages per record " +
      "(`observations.3.date`). Records whose id is already in the library are left as they are, so re-importing creates no duplicates; " +
      "those whose fields in the file differ are listed per record in `differing` (not applied), and record fields the library has no place for in `ignoredFields`. " +
      'An observation may carry `source_attributions` (`{"S07": "The White House"}`): who a cited source says the information came from. ' +
      "In a CSV, a cell of apostrophes followed by =, +, -, @, a tab or a carriage return loses its first apostrophe (the export's formula guard).",
    request: {
      params: workspaceParams,
      body: {
        required: true,
        content: {
          "application/json": { schema: z.record(z.string(), z.unknown()) },
          "text/csv": { schema: z.string() },
        },
      },
    },
    responses: {
      200: jsonResponse("What was created and what was already there.", importEvidenceResult),
      ...errorResponses("bad_request", "unauthorized", "forbidden", "not_found", "conflict"),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/workspaces/{workspaceId}/evidence/export",
    tags: TAG,
    summary: "Export the library",
    description:
      "JSON (default): the whole library in the import format. CSV: the observations; a cell starting with =, +, -, @, " +
      "a tab or a carriage return (after any apostrophes) gets a leading ' so spreadsheets do not run it, which an import removes.",
    request: { params: workspaceParams, query: exportEvidenceQuery },
    responses: {
      200: {
        description: "The library file.",
        content: {
          "application/json": { schema: z.record(z.string(), z.unknown()) },
          "text/csv": { schema: z.string() },
        },
      },
      ...errorResponses("bad_request", "unauthorized", "not_found"),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/workspaces/{workspaceId}/evidence/conflicts",
    tags: TAG,
    summary: "Conflicts between observations",
    description:
      "Any member. Value conflicts: active observations at the same site give the same metric (compared by name, " +
      "literally: `containers_min` 11,000 and 10,000 differ) different values for overlapping observed periods (a month " +
      "overlaps the days inside it). Attribution conflicts: one observation's sources, or two observations of the same " +
      "value at the same site and time, name different originators (a source's `attributedTo`, else its publisher), " +
      "at least one of them by attribution. Retracted observations take no part.",
    request: { params: workspaceParams, query: listEvidenceConflictsQuery },
    responses: {
      200: jsonResponse("The conflicts, by site, metric and date.", z.array(evidenceConflictDto)),
      ...errorResponses("bad_request", "unauthorized", "not_found"),
    },
  });
}
