import type { ObservationDto, SourceDto } from "@/lib/schemas/evidence";
import type { SourceReliability } from "@/lib/standards/admiralty";

const WORKSPACE = "00000000-0000-4000-8000-0000000000aa";
const STAMP = "2024-05-01T00:00:00.000Z";
let counter = 0;

/** A UUID unique within the test run. */
export function testUuid(): string {
  counter += 1;
  return `00000000-0000-4000-8000-${String(counter).padStart(12, "0")}`;
}

const meta = () => ({
  workspaceId: WORKSPACE,
  revision: 1,
  createdAt: STAMP,
  updatedAt: STAMP,
  createdBy: null,
  updatedBy: null,
});

/** A source as the API returns it; override any field. */
export function sourceRecord(fields: Partial<SourceDto> & { reliability: SourceReliability }): SourceDto {
  return {
    id: testUuid(),
    externalId: null,
    publisher: "CSIS Beyond Parallel",
    title: null,
    titleNote: null,
    url: null,
    publishedOn: null,
    dateNote: null,
    type: "imagery",
    typeDetail: null,
    authors: [],
    reliabilityRationale: "",
    descriptor: "",
    retrievedOn: null,
    foundIn: [],
    ...meta(),
    ...fields,
  };
}

/** An observation as the API returns it, citing `sources`; override any field. */
export function observationRecord(sources: readonly SourceDto[], fields: Partial<ObservationDto> = {}): ObservationDto {
  return {
    id: testUuid(),
    externalId: null,
    summary: "About 50 rail cars at the Tikhoretsk depot.",
    kind: "imagery",
    site: null,
    observed: { precision: "month", month: "2024-04", start: "2024-04-01", end: "2024-04-30" },
    quantities: [],
    qualitative: [],
    ships: [],
    credibility: 2,
    sources: sources.map(({ id, externalId, publisher, title, reliability }) => ({
      id,
      externalId,
      publisher,
      title,
      reliability,
      attributedTo: null,
    })),
    notes: "",
    inferredFields: [],
    retraction: null,
    ...meta(),
    ...fields,
  };
}
