import { versionMention } from "@/lib/history/version-labels";
import type { CompareSideDto, VersionComparisonDto } from "@/lib/schemas/history";
import { Card, CardHeader } from "../ui/card";
import { DiffText } from "./diff-text";
import { JudgementDiffCard } from "./judgement-diff-card";

function sideLabel(side: CompareSideDto): string {
  return side.number === null
    ? "the current text"
    : `${versionMention({ ...side, number: side.number })} (${side.name})`;
}

/**
 * A comparison of two versions: per-judgement cards first (changed, added and removed ones, and
 * unchanged ones whose approvals moved; the rest are counted), then the other text's changes,
 * each with a word diff.
 */
export function VersionComparison({ comparison }: { comparison: VersionComparisonDto }) {
  const shown = comparison.judgements.filter(
    (judgement) => judgement.change !== "unchanged" || judgement.approvals.isChanged,
  );
  const changedCount = shown.filter((judgement) => judgement.change !== "unchanged").length;
  const unchanged = comparison.judgements.length - shown.length;
  return (
    <Card aria-labelledby="comparison-heading">
      <CardHeader
        id="comparison-heading"
        title={`Changes from ${sideLabel(comparison.from)} to ${sideLabel(comparison.to)}`}
        description={
          comparison.title.isChanged ? `Title: “${comparison.title.before}” → “${comparison.title.after}”.` : undefined
        }
      />
      <div className="space-y-6 p-5">
        <section aria-labelledby="judgement-changes-heading" className="space-y-3">
          <h2 id="judgement-changes-heading" className="text-sm font-semibold text-slate-900">
            Judgements
          </h2>
          {changedCount === 0 ? <p className="text-sm text-slate-600">No judgement changed.</p> : null}
          {shown.map((judgement, index) => (
            <JudgementDiffCard key={judgement.id} diff={judgement} index={index} />
          ))}
          {unchanged > 0 ? (
            <p className="text-sm text-slate-600">
              {unchanged} other judgement{unchanged === 1 ? "" : "s"} unchanged.
            </p>
          ) : null}
        </section>
        <section aria-labelledby="text-changes-heading" className="space-y-3">
          <h2 id="text-changes-heading" className="text-sm font-semibold text-slate-900">
            Other text
          </h2>
          {comparison.blocks.length === 0 ? <p className="text-sm text-slate-600">No other text changed.</p> : null}
          <ol className="space-y-2">
            {comparison.blocks.map((block, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rendered once on the server, never reordered; blocks may repeat text.
              <li key={index} className="rounded-md border border-slate-200 p-3 text-sm">
                <p className="text-xs font-medium uppercase tracking-wide text-slate-500">
                  {block.type} {block.change}
                </p>
                <p className="mt-1 whitespace-pre-wrap leading-6 text-slate-800">
                  <DiffText parts={block.diff} />
                </p>
              </li>
            ))}
          </ol>
        </section>
      </div>
    </Card>
  );
}
