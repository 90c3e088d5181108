import { exportAssessmentVersion } from "@/server/exports/export-assessment-version";
import { apiRoute } from "@/server/http/api-route";

type Params = { assessmentId: string; number: string };

/** One frozen version as a Markdown, DOCX, PDF or JSON file (`?format=`), to download. */
export const GET = apiRoute<Params>(async ({ request, params, actor }) => {
  const file = await exportAssessmentVersion({
    actor,
    assessmentId: params.assessmentId,
    number: params.number,
    format: new URL(request.url).searchParams.get("format"),
  });
  return new Response(file.body as BodyInit, {
    headers: {
      "content-type": file.contentType,
      // The whole file is built before it is sent, so its length is known and the browser can show progress.
      "content-length": String(file.body.byteLength),
      // The file name is an ASCII slug (exportFileName), safe inside the quotes.
      "content-disposition": `attachment; filename="${file.fileName}"`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
});
