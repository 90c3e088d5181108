import type { SourceSummary } from "./source-summary";
import type { SourceWeakness } from "./source-weaknesses";

/** "a", "a and b", "a, b and c". */
export function listing(items: readonly string[]): string {
  return items.length <= 2 ? items.join(" and ") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** One weakness as a clause: "1 source graded D (not usually reliable): TASS, cited by Key judgement 1". */
function weaknessText(weakness: SourceWeakness): string {
  const count = weakness.subjects.length;
  const what =
    weakness.kind === "reliability"
      ? `${plural(count, "source")} graded ${weakness.grade} (${weakness.wording?.toLowerCase()})`
      : weakness.kind === "credibility"
        ? `${plural(count, "observation")} graded ${weakness.grade} (${weakness.wording?.toLowerCase()})`
        : weakness.kind === "untraceable"
          ? `${plural(count, "source")} with neither title nor URL to trace ${count === 1 ? "it" : "them"} by`
          : `${plural(count, "source")} reporting second-hand`;
  const cited = weakness.citedBy.length > 0 ? ` (cited by ${listing(weakness.citedBy)})` : "";
  return `${what}: ${listing(weakness.subjects)}${cited}`;
}

/**
 * Strengths (A/B sources, 1/2 information) and weaknesses (D/E/F sources, 4/5/6 information,
 * untraceable and second-hand sources, key judgements resting only on E/F/5/6), or that none were found.
 */
function strengthsAndWeaknesses(summary: Omit<SourceSummary, "paragraphs">): string {
  const count = <T extends { count: number }>(rows: readonly T[], keep: (row: T) => boolean) =>
    rows.filter(keep).reduce((total, row) => total + row.count, 0);
  const strongSources = count(summary.reliability, (row) => row.grade === "A" || row.grade === "B");
  const strongInformation = count(summary.credibility, (row) => row.grade <= 2);
  const strengths =
    `Strengths: ${strongSources} of ${plural(summary.sourceCount, "source")} graded A or B; ` +
    `${strongInformation} of ${plural(summary.observationCount, "observation")} graded 1 or 2.`;
  const weaknesses = [
    ...summary.weaknesses.map(weaknessText),
    ...(summary.weakKeyJudgements.length > 0
      ? [`${listing(summary.weakKeyJudgements)} resting only on sources graded E or F or information graded 5 or 6`]
      : []),
  ];
  return weaknesses.length > 0
    ? `${strengths} Weaknesses: ${weaknesses.join("; ")}.`
    : `${strengths} No notable weaknesses found: no source is graded D, E or F, no information 4, 5 or 6, and every source has a title or URL and reports first-hand.`;
}

/**
 * Which subjects independent originators graded A–D corroborate, and which are reported by several
 * originators without that (the others reported by sources graded E or F only): never counted as corroboration.
 */
function corroborationText(
  summary: Pick<SourceSummary, "corroborated" | "notCorroborated" | "disputedAttributions">,
): string {
  const corroborated =
    summary.corroborated.length > 0
      ? `Corroborated by independent originators reported by sources graded A–D: ${summary.corroborated
          .map(
            (c) =>
              `${c.subject} (${listing(c.originators)}${c.weakOriginators.length > 0 ? `; also, not counted, ${listing(c.weakOriginators)}` : ""})`,
          )
          .join("; ")}.`
      : "No cited observation or key judgement is corroborated by more than one independent originator graded A–D.";
  const disputed =
    summary.disputedAttributions.length > 0
      ? ` Not counted towards any key judgement's corroboration, as their sources dispute who originated them: ${listing(summary.disputedAttributions)}.`
      : "";
  if (summary.notCorroborated.length === 0) return `${corroborated}${disputed}`;
  const uncounted = summary.notCorroborated.map((c) =>
    c.originators.length === 0
      ? `${c.subject} is reported only by sources graded E or F: ${listing(c.weakOriginators)}`
      : `${c.subject} by ${listing(c.originators)}, otherwise only by sources graded E or F: ${listing(c.weakOriginators)}`,
  );
  return `${corroborated} Not corroborated, as sources graded E (unreliable) or F (reliability cannot be judged) confirm nothing: ${uncounted.join("; ")}.${disputed}`;
}

/** What was retracted when the version was frozen, and that it counts nowhere in the statement. */
function retractedText(summary: Pick<SourceSummary, "retracted" | "retractedOnlySources">): string {
  if (summary.retracted.length === 0) return "";
  const only =
    summary.retractedOnlySources.length > 0
      ? `, nor ${summary.retractedOnlySources.length === 1 ? "is the source" : "are the sources"} reporting nothing else: ${listing(summary.retractedOnlySources)}`
      : "";
  return ` Retracted when this version was frozen, and not counted below as support: ${listing(summary.retracted)}${only}.`;
}

/** The statement in prose, one paragraph per question a reader of ICD 206 asks. */
export function summaryParagraphs(summary: Omit<SourceSummary, "paragraphs">): string[] {
  if (summary.observationCount === 0) {
    return [
      summary.retracted.length === 0
        ? "This assessment cites no observations: its judgements rest on no recorded source."
        : `Every observation this assessment cites was retracted when this version was frozen (${listing(summary.retracted)}): its judgements rest on no current source.`,
    ];
  }
  const kinds = listing(summary.sourceKinds.map(({ kind, count }) => `${count} ${kind.toLowerCase()}`));
  const paragraphs = [
    `This assessment cites ${plural(summary.observationCount, "current observation")} drawn from ${plural(summary.sourceCount, "source")} (${kinds}).${retractedText(summary)}`,
    `Source reliability: ${summary.reliability.map((r) => `${r.count} graded ${r.grade} (${r.wording.toLowerCase()})`).join("; ")}. ` +
      `Information credibility of the observations: ${summary.credibility.map((c) => `${c.count} graded ${c.grade} (${c.wording.toLowerCase()})`).join("; ")}.`,
    strengthsAndWeaknesses(summary),
  ];
  for (const basis of summary.keyJudgements) {
    paragraphs.push(
      basis.sources.length === 0
        ? `${basis.label} cites no source.`
        : `${basis.label} rests on ${listing(basis.sources.map((s) => `${s.name} (${s.reliability})`))}.`,
    );
  }
  paragraphs.push(
    summary.singleSourceKeyJudgements.length > 0
      ? `Single-source key judgements (one originator or none): ${listing(summary.singleSourceKeyJudgements)}.`
      : "No key judgement rests on a single source.",
  );
  paragraphs.push(corroborationText(summary));
  paragraphs.push(
    summary.conflicts.length > 0
      ? `Conflicting observations: ${summary.conflicts.map((c) => c.explanation).join(" ")}`
      : "No conflicting observations were found among the cited evidence.",
  );
  return paragraphs;
}
