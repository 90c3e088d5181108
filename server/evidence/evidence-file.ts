import { z } from "zod";

// The interchange format of the library: the shape of the DPRK–Russia example dataset
// (server/evidence/fixtures/dprk-russia-observations.json), plus the fields an export adds
// (grades, quantity details, retraction) so that an export imports back without loss.
// Lenient on purpose: values are checked field by field when converted, so errors name the record.

const text = z.string().nullable().optional();

export const fileSource = z.looseObject({
  id: z.string({ error: "Give the source an id." }).min(1, "Give the source an id."),
  publisher: z.string({ error: "Enter the publisher." }),
  title: text,
  title_note: text,
  url: text,
  date: text,
  date_note: text,
  type: text,
  source_type: text,
  authors: z.array(z.string()).optional(),
  notes: text,
  reliability: z.unknown().optional(),
  reliability_rationale: text,
  retrieved_on: text,
  /** Where the source was found: URLs of the pages that cite or relay it. */
  found_in: z.array(z.string(), { error: "found_in must be a list of addresses." }).optional(),
});
export type FileSource = z.infer<typeof fileSource>;

export const fileSite = z.looseObject({
  id: z.string({ error: "Give the site an id." }).min(1, "Give the site an id."),
  name: z.string({ error: "Enter the site's name." }),
  country: text,
  region: text,
  type: text,
  lat: z.unknown().optional(),
  lon: z.unknown().optional(),
  coord_basis: text,
  coord_inferred: z.boolean().optional(),
  coord_precision: text,
  /** What sources say about the site: `{"fact": "…", "source_ids": ["S22"]}`, source ids of the file or the library. */
  facts: z
    .array(
      z.object(
        {
          fact: z.string({ error: "State the fact as text." }),
          source_ids: z.array(z.string(), { error: "List the fact's source ids." }).optional(),
        },
        { error: 'Write each fact as {"fact": "…", "source_ids": [...]}.' },
      ),
      { error: "facts must be a list." },
    )
    .optional(),
});
export type FileSite = z.infer<typeof fileSite>;

export const fileObservation = z.looseObject({
  id: z.string({ error: "Give the observation an id." }).min(1, "Give the observation an id."),
  site_id: text,
  date: z.string({ error: "Enter the observed date." }),
  date_precision: z.string({ error: "Say how precise the date is: day, month or range START/END." }),
  kind: text,
  summary: z.string({ error: "Summarise what was observed." }),
  counts: z.record(z.string(), z.unknown()).optional(),
  quantities: z.array(z.unknown()).optional(),
  ships: z.array(z.string()).optional(),
  source_ids: z.array(z.string(), { error: "List the source ids." }),
  /** Per source id, who that source says the information came from (`{"S07": "The White House"}`). */
  source_attributions: z
    .record(z.string(), z.unknown(), { error: "source_attributions must map source ids to names." })
    .optional(),
  inferred_fields: z.array(z.string()).optional(),
  /** Whether any field is inferred; exports write it, and `inferred_fields` says which. */
  inferred: z.boolean().optional(),
  notes: text,
  credibility: z.unknown().optional(),
  retraction_reason: text,
});
export type FileObservation = z.infer<typeof fileObservation>;

export const evidenceFile = z.looseObject(
  {
    sources: z.array(z.unknown(), { error: "sources must be a list." }).optional(),
    sites: z.array(z.unknown(), { error: "sites must be a list." }).optional(),
    observations: z.array(z.unknown(), { error: "observations must be a list." }).optional(),
  },
  { error: "Send the library as a JSON object with sources, sites and observations." },
);
export type EvidenceFile = {
  sources?: unknown[];
  sites?: unknown[];
  observations?: unknown[];
  [key: string]: unknown;
};
