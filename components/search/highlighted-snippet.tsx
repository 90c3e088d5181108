import type { SnippetPart } from "@/lib/schemas/search";

/**
 * A search snippet with the matched words in `<mark>`. The parts are plain text from the server
 * (never HTML), and React escapes them, so nothing a user wrote can become markup here.
 */
export function HighlightedSnippet({ parts }: { parts: SnippetPart[] }) {
  return (
    <p className="mt-1 text-sm leading-6 text-slate-700">
      {parts.map((part, index) =>
        part.match ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts are a fixed sequence; the same word may repeat.
          <mark key={index} className="rounded-sm bg-amber-100 px-0.5 font-medium text-slate-900">
            {part.text}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above.
          <span key={index}>{part.text}</span>
        ),
      )}
    </p>
  );
}
