import type { VersionCitationDto } from "../schemas/lifecycle";
import { formatLooseDate, withoutFinalStop } from "./export-endnotes";

type NamedSource = Pick<
  VersionCitationDto["sources"][number],
  "publisher" | "title" | "publishedOn" | "titleNote" | "dateNote"
>;

/** Longest library note, in characters, quoted in a source's name: a name, not the endnote. */
const NOTE_LENGTH = 50;

/** The first clause of a library note, shortened at a word: "original title/URL of the CSIS…". */
function shortNote(note: string): string {
  const clause = withoutFinalStop(note.split(/;\s*/u)[0] ?? note);
  if (clause.length <= NOTE_LENGTH) return clause;
  const cut = clause.slice(0, NOTE_LENGTH - 1);
  return `${cut.slice(0, cut.lastIndexOf(" ") > 0 ? cut.lastIndexOf(" ") : cut.length).trimEnd()}…`;
}

/** What can tell a source from another of the same publisher, most telling first, written as endnotes write it. */
function distinctionsOf(source: NamedSource): string[] {
  const date = formatLooseDate(source.publishedOn);
  return [
    ...(source.title ? [`“${source.title}”`] : []),
    ...(date ? [date] : []),
    ...(source.titleNote ? [`untitled [${shortNote(source.titleNote)}]`] : []),
    ...(source.dateNote && !date ? [`n.d. [${shortNote(source.dateNote)}]`] : []),
  ];
}

const keyOf = (name: string) => name.trim().replace(/\s+/gu, " ").toLowerCase();

/**
 * How a list of sources names each of them, in the same order: the publisher alone, unless
 * another source of the list has the same publisher; then the publisher with its title, else
 * its date, else a short form of the library's title note ("CSIS Beyond Parallel (Korea Chair),
 * “Dramatic Increase…”"), adding the next of those while two names are still the same.
 */
export function nameSources(sources: readonly NamedSource[]): string[] {
  const groups = new Map<string, { index: number; source: NamedSource }[]>();
  sources.forEach((source, index) => {
    const key = keyOf(source.publisher);
    groups.set(key, [...(groups.get(key) ?? []), { index, source }]);
  });
  const names = sources.map((source) => source.publisher);
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const named = members.map(({ index, source }) => ({ index, source, distinctions: distinctionsOf(source) }));
    const most = Math.max(...named.map(({ distinctions }) => distinctions.length));
    for (let count = 1; count <= most; count += 1) {
      const candidates = named.map(({ source, distinctions }) =>
        [source.publisher, ...distinctions.slice(0, count)].join(", "),
      );
      named.forEach(({ index }, at) => {
        names[index] = candidates[at] ?? sources[index]?.publisher ?? "";
      });
      if (new Set(candidates.map(keyOf)).size === candidates.length) break;
    }
  }
  return names;
}
