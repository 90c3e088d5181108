import { z } from "zod";

export const API_TOKEN_NAME_MAX_LENGTH = 100;
export const API_TOKEN_MAX_DAYS = 3650;

/** Body of `POST /api/v1/tokens`. Without `expiresInDays` the token lasts until revoked. */
export const createApiTokenInput = z
  .object(
    {
      name: z
        .string({ error: "Name the token." })
        .trim()
        .min(1, "Name the token, e.g. after the script or machine that uses it.")
        .max(API_TOKEN_NAME_MAX_LENGTH, `Use at most ${API_TOKEN_NAME_MAX_LENGTH} characters for the name.`),
      expiresInDays: z
        .number({ error: "Expiry must be a number of days." })
        .int("Expiry must be a whole number of days.")
        .min(1, "Expiry must be at least 1 day.")
        .max(API_TOKEN_MAX_DAYS, `Expiry must be at most ${API_TOKEN_MAX_DAYS} days.`)
        .optional(),
    },
    { error: "Send a JSON object." },
  )
  .meta({ id: "CreateApiTokenInput" });
export type CreateApiTokenInput = z.infer<typeof createApiTokenInput>;

export const apiTokenSummary = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string().describe("The first characters of the secret, to tell tokens apart."),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
    expiresAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "ApiTokenSummary" });
/** A personal API token without its secret. Dates are ISO 8601 strings. */
export type ApiTokenSummary = z.infer<typeof apiTokenSummary>;

export const createdApiToken = z
  .object({
    token: apiTokenSummary,
    secret: z.string().describe("The token itself. Shown only in this response; store it now."),
  })
  .meta({ id: "CreatedApiToken" });
export type CreatedApiToken = z.infer<typeof createdApiToken>;
