import { env } from "@/server/env";
import { addObservationAttachment } from "@/server/evidence/add-observation-attachment";
import { listObservationAttachments } from "@/server/evidence/list-observation-attachments";
import { readAttachmentUpload } from "@/server/evidence/read-attachment-upload";
import { apiRoute } from "@/server/http/api-route";

type Params = { workspaceId: string; observationId: string };

/** An observation's images (metadata and URLs). */
export const GET = apiRoute<Params>(async ({ params, actor }) => listObservationAttachments({ actor, ...params }));

/** Attaches an image (multipart `file` and optional `caption`); 201 when new, 200 with the existing one for the same bytes. */
export const POST = apiRoute<Params>(async ({ request, params, actor }) => {
  const upload = await readAttachmentUpload(request, env().ATTACHMENT_MAX_BYTES);
  const { attachment, created } = await addObservationAttachment({ actor, ...params, ...upload });
  return Response.json(attachment, { status: created ? 201 : 200, headers: { location: attachment.url } });
});
