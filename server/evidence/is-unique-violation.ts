/**
 * Whether a database error is a unique-constraint violation (SQLSTATE 23505). postgres.js and
 * PGlite both put the code on the error, sometimes on its `cause` when Drizzle wraps it.
 */
export function isUniqueViolation(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth += 1) {
    if (typeof current === "object" && (current as { code?: unknown }).code === "23505") return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
