import { attachmentResponse } from "@/server/evidence/attachment-response";
import { getObservationAttachment } from "@/server/evidence/get-observation-attachment";
import { removeObservationAttachment } from "@/server/evidence/remove-observation-attachment";
import { apiRoute } from "@/server/http/api-route";

type Params = { workspaceId: string; observationId: string; attachmentId: string };

/** The image itself, with the type sniffed at upload. */
export const GET = apiRoute<Params>(async ({ request, params, actor }) =>
  attachmentResponse(request, await getObservationAttachment({ actor, ...params })),
);

/** Removes an image from the observation (a new revision of it). */
export const DELETE = apiRoute<Params>(async ({ params, actor }) => {
  await removeObservationAttachment({ actor, ...params });
});
