import Link from "next/link";
import type { ObservationDto, SourceDto } from "@/lib/schemas/evidence";
import type { InformationCredibility } from "@/lib/standards/admiralty";
import { Card, CardHeader } from "../ui/card";
import { RelativeTime } from "../ui/relative-time";
import { DefinitionRows } from "./definition-rows";
import { formatQuantity, PRECISION_LABELS } from "./evidence-format";
import { AdmiraltyGrade, credibilityText, ReliabilityBadge } from "./grade-badge";
import { ObservedDate } from "./observation-table";

/**
 * A source's identifier: a link only for http(s) addresses, since the field also holds plain
 * identifiers and a `javascript:` value must never become clickable.
 */
export function SourceLink({ url }: { url: string }) {
  if (!/^https?:\/\//i.test(url)) return <span className="break-all">{url}</span>;
  return (
    <a href={url} target="_blank" rel="noopener noreferrer" className="break-all text-accent-700 hover:underline">
      {url}
    </a>
  );
}

/** Who did something and when, e.g. "Blake Analyst, 2 hours ago". */
function Stamp({ by, at }: { by: { name: string } | null; at: string }) {
  return (
    <>
      {by?.name ?? "An operator"}, <RelativeTime date={at} />
    </>
  );
}

/** Every field of an observation: what, where, when, how much, how credible, and its record. */
export function ObservationFacts({ observation, library }: { observation: ObservationDto; library: string }) {
  const { observed } = observation;
  return (
    <Card aria-labelledby="observation-facts-heading">
      <CardHeader id="observation-facts-heading" title="Details" />
      <DefinitionRows
        rows={[
          { label: "Summary", value: <p className="whitespace-pre-line">{observation.summary}</p> },
          { label: "Kind", value: observation.kind },
          {
            label: "Observed",
            value: (
              <>
                <ObservedDate observed={observed} />{" "}
                <span className="text-slate-500">
                  ({PRECISION_LABELS[observed.precision].toLowerCase()}
                  {observed.precision === "day" ? "" : `: ${observed.start} to ${observed.end}`})
                </span>
              </>
            ),
          },
          {
            label: "Site",
            value: observation.site ? (
              <Link href={`${library}/sites/${observation.site.id}`} className="text-accent-700 hover:underline">
                {observation.site.name}
              </Link>
            ) : null,
          },
          {
            label: "Information credibility",
            value: credibilityText(observation.credibility as InformationCredibility),
          },
          {
            label: "Quantities",
            value: observation.quantities.length ? (
              <ul className="font-mono text-xs">
                {observation.quantities.map((quantity) => (
                  <li key={quantity.metric}>{formatQuantity(quantity)}</li>
                ))}
              </ul>
            ) : null,
          },
          {
            label: "Described in words",
            value: observation.qualitative.length ? (
              <ul>
                {observation.qualitative.map((item) => (
                  <li key={item.metric}>
                    <span className="font-mono text-xs">{item.metric}</span>: {item.text}
                  </li>
                ))}
              </ul>
            ) : null,
          },
          { label: "Ships", value: observation.ships.join(", ") },
          { label: "Notes", value: <p className="whitespace-pre-line">{observation.notes}</p> },
          { label: "Inferred, not stated", value: observation.inferredFields.join(", ") },
          { label: "Recorded by", value: <Stamp by={observation.createdBy} at={observation.createdAt} /> },
          {
            label: "Last changed",
            value: (
              <>
                <Stamp by={observation.updatedBy} at={observation.updatedAt} /> (revision {observation.revision})
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}

/**
 * The sources an observation cites, each with its reliability, the two-character grade of this
 * report, a link to the source, and who the source attributes the information to.
 */
export function ObservationSources({
  observation,
  sources,
  library,
}: {
  observation: ObservationDto;
  /** The library's sources, for their links and titles. */
  sources: Map<string, SourceDto>;
  library: string;
}) {
  return (
    <Card aria-labelledby="observation-sources-heading">
      <CardHeader
        id="observation-sources-heading"
        title="Sources"
        description="Admiralty grade per source: its reliability (A–F) and this information's credibility (1–6), never averaged."
      />
      <ul className="divide-y divide-slate-100">
        {observation.sources.map((cited) => {
          const source = sources.get(cited.id);
          return (
            <li key={cited.id} className="flex flex-wrap items-start justify-between gap-3 px-5 py-3 text-sm">
              <div className="min-w-0">
                <Link href={`${library}/sources/${cited.id}`} className="font-medium text-slate-900 hover:underline">
                  {cited.externalId ? `${cited.externalId} · ` : ""}
                  {cited.publisher}
                </Link>
                {cited.title ? <p className="text-slate-700">{cited.title}</p> : null}
                {cited.attributedTo ? (
                  <p className="text-slate-600">
                    Attributed to <span className="font-medium">{cited.attributedTo}</span>
                  </p>
                ) : null}
                {source?.url ? <SourceLink url={source.url} /> : null}
              </div>
              <div className="flex shrink-0 items-center gap-2">
                <ReliabilityBadge grade={cited.reliability} />
                <AdmiraltyGrade
                  reliability={cited.reliability}
                  credibility={observation.credibility as InformationCredibility}
                />
              </div>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
