import type { PresentUser } from "@/lib/collab/document-state";

const SHOWN = 5;

/** Up to two initials of a display name. */
function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words.at(-1)] : [words[0]];
  return letters
    .map((word) => (word ? Array.from(word)[0] : ""))
    .join("")
    .toUpperCase();
}

/** Who is in the document right now: coloured initials, the same colour as each person's caret. */
export function PresenceAvatars({ people }: { people: readonly PresentUser[] }) {
  if (people.length === 0) return null;
  const hidden = people.length - SHOWN;
  return (
    <ul aria-label="People in this document" className="flex items-center -space-x-1.5">
      {people.slice(0, SHOWN).map((person) => {
        const label = person.isSelf ? `${person.name} (you)` : person.name;
        return (
          <li
            key={person.id}
            aria-label={label}
            title={label}
            className="flex size-7 items-center justify-center rounded-full text-[0.65rem] font-semibold text-white ring-2 ring-white"
            style={{ backgroundColor: person.color }}
          >
            <span aria-hidden="true">{initials(person.name)}</span>
          </li>
        );
      })}
      {hidden > 0 ? (
        <li
          aria-label={`${hidden} more`}
          title={people
            .slice(SHOWN)
            .map((person) => person.name)
            .join(", ")}
          className="flex size-7 items-center justify-center rounded-full bg-slate-200 text-[0.65rem] font-semibold text-slate-700 ring-2 ring-white"
        >
          +{hidden}
        </li>
      ) : null}
    </ul>
  );
}
