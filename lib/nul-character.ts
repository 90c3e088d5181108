// PostgreSQL `text` and `jsonb` cannot hold U+0000: a single NUL anywhere in a value makes the
// whole statement fail. Input is refused before it gets that far (parseInput), text derived from
// the collaborative document has it removed (document-content.ts), and a search query drops it.

const NUL = "\u0000";

/** The field message for text that holds a NUL character. */
export const NUL_CHARACTER_MESSAGE = "Remove the NUL character (U+0000): text cannot contain it.";

/** The field message for an object key (a name of a field) that holds a NUL character. */
export const NUL_CHARACTER_KEY_MESSAGE = "Remove the NUL character (U+0000): field names cannot contain it.";

/** Whether `text` holds a NUL character. */
export function hasNulCharacter(text: string): boolean {
  return text.includes(NUL);
}

/** `text` without its NUL characters. */
export function withoutNulCharacters(text: string): string {
  return hasNulCharacter(text) ? text.replaceAll(NUL, "") : text;
}

/**
 * A JSON-like value with NUL characters removed from every string and object key inside it.
 * Values that are neither strings, arrays nor plain objects are returned as they are.
 */
export function stripNulCharacters<T>(value: T): T {
  if (typeof value === "string") return withoutNulCharacters(value) as T;
  if (Array.isArray(value)) return value.map(stripNulCharacters) as T;
  if (!isPlainObject(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[withoutNulCharacters(key)] = stripNulCharacters(item);
  return copy as T;
}

/** Where a NUL character was found: the path to the string or key, and whether it is a key. */
export interface NulCharacterPlace {
  path: (string | number)[];
  isKey: boolean;
}

/** One step of the walk: a value, and how it was reached (parent links, not copied paths). */
interface Visit {
  value: unknown;
  key: string | number | null;
  parent: Visit | null;
}

function pathOf(visit: Visit): (string | number)[] {
  const path: (string | number)[] = [];
  for (let at: Visit | null = visit; at && at.key !== null; at = at.parent) path.push(at.key);
  return path.reverse();
}

/**
 * Every string and object key holding a NUL character inside a JSON-like value (a parsed body,
 * a query, form fields), with its path, in document order. Walks with an explicit stack and
 * parent links, so a deeply nested body costs neither the call stack nor copies of long paths.
 */
export function findNulCharacters(value: unknown): NulCharacterPlace[] {
  const found: NulCharacterPlace[] = [];
  const stack: Visit[] = [{ value, key: null, parent: null }];
  while (stack.length > 0) {
    const visit = stack.pop() as Visit;
    if (typeof visit.value === "string") {
      if (hasNulCharacter(visit.value)) found.push({ path: pathOf(visit), isKey: false });
      continue;
    }
    const entries: [string | number, unknown][] = Array.isArray(visit.value)
      ? visit.value.map((item, index) => [index, item])
      : isPlainObject(visit.value)
        ? Object.entries(visit.value)
        : [];
    for (const [key] of entries) {
      if (typeof key === "string" && hasNulCharacter(key)) found.push({ path: [...pathOf(visit), key], isKey: true });
    }
    // Pushed last to first, so they are visited first to last.
    for (let index = entries.length - 1; index >= 0; index -= 1) {
      const [key, item] = entries[index] as [string | number, unknown];
      stack.push({ value: item, key, parent: visit });
    }
  }
  return found;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
