"use client";

import { describeReviewChanges } from "@/lib/reviews/review-format";
import { diffWords } from "@/lib/reviews/word-diff";
import type { ReviewChangesDto } from "@/lib/schemas/reviews";

/**
 * The statement then and now, word by word: removed words struck through, added words
 * highlighted, each also marked in words for screen readers. All of it is user text, rendered
 * as React text nodes (escaped), never as HTML.
 */
export function StatementDiff({ before, after }: { before: string; after: string }) {
  return (
    <span className="whitespace-pre-wrap">
      {diffWords(before, after).map((part, index) => {
        const key = `${index}:${part.kind}`;
        if (part.kind === "same") return <span key={key}>{part.text}</span>;
        return part.kind === "removed" ? (
          <del key={key} className="mx-px rounded-sm bg-red-50 px-0.5 text-red-800 decoration-red-400">
            <span className="sr-only">[removed: </span>
            {part.text}
            <span className="sr-only">]</span>
          </del>
        ) : (
          <ins key={key} className="mx-px rounded-sm bg-emerald-50 px-0.5 text-emerald-900 no-underline">
            <span className="sr-only">[added: </span>
            {part.text}
            <span className="sr-only">]</span>
          </ins>
        );
      })}
    </span>
  );
}

/**
 * What changed since a verdict: the statement as a word diff, likelihood and confidence before
 * and after, citations added and removed, and cited observations revised, re-graded or retracted.
 */
export function ReviewChanges({ changes, isOpen }: { changes: ReviewChangesDto; isOpen: boolean }) {
  const lines = describeReviewChanges(changes);
  const isEmpty = !changes.statement && lines.length === 0;
  return (
    <details open={isOpen} className="mt-1.5 rounded border border-amber-200 bg-amber-50/50 px-2 py-1.5 text-xs">
      <summary className="cursor-pointer font-medium text-amber-900">What changed since</summary>
      <div className="mt-1.5 space-y-1 text-slate-800">
        {changes.statement ? (
          <p>
            <span className="font-medium">Statement: </span>
            <StatementDiff before={changes.statement.before} after={changes.statement.after} />
          </p>
        ) : null}
        {lines.length > 0 ? (
          <ul className="space-y-0.5">
            {lines.map((line) => (
              <li key={`${line.label}:${line.text}`}>
                <span className="font-medium">{line.label}: </span>
                {line.text}
              </li>
            ))}
          </ul>
        ) : null}
        {isEmpty ? <p>The judgement or its evidence changed.</p> : null}
      </div>
    </details>
  );
}
