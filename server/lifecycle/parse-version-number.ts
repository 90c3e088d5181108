import { AppError } from "@/lib/errors";

/** A version number from a URL: a positive integer written plainly ("1", not "01" or "1.0"); else 404. */
export function parseVersionNumber(value: string | number): number {
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < 1 || String(number) !== String(value)) {
    throw new AppError("not_found:version");
  }
  return number;
}
