import type { VersionCitationDto, VersionContentDto } from "../../schemas/lifecycle";

const OBS = ["11111111-1111-4111-8111-111111111111", "22222222-2222-4222-8222-222222222222"] as const;
const OBS_3 = "33333333-3333-4333-8333-333333333333";
const SRC = {
  maxar: "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa",
  tass: "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb",
  reuters: "cccccccc-cccc-4ccc-8ccc-cccccccccccc",
};

const maxar = {
  id: SRC.maxar,
  externalId: "S01",
  publisher: "Maxar Technologies",
  title: "Tikhoretsk depot, 12 Feb 2024",
  reliability: "A" as const,
  attributedTo: null,
  url: "https://example.org/maxar/tikhoretsk",
  publishedOn: "2024-02-12",
  retrievedOn: "2024-03-01",
  type: "imagery" as const,
  authors: [],
};
const reuters = {
  id: SRC.reuters,
  externalId: "S03",
  publisher: "Reuters",
  title: "Rail cars seen at Russian depot",
  reliability: "B" as const,
  attributedTo: null,
  url: null,
  publishedOn: "2024-02",
  retrievedOn: null,
  type: "media" as const,
  authors: ["J. Doe"],
};
// A source frozen before exports: no URL, dates, type or authors.
const tass = {
  id: SRC.tass,
  externalId: null,
  publisher: "TASS",
  title: null,
  reliability: "D" as const,
  attributedTo: "Russian Ministry of Defence",
};

const citation = (overrides: Partial<VersionCitationDto> & Pick<VersionCitationDto, "number" | "observationId">) => ({
  externalId: null,
  summary: "",
  observed: { precision: "month" as const, start: "2024-02-01", end: "2024-02-29" },
  site: "Tikhoretsk depot",
  credibility: 2,
  revision: 1,
  retracted: false,
  sources: [],
  ...overrides,
});

export const REFERENCES: VersionCitationDto[] = [
  citation({
    number: 1,
    observationId: OBS[0],
    externalId: "OBS-26",
    summary: "About 60 rail cars at the Tikhoretsk depot",
    quantities: [{ metric: "rail_cars", value: 60, unit: null, approximate: true }],
    sources: [maxar, reuters],
  }),
  citation({
    number: 2,
    observationId: OBS[1],
    externalId: "OBS-27",
    summary: "About 40 rail cars at the Tikhoretsk depot",
    credibility: 4,
    quantities: [{ metric: "rail_cars", value: 40, unit: null, approximate: true }],
    sources: [tass],
  }),
  citation({ number: 3, observationId: OBS_3, summary: "Old withdrawn sighting", retracted: true, sources: [tass] }),
];

const judgement = (id: string, position: number, statement: string, isKey: boolean, numbers: number[]) => ({
  id,
  position,
  statement,
  isKey,
  likelihood: { band: "likely" as const, term: "likely", range: "55–80%" },
  confidence: { level: "moderate" as const, label: "Moderate confidence" },
  citations: REFERENCES.filter((reference) => numbers.includes(reference.number)),
  unresolvedCitations: [],
  approvals: [],
});

const block = (id: string, isKey: boolean, text: string, cites: string[]) => ({
  type: "judgement",
  attrs: { id, isKey, likelihood: "likely", confidence: "moderate", citations: cites },
  content: [{ type: "text", text }],
});

/** A hand-made version: a heading, a paragraph citing OBS-26, a list, an ordinary then two key judgements. */
export function sampleVersionContent(): VersionContentDto {
  return {
    format: "parallax.assessment-version/1",
    assessment: {
      id: "99999999-9999-4999-8999-999999999999",
      title: "Rail logistics: Tikhoretsk",
      keyQuestion: "Will Tikhoretsk keep handling munitions?",
      tlp: "AMBER",
    },
    number: 3,
    publishedAt: "2024-03-05T10:00:00.000Z",
    publishedBy: { id: "12121212-1212-4212-8212-121212121212", name: "Olga Owner" },
    authors: [{ id: "13131313-1313-4313-8313-131313131313", name: "Ana Analyst" }],
    judgements: [
      { ...judgement("jdg_other", 0, "Traffic will stay at current levels.", false, [2]), confidence: null },
      judgement("jdg_key1", 1, "The depot is likely to keep handling munitions.", true, [1, 2]),
      { ...judgement("jdg_key2", 2, "Russia will likely expand the depot.", true, [2]), unresolvedCitations: ["x"] },
    ],
    references: REFERENCES,
    document: {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Background" }] },
        {
          type: "paragraph",
          content: [
            { type: "text", text: "Imagery shows " },
            { type: "text", text: "many", marks: [{ type: "bold" }] },
            { type: "text", text: " cars." },
            { type: "citation", attrs: { observationId: OBS[0].toUpperCase() } },
            { type: "citation", attrs: { observationId: "not-an-observation" } },
          ],
        },
        {
          type: "orderedList",
          attrs: { start: 1 },
          content: [
            { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "First" }] }] },
            { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Second" }] }] },
          ],
        },
        block("jdg_other", false, "Traffic will stay at current levels.", [OBS[1]]),
        block("jdg_key1", true, "The depot is likely to keep handling munitions.", [OBS[0], OBS[1]]),
        block("jdg_key2", true, "Russia will likely expand the depot.", [OBS[1]]),
      ],
    },
  };
}

/** The sample's version row as exports read it: a publication. */
export const SAMPLE_PUBLICATION = {
  kind: "published",
  name: "Rail logistics: Tikhoretsk",
  publicationNumber: 1,
} as const;
