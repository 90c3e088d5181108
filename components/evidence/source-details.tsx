import { SOURCE_TYPE_LABELS } from "@/lib/evidence";
import type { SourceDto } from "@/lib/schemas/evidence";
import { Card, CardHeader } from "../ui/card";
import { RelativeTime } from "../ui/relative-time";
import { DefinitionRows } from "./definition-rows";
import { formatDay, formatPartialDate } from "./evidence-format";
import { ReliabilityBadge } from "./grade-badge";
import { SourceLink } from "./observation-details";

/** Every field of a source: what it is, who published it and when, and its graded reliability with the reasons. */
export function SourceFacts({ source }: { source: SourceDto }) {
  return (
    <Card aria-labelledby="source-facts-heading">
      <CardHeader id="source-facts-heading" title="Details" />
      <DefinitionRows
        rows={[
          { label: "Publisher or originator", value: source.publisher },
          { label: "Title", value: source.title },
          { label: "Title note", value: source.titleNote },
          { label: "URL", value: source.url ? <SourceLink url={source.url} /> : null },
          {
            label: "Type",
            value: `${SOURCE_TYPE_LABELS[source.type]}${source.typeDetail ? ` (${source.typeDetail})` : ""}`,
          },
          { label: "Authors", value: source.authors.join("; ") },
          { label: "Published", value: source.publishedOn ? formatPartialDate(source.publishedOn) : null },
          { label: "Date note", value: source.dateNote },
          { label: "Reliability", value: <ReliabilityBadge grade={source.reliability} /> },
          {
            label: "Reliability rationale",
            value: <p className="whitespace-pre-line">{source.reliabilityRationale}</p>,
          },
          { label: "Source descriptor", value: <p className="whitespace-pre-line">{source.descriptor}</p> },
          { label: "Retrieved on", value: source.retrievedOn ? formatDay(source.retrievedOn) : null },
          {
            label: "Found in",
            value:
              source.foundIn.length > 0 ? (
                <ul aria-label="Where the source was found" className="space-y-1">
                  {source.foundIn.map((url) => (
                    <li key={url}>
                      <SourceLink url={url} />
                    </li>
                  ))}
                </ul>
              ) : null,
          },
          {
            label: "Last changed",
            value: (
              <>
                {source.updatedBy?.name ?? "An operator"}, <RelativeTime date={source.updatedAt} /> (revision{" "}
                {source.revision})
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}
