import { z } from "zod";

/** Query of `GET …/evidence/conflicts`. */
export const listEvidenceConflictsQuery = z.object({
  siteId: z.uuid({ error: "siteId must be a site id." }).optional().describe("Only conflicts at this site."),
});
export type ListEvidenceConflictsQuery = z.infer<typeof listEvidenceConflictsQuery>;

const quantity = z.object({
  metric: z.string(),
  value: z.number(),
  unit: z.string().nullable(),
  approximate: z.boolean(),
});

const originator = z.object({
  name: z.string().describe("The attribution a source gives, else the source's publisher."),
  via: z.array(
    z.object({
      sourceId: z.uuid(),
      externalId: z.string().nullable(),
      publisher: z.string(),
      attributed: z.boolean().describe("True: the source relays the claim and names this originator."),
    }),
  ),
});

/** One conflict between observations (see lib/evidence-conflicts.ts for the rules). */
export const evidenceConflictDto = z
  .object({
    kind: z
      .enum(["value", "attribution"])
      .describe(
        "value: the same metric at the same site has different values for overlapping periods; attribution: the same information is attributed to different originators.",
      ),
    key: z.string().describe("Stable while the observations involved stay the same."),
    site: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    metric: z.string().nullable(),
    participants: z.array(
      z.object({
        observationId: z.uuid(),
        externalId: z.string().nullable(),
        summary: z.string(),
        observed: z.object({ precision: z.enum(["day", "month", "range"]), start: z.string(), end: z.string() }),
        quantity: quantity.nullable(),
        originators: z.array(originator),
      }),
    ),
    explanation: z.string().describe("Why this is a conflict, in a sentence."),
  })
  .meta({ id: "EvidenceConflict" });
