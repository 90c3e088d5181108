import { SOURCE_TYPE_LABELS } from "../evidence";
import { formatObservedPeriod } from "../evidence-conflicts";
import type { VersionCitationDto } from "../schemas/lifecycle";
import {
  formatGrade,
  INFORMATION_CREDIBILITY,
  type InformationCredibility,
  SOURCE_RELIABILITY,
  type SourceReliability,
} from "../standards/admiralty";

/** One source of a cited observation, with the fields of an ICD 206 source reference citation. */
export interface ExportSourceNote {
  sourceId: string;
  /** The producing organization (the source's publisher). */
  originator: string;
  /** Who the source says the information came from, when it relays someone else. */
  attributedTo: string | null;
  authors: string[];
  title: string | null;
  /** What the library knows of the title when it is missing or uncertain ("relayed via Verkkouutiset"). */
  titleNote: string | null;
  /** Publication date as people write it ("10 Feb 2024", "Feb 2024", "2024"), null when unknown. */
  date: string | null;
  /** What the library knows of the date when it is missing or approximate ("spring 2024"). */
  dateNote: string | null;
  /**
   * The library's own id for the source (`S07`, from an imported file), for cross-reference only:
   * it identifies no document, so the citation leaves it out.
   */
  libraryId: string | null;
  /** The source's URL or document identifier, as the library records it. */
  url: string | null;
  /** The kind of source ("Imagery"), null for versions frozen before it was recorded. */
  type: string | null;
  reliability: SourceReliability;
  reliabilityWording: string;
  /** Admiralty grade of this source for this observation, e.g. "B2". */
  grade: string;
  retrievedOn: string | null;
  /** The whole reference as one sentence. */
  citation: string;
}

/** One endnote: a cited observation, numbered as in the version's HTML. */
export interface ExportEndnote {
  number: number;
  observationId: string;
  /** The observation's file id (`OBS-26`), else a short form of its id. */
  label: string;
  summary: string;
  observed: string;
  site: string | null;
  credibility: InformationCredibility;
  credibilityWording: string;
  retracted: boolean;
  sources: ExportSourceNote[];
  /** The whole endnote as one paragraph. */
  text: string;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** `2024`, `2024-02` or `2024-02-10` as people write it; other text is kept as it is. */
export function formatLooseDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!match) return value;
  const [, year, month, day] = match;
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  if (!monthName) return year ?? value;
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`;
}

/** A label for an observation in prose: its file id, else the start of its UUID. */
export function observationLabel(reference: Pick<VersionCitationDto, "externalId" | "observationId">): string {
  return reference.externalId ?? `observation ${reference.observationId.slice(0, 8)}`;
}

/** Text without its closing full stop, so a sentence built around it does not end in two. */
export function withoutFinalStop(text: string): string {
  return text
    .trim()
    .replace(/(?<!\.)\.$/, "")
    .trimEnd();
}

/** A library note in square brackets, the citation convention for what the citer adds: " [spring 2024]". */
function bracketed(note: string | null | undefined): string {
  const text = note ? withoutFinalStop(note) : "";
  return text ? ` [${text}]` : "";
}

function toSourceNote(source: VersionCitationDto["sources"][number], credibility: InformationCredibility) {
  const reliabilityWording = SOURCE_RELIABILITY[source.reliability];
  const date = formatLooseDate(source.publishedOn);
  const retrievedOn = formatLooseDate(source.retrievedOn);
  const grade = formatGrade(source.reliability, credibility);
  // ICD 206 order: originator, title, date, identifier/URL, then the grades and when it was retrieved.
  // The library's notes on a missing or uncertain title or date follow them in brackets.
  const parts = [
    source.authors && source.authors.length > 0
      ? `${source.publisher} (${source.authors.join(", ")})`
      : source.publisher,
    `${source.title ? `“${source.title}”` : "untitled"}${bracketed(source.titleNote)}`,
    `${date ?? "n.d."}${bracketed(source.dateNote)}`,
    ...(source.url ? [source.url] : []),
  ];
  const citation =
    `${parts.join(", ")}; ` +
    (source.attributedTo ? `attributed to ${source.attributedTo}; ` : "") +
    `reliability ${source.reliability} (${reliabilityWording.toLowerCase()}), grade ${grade}; ` +
    (retrievedOn ? `retrieved ${retrievedOn}.` : "retrieval date not recorded.");
  return {
    sourceId: source.id,
    originator: source.publisher,
    attributedTo: source.attributedTo,
    authors: source.authors ?? [],
    title: source.title,
    titleNote: source.titleNote ?? null,
    date,
    dateNote: source.dateNote ?? null,
    libraryId: source.externalId,
    url: source.url ?? null,
    type: source.type ? SOURCE_TYPE_LABELS[source.type] : null,
    reliability: source.reliability,
    reliabilityWording,
    grade,
    retrievedOn,
    citation,
  } satisfies ExportSourceNote;
}

/** The endnotes of a version, one per cited observation, in endnote order. */
export function buildEndnotes(references: readonly VersionCitationDto[]): ExportEndnote[] {
  return [...references]
    .sort((a, b) => a.number - b.number)
    .map((reference) => {
      const credibility = reference.credibility as InformationCredibility;
      const credibilityWording = INFORMATION_CREDIBILITY[credibility];
      const sources = reference.sources.map((source) => toSourceNote(source, credibility));
      const label = observationLabel(reference);
      const observed = formatObservedPeriod(reference.observed);
      const sourceText =
        sources.length === 0
          ? "No source recorded."
          : sources.length === 1
            ? `Source: ${sources[0]?.citation}`
            : `Sources: ${sources.map((note, index) => `(${String.fromCharCode(97 + index)}) ${note.citation}`).join(" ")}`;
      const text =
        `${label}: ${withoutFinalStop(reference.summary)} (observed ${observed}${reference.site ? `, at ${reference.site}` : ""}). ` +
        `Information credibility ${credibility} (${credibilityWording.toLowerCase()}). ${sourceText}` +
        (reference.retracted ? " Retracted: withdrawn from the library when this version was frozen." : "");
      return {
        number: reference.number,
        observationId: reference.observationId,
        label,
        summary: reference.summary,
        observed,
        site: reference.site,
        credibility,
        credibilityWording,
        retracted: reference.retracted,
        sources,
        text,
      };
    });
}
