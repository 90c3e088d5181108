import { readTextBody } from "../http/read-json-body";
import { etagOf } from "./evidence-revisions";

/** Largest import file the API accepts (the example dataset is about 56 kB). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** A JSON response carrying the record's revision as its ETag, for the next `If-Match`. */
export function recordResponse(record: { revision: number }, status = 200): Response {
  return Response.json(record, { status, headers: { etag: etagOf(record.revision) } });
}

/** Reads an import file sent as the request body (up to MAX_IMPORT_BYTES). */
export function readImportBody(request: Request): Promise<string> {
  return readTextBody(request, MAX_IMPORT_BYTES);
}
