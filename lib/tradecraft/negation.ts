/**
 * Negation around a word, shared by the rules that must not read "could not" as a hedge or "not
 * likely" as a statement that something is likely.
 */

// "not", "never", "hardly", "no longer" and the contracted "n't", optionally followed by a few
// words that keep the negation in force: "not be likely", "isn't at all likely", "not that likely".
const NEGATION_BEFORE =
  /(?:(?<![\p{L}\p{N}])(?:not|never|hardly|scarcely|no\s+longer)|n['’]t)(?:\s+(?:at\s+all|be|been|being|seem|seems|seemed|appear|appears|appeared|that|so|especially|particularly|even|necessarily))*\s+$/iu;

/** Whether the word starting at `from` is negated by what comes right before it ("not likely", "isn't very likely"). */
export function isNegatedBefore(text: string, from: number): boolean {
  return NEGATION_BEFORE.test(text.slice(Math.max(0, from - 80), from));
}

/** Whether "not" follows the word ending at `to` ("could not be identified": a past inability, not a hedge). */
export function isFollowedByNot(text: string, to: number): boolean {
  return /^\s+not(?![\p{L}\p{N}])/iu.test(text.slice(to));
}
