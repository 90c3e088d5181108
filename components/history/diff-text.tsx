import type { DiffPartDto } from "@/lib/schemas/history";

/**
 * A word diff as text with removed words in `<del>` and added words in `<ins>`; screen readers
 * are told which is which, since strike-through and underline are only visual.
 */
export function DiffText({ parts }: { parts: readonly DiffPartDto[] }) {
  return (
    <>
      {parts.map((part, index) => {
        const key = `${index}:${part.kind}`;
        if (part.kind === "removed") {
          return (
            <del key={key} className="rounded-sm bg-rose-50 text-rose-800 decoration-rose-400">
              <span className="sr-only">[removed: </span>
              {part.text}
              <span className="sr-only">]</span>
            </del>
          );
        }
        if (part.kind === "added") {
          return (
            <ins key={key} className="rounded-sm bg-emerald-50 text-emerald-800 no-underline">
              <span className="sr-only">[added: </span>
              {part.text}
              <span className="sr-only">]</span>
            </ins>
          );
        }
        return <span key={key}>{part.text}</span>;
      })}
    </>
  );
}
