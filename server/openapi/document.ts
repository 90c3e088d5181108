import { OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { APP_VERSION } from "../version";
import { registerAssessmentPaths } from "./paths/assessments";
import { registerAttachmentPaths } from "./paths/attachments";
import { registerAuditPaths } from "./paths/audit";
import { registerCommentPaths } from "./paths/comments";
import { registerEvidencePaths } from "./paths/evidence";
import { registerExportPaths } from "./paths/exports";
import { registerForecastPaths } from "./paths/forecasts";
import { registerHistoryPaths } from "./paths/history";
import { registerLifecyclePaths } from "./paths/lifecycle";
import { registerNotificationPaths } from "./paths/notifications";
import { registerReviewPaths } from "./paths/reviews";
import { registerSearchPaths } from "./paths/search";
import { registerSystemPaths } from "./paths/system";
import { registerTokenPaths } from "./paths/tokens";
import { registerWorkspacePaths } from "./paths/workspaces";
import { AUTHENTICATED, createOpenApiRegistry } from "./registry";

/** The OpenAPI 3.1 document served at `/api/v1/openapi.json`. */
export type OpenApiDocument = ReturnType<OpenApiGeneratorV31["generateDocument"]>;

/**
 * Builds the OpenAPI 3.1 document of the HTTP API from the same zod schemas that validate
 * requests, so the description cannot drift from what the server accepts. Operations need a
 * token or a session unless they say otherwise.
 */
export function buildOpenApiDocument(): OpenApiDocument {
  const registry = createOpenApiRegistry();
  registerWorkspacePaths(registry);
  registerAssessmentPaths(registry);
  registerReviewPaths(registry);
  registerForecastPaths(registry);
  registerLifecyclePaths(registry);
  registerHistoryPaths(registry);
  registerExportPaths(registry);
  registerCommentPaths(registry);
  registerEvidencePaths(registry);
  registerAttachmentPaths(registry);
  registerTokenPaths(registry);
  registerAuditPaths(registry);
  registerNotificationPaths(registry);
  registerSearchPaths(registry);
  registerSystemPaths(registry);
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Parallax API",
      version: APP_VERSION,
      description:
        "Workspaces, members, invitations, assessments, the evidence library and API tokens. Authenticate with " +
        "`Authorization: Bearer <token>` (create one at `POST /api/v1/tokens`) or a browser session. " +
        "Errors are `{ error: { code, message, fields? } }`; ids of resources outside your workspaces answer 404.",
    },
    security: AUTHENTICATED,
  });
}
