import type { VersionCitationDto } from "../schemas/lifecycle";
import {
  INFORMATION_CREDIBILITY,
  type InformationCredibility,
  SOURCE_RELIABILITY,
  type SourceReliability,
} from "../standards/admiralty";
import { observationLabel } from "./export-endnotes";
import { nameSources } from "./source-names";

/**
 * One weakness of the source base (ICD 206), with what it touches:
 * - `reliability`: sources graded D (not usually reliable), E (unreliable) or F (reliability cannot
 *   be judged: unknown, not middling);
 * - `credibility`: observations graded 4 (doubtful), 5 (improbable) or 6 (truth cannot be judged);
 * - `untraceable`: sources recorded with neither a title nor a URL, so no reader can find the document;
 * - `relayed`: sources reporting what they attribute to someone else (second-hand).
 */
export interface SourceWeakness {
  kind: "reliability" | "credibility" | "untraceable" | "relayed";
  /** The grade ("D", "4") for reliability and credibility; null otherwise. */
  grade: string | null;
  /** Its wording ("Not usually reliable"); null when there is no grade. */
  wording: string | null;
  /** Source names (as the statement names them) or observation labels. */
  subjects: string[];
  /** Labels of the judgements citing them, key judgements first. */
  citedBy: string[];
}

/** A judgement as the weaknesses read it: its label and cited endnote numbers. */
interface CitingJudgement {
  label: string;
  isKey: boolean;
  endnotes: readonly number[];
}

const WEAK_RELIABILITY: readonly SourceReliability[] = ["D", "E", "F"];
const WEAK_CREDIBILITY: readonly InformationCredibility[] = [4, 5, 6];

/**
 * The weaknesses of the current (non-retracted) cited evidence. Grades are read one character at a
 * time, never combined: a D source with information graded 2 is a weak source, not a middling grade.
 * A URL missing from a version frozen before URLs were frozen (`undefined`) is unknown, not missing.
 */
export function findSourceWeaknesses(
  active: readonly VersionCitationDto[],
  judgements: readonly CitingJudgement[],
): SourceWeakness[] {
  const sources = [...new Map(active.flatMap((r) => r.sources).map((s) => [s.id, s])).values()];
  const names = new Map(nameSources(sources).map((name, index) => [sources[index]?.id, name]));
  const ordered = [...judgements.filter((j) => j.isKey), ...judgements.filter((j) => !j.isKey)];
  const citing = (cites: (reference: VersionCitationDto) => boolean) =>
    ordered.filter((j) => j.endnotes.some((n) => active.some((r) => r.number === n && cites(r)))).map((j) => j.label);
  const ofSources = (
    kind: SourceWeakness["kind"],
    keep: (source: (typeof sources)[number]) => boolean,
    grade: SourceReliability | null = null,
  ): SourceWeakness[] => {
    const weak = sources.filter(keep);
    if (weak.length === 0) return [];
    const ids = new Set(weak.map((source) => source.id));
    return [
      {
        kind,
        grade,
        wording: grade ? SOURCE_RELIABILITY[grade] : null,
        subjects: weak.map((source) => {
          const name = names.get(source.id) ?? source.publisher;
          return kind === "relayed" ? `${name}, relaying ${source.attributedTo?.trim()}` : name;
        }),
        citedBy: citing((reference) => reference.sources.some((source) => ids.has(source.id))),
      },
    ];
  };
  return [
    ...WEAK_RELIABILITY.flatMap((grade) => ofSources("reliability", (source) => source.reliability === grade, grade)),
    ...WEAK_CREDIBILITY.flatMap((grade): SourceWeakness[] => {
      const weak = active.filter((reference) => reference.credibility === grade);
      if (weak.length === 0) return [];
      const ids = new Set(weak.map((reference) => reference.observationId));
      return [
        {
          kind: "credibility",
          grade: String(grade),
          wording: INFORMATION_CREDIBILITY[grade],
          subjects: weak.map(observationLabel),
          citedBy: citing((reference) => ids.has(reference.observationId)),
        },
      ];
    }),
    ...ofSources("untraceable", (source) => source.url === null && !source.title?.trim()),
    ...ofSources("relayed", (source) => Boolean(source.attributedTo?.trim())),
  ];
}
