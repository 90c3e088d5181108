import Link from "next/link";
import { SEARCH_TYPE_LABELS, type SearchHit, type SearchType } from "@/lib/schemas/search";
import { Badge, type BadgeTone } from "../ui/badge";
import { HighlightedSnippet } from "./highlighted-snippet";

const TYPE_TONES: Record<SearchType, BadgeTone> = {
  assessment: "accent",
  judgement: "success",
  observation: "info",
  source: "warning",
  comment: "neutral",
};

/** Ranked hits, each with its type, what it is, where it lives and the passage that matched. */
export function SearchResults({
  hits,
  showWorkspace = false,
}: {
  hits: SearchHit[];
  /** Name each hit's workspace (searches across workspaces). */
  showWorkspace?: boolean;
}) {
  return (
    <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white shadow-sm">
      {hits.map((hit) => (
        <li key={`${hit.type}:${hit.assessmentId ?? ""}:${hit.id}`} className="px-4 py-3">
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone={TYPE_TONES[hit.type]}>{SEARCH_TYPE_LABELS[hit.type]}</Badge>
            <Link href={hit.url} className="font-medium text-accent-700 hover:underline">
              {hit.type === "judgement" || hit.type === "comment" ? `In “${hit.title}”` : hit.title}
            </Link>
          </div>
          <HighlightedSnippet parts={hit.snippet} />
          <p className="mt-1 text-xs text-slate-500">
            {showWorkspace ? `${hit.workspaceName} · ` : ""}
            {hit.context}
          </p>
        </li>
      ))}
    </ol>
  );
}
