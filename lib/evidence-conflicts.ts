/**
 * Conflicts between pieces of evidence, found by pure functions so the API, the pages and tests
 * agree on what a conflict is.
 *
 * - **Value conflict**: two active observations at the same site give the same metric different
 *   values for periods that overlap (a month overlaps every day inside it).
 * - **Attribution conflict**: the same information is said to come from different originators,
 *   either by the sources of one observation or by two observations at the same site that give the
 *   same value of the same metric for overlapping periods.
 *
 * Metrics are compared literally, by name: `containers_min = 11000` and `containers_min = 10000`
 * differ even though both "at least" figures can be true, and `containers` is another metric. An
 * approximate value is compared by its number, so ≈60 and 60 agree and ≈60 and ≈55 do not.
 * Retracted observations take no part.
 */

import { canonicalUnit } from "./quantity-units";

/** What detection reads of an observation; an `ObservationDto` fits. */
export interface ConflictObservation {
  id: string;
  externalId: string | null;
  summary: string;
  site: { id: string; name: string } | null;
  observed: { precision: "day" | "month" | "range"; start: string; end: string };
  quantities: readonly ConflictQuantity[];
  sources: readonly { id: string; externalId: string | null; publisher: string; attributedTo: string | null }[];
  retraction: object | null;
}

export interface ConflictQuantity {
  metric: string;
  value: number;
  unit: string | null;
  approximate: boolean;
}

/** Someone the information is said to come from, and the sources that say so. */
export interface ConflictOriginator {
  name: string;
  via: {
    sourceId: string;
    /** The source's file id (e.g. `S07`) when it has one. */
    externalId: string | null;
    publisher: string;
    /** True when the source relays the claim and names its originator; false: the source's own publisher. */
    attributed: boolean;
  }[];
}

/** One observation taking part in a conflict. */
export interface ConflictParticipant {
  observationId: string;
  externalId: string | null;
  summary: string;
  observed: ConflictObservation["observed"];
  /**
   * The value in dispute (value conflicts), the value shared (attribution conflicts between
   * observations), or the observation's only value (its sources disagree on who said it).
   */
  quantity: ConflictQuantity | null;
  originators: ConflictOriginator[];
}

export type EvidenceConflictKind = "value" | "attribution";

export interface EvidenceConflict {
  kind: EvidenceConflictKind;
  /** Stable while the observations involved stay the same. */
  key: string;
  site: { id: string; name: string } | null;
  metric: string | null;
  participants: ConflictParticipant[];
  /** Why this is a conflict, in a sentence. */
  explanation: string;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function formatDay(day: string): string {
  const [year, month, date] = day.split("-");
  return `${Number(date)} ${MONTHS[Number(month) - 1]} ${year}`;
}

/** An observed period as people write it: `23 Feb 2024`, `Feb 2024`, `7 Sep 2023 – 1 Oct 2023`. */
export function formatObservedPeriod(observed: ConflictObservation["observed"]): string {
  if (observed.precision === "day") return formatDay(observed.start);
  if (observed.precision === "month") {
    const [year, month] = observed.start.split("-");
    return `${MONTHS[Number(month) - 1]} ${year}`;
  }
  return `${formatDay(observed.start)} – ${formatDay(observed.end)}`;
}

/** A quantity as people write it: `≈60`, `10,000`, `115 m`. */
export function formatQuantityValue(quantity: Pick<ConflictQuantity, "value" | "unit" | "approximate">): string {
  const number = quantity.value.toLocaleString("en-US", { maximumFractionDigits: 6 });
  return `${quantity.approximate ? "≈" : ""}${number}${quantity.unit ? ` ${quantity.unit}` : ""}`;
}

/** Whether two observed periods share at least one day. */
export function periodsOverlap(a: { start: string; end: string }, b: { start: string; end: string }): boolean {
  return a.start <= b.end && b.start <= a.end;
}

function normalizeName(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLowerCase();
}

/**
 * Whether two names denote one originator: equal, or one begins the other at a word boundary, so
 * an attribution to "The White House" matches the publisher "The White House (NSC spokesman John
 * Kirby), press briefing".
 */
export function isSameOriginator(a: string, b: string): boolean {
  const [short, long] = [normalizeName(a), normalizeName(b)].sort((x, y) => x.length - y.length) as [string, string];
  if (!short) return false;
  return long.startsWith(short) && (long.length === short.length || /[^\p{L}\p{N}]/u.test(long[short.length] ?? ""));
}

/** Who an observation's sources say the information came from: an attribution, else the publisher. */
export function originatorsOf(observation: Pick<ConflictObservation, "sources">): ConflictOriginator[] {
  const originators: ConflictOriginator[] = [];
  for (const source of observation.sources) {
    const attributed = Boolean(source.attributedTo?.trim());
    const name = attributed ? (source.attributedTo as string).trim() : source.publisher;
    const via = { sourceId: source.id, externalId: source.externalId, publisher: source.publisher, attributed };
    const known = originators.find((originator) => isSameOriginator(originator.name, name));
    if (known) known.via.push(via);
    else originators.push({ name, via: [via] });
  }
  return originators;
}

function hasAttribution(originators: ConflictOriginator[]): boolean {
  return originators.some((originator) => originator.via.some((via) => via.attributed));
}

function sameOriginators(a: ConflictOriginator[], b: ConflictOriginator[]): boolean {
  const covered = (from: ConflictOriginator[], to: ConflictOriginator[]) =>
    from.every((x) => to.some((y) => isSameOriginator(x.name, y.name)));
  return covered(a, b) && covered(b, a);
}

function labelOf(observation: ConflictObservation): string {
  return observation.externalId ?? `observation ${observation.id.slice(0, 8)}`;
}

function describeOriginator(originator: ConflictOriginator): string {
  // A source publishing under the originator's own name needs no second mention: "Reuters", not "Reuters [Reuters]".
  const own = originator.via
    .filter((via) => !via.attributed)
    .map((via) => via.externalId ?? via.publisher)
    .filter((name) => !isSameOriginator(name, originator.name));
  const relayed = originator.via.filter((via) => via.attributed).map((via) => via.externalId ?? via.publisher);
  const parts = [
    ...(own.length ? [own.join(", ")] : []),
    ...(relayed.length ? [`according to ${relayed.join(", ")}`] : []),
  ];
  // Square brackets: publishers often end in their own parenthesis ("(fact sheet …)").
  return parts.length > 0 ? `${originator.name} [${parts.join("; ")}]` : originator.name;
}

function describeOriginators(originators: ConflictOriginator[]): string {
  const names = originators.map(describeOriginator);
  return names.length <= 2 ? names.join(" and ") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

function participant(observation: ConflictObservation, quantity: ConflictQuantity | null): ConflictParticipant {
  return {
    observationId: observation.id,
    externalId: observation.externalId,
    summary: observation.summary,
    observed: observation.observed,
    quantity,
    originators: originatorsOf(observation),
  };
}

function sameValue(a: ConflictQuantity, b: ConflictQuantity): boolean {
  // A missing unit is taken to be the metric's usual one; two different units are different
  // values, and two spellings of one ("t", "tonnes") are one unit.
  const unitsDiffer = a.unit && b.unit && canonicalUnit(a.unit) !== canonicalUnit(b.unit);
  return a.value === b.value && !unitsDiffer;
}

/** One observation whose sources name different originators, at least one of them by attribution. */
function withinObservation(observation: ConflictObservation): EvidenceConflict | null {
  const originators = originatorsOf(observation);
  // Two sources that each publish the information themselves corroborate it; a conflict needs
  // someone saying who it came from.
  if (originators.length < 2 || !hasAttribution(originators)) return null;
  return {
    kind: "attribution",
    key: `attribution:${observation.id}`,
    site: observation.site,
    metric: null,
    // The one value the observation reports, when it reports exactly one, so readers see what is disputed.
    participants: [
      participant(observation, observation.quantities.length === 1 ? (observation.quantities[0] ?? null) : null),
    ],
    explanation: `The sources of ${labelOf(observation)} attribute it to different originators: ${describeOriginators(originators)}.`,
  };
}

interface Entry {
  observation: ConflictObservation;
  quantity: ConflictQuantity;
}

/** The conflict between two observations of one metric at one site, if any. */
function betweenObservations(a: Entry, b: Entry): EvidenceConflict | null {
  if (a.observation.id === b.observation.id || !periodsOverlap(a.observation.observed, b.observation.observed)) {
    return null;
  }
  // Earlier observation first, so explanations read in time order; ids break ties for a stable key.
  const [first, second] = [a, b].sort(
    (x, y) =>
      x.observation.observed.start.localeCompare(y.observation.observed.start) ||
      x.observation.id.localeCompare(y.observation.id),
  ) as [Entry, Entry];
  const site = first.observation.site;
  const metric = first.quantity.metric;
  const siteName = site?.name ?? "the same site";
  const at = (entry: Entry) =>
    `${formatQuantityValue(entry.quantity)} in ${labelOf(entry.observation)} (${formatObservedPeriod(entry.observation.observed)})`;
  if (!sameValue(first.quantity, second.quantity)) {
    return {
      kind: "value",
      key: `value:${metric}:${first.observation.id}:${second.observation.id}`,
      site,
      metric,
      participants: [participant(first.observation, first.quantity), participant(second.observation, second.quantity)],
      explanation: `${metric} at ${siteName} has different values for overlapping periods: ${at(first)} and ${at(second)}.`,
    };
  }
  const originatorsA = originatorsOf(first.observation);
  const originatorsB = originatorsOf(second.observation);
  if (sameOriginators(originatorsA, originatorsB)) return null;
  if (!hasAttribution(originatorsA) && !hasAttribution(originatorsB)) return null;
  return {
    kind: "attribution",
    key: `attribution:${metric}:${first.observation.id}:${second.observation.id}`,
    site,
    metric,
    participants: [participant(first.observation, first.quantity), participant(second.observation, second.quantity)],
    explanation:
      `${labelOf(first.observation)} and ${labelOf(second.observation)} give the same ${metric} ` +
      `(${formatQuantityValue(first.quantity)}) at ${siteName} for overlapping periods but attribute it to ` +
      `different originators: ${describeOriginators(originatorsA)} versus ${describeOriginators(originatorsB)}.`,
  };
}

/**
 * Every value and attribution conflict among a workspace's observations, by site name, then metric,
 * then the earliest observed date involved.
 */
export function findEvidenceConflicts(observations: readonly ConflictObservation[]): EvidenceConflict[] {
  const active = observations.filter((observation) => !observation.retraction);
  const conflicts: EvidenceConflict[] = [];
  for (const observation of active) {
    const conflict = withinObservation(observation);
    if (conflict) conflicts.push(conflict);
  }
  const bySiteAndMetric = new Map<string, Entry[]>();
  for (const observation of active) {
    if (!observation.site) continue;
    for (const quantity of observation.quantities) {
      const group = `${observation.site.id}\u0000${quantity.metric}`;
      bySiteAndMetric.set(group, [...(bySiteAndMetric.get(group) ?? []), { observation, quantity }]);
    }
  }
  for (const entries of bySiteAndMetric.values()) {
    for (let i = 0; i < entries.length; i += 1) {
      for (let j = i + 1; j < entries.length; j += 1) {
        const conflict = betweenObservations(entries[i] as Entry, entries[j] as Entry);
        if (conflict) conflicts.push(conflict);
      }
    }
  }
  const earliest = (conflict: EvidenceConflict) => conflict.participants.map((p) => p.observed.start).sort()[0] ?? "";
  return conflicts.sort(
    (a, b) =>
      (a.site?.name ?? "").localeCompare(b.site?.name ?? "") ||
      (a.metric ?? "").localeCompare(b.metric ?? "") ||
      earliest(a).localeCompare(earliest(b)) ||
      a.key.localeCompare(b.key),
  );
}
