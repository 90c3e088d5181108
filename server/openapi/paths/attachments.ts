import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { addAttachmentForm, attachmentDto } from "@/lib/schemas/attachments";
import { errorResponses, jsonResponse } from "../registry";

const TAG = ["Evidence library"];
const BASE = "/api/v1/workspaces/{workspaceId}/observations/{observationId}/attachments";
const observationParams = z.object({ workspaceId: z.uuid(), observationId: z.uuid() });
const attachmentParams = observationParams.extend({ attachmentId: z.uuid() });

/** Images attached to observations: upload, list, download, remove. */
export function registerAttachmentPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: "get",
    path: BASE,
    tags: TAG,
    summary: "List an observation's images",
    description: "Any member. Metadata and the URL of each image, oldest first; never the bytes.",
    request: { params: observationParams },
    responses: {
      200: jsonResponse("The attachments.", z.array(attachmentDto)),
      ...errorResponses("unauthorized", "not_found"),
    },
  });
  registry.registerPath({
    method: "post",
    path: BASE,
    tags: TAG,
    summary: "Attach an image to an observation",
    description:
      "Owners and analysts only. `multipart/form-data` with `file` and an optional `caption`. The type is sniffed from " +
      "the bytes: PNG, JPEG, GIF or WebP only, whatever the name or declared type, and its header must state a width " +
      "and height (anything else is 400 `bad_request:attachment` with `fields.file`); larger than ATTACHMENT_MAX_BYTES (default 5 MiB) is 413. The same image attached " +
      "again answers 200 with the existing attachment and changes nothing. Otherwise the observation gets a new " +
      "revision (`attachment_added` in its history). Retracted observations answer 409 `conflict:observation_retracted`.",
    request: {
      params: observationParams,
      body: { required: true, content: { "multipart/form-data": { schema: addAttachmentForm } } },
    },
    responses: {
      201: jsonResponse("The new attachment.", attachmentDto),
      200: jsonResponse("The same image was already attached: the existing attachment.", attachmentDto),
      ...errorResponses("bad_request", "unauthorized", "forbidden", "not_found", "conflict", "payload_too_large"),
    },
  });
  registry.registerPath({
    method: "get",
    path: `${BASE}/{attachmentId}`,
    tags: TAG,
    summary: "Download an image",
    description:
      "Any member. The bytes with the sniffed Content-Type, `X-Content-Type-Options: nosniff`, " +
      "`Content-Disposition: inline` and `Cache-Control: private, no-cache`; the ETag is the SHA-256, so " +
      "`If-None-Match` answers 304.",
    request: { params: attachmentParams },
    responses: {
      200: {
        description: "The image.",
        content: Object.fromEntries(
          ["image/png", "image/jpeg", "image/gif", "image/webp"].map((type) => [
            type,
            { schema: z.string().meta({ format: "binary" }) },
          ]),
        ),
      },
      304: { description: "Unchanged since the ETag sent in If-None-Match." },
      ...errorResponses("unauthorized", "not_found"),
    },
  });
  registry.registerPath({
    method: "delete",
    path: `${BASE}/{attachmentId}`,
    tags: TAG,
    summary: "Remove an image from an observation",
    description:
      "Owners and analysts only. The observation gets a new revision (`attachment_removed`); its history keeps the " +
      "image's metadata, not its bytes. Retracted observations answer 409 `conflict:observation_retracted`.",
    request: { params: attachmentParams },
    responses: {
      204: { description: "Removed." },
      ...errorResponses("unauthorized", "forbidden", "not_found", "conflict"),
    },
  });
}
