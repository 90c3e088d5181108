import { AppError } from "@/lib/errors";
import { type FailureLimit, recordFailure, secondsUntilAllowed } from "../auth/rate-limit";
import { env } from "../env";

/** Sign-up attempts one client address may make per hour (SIGN_UP_PER_HOUR_PER_ADDRESS). */
export function signUpLimit(): FailureLimit {
  return { max: env().SIGN_UP_PER_HOUR_PER_ADDRESS, windowSeconds: 60 * 60 };
}

/**
 * Counts one sign-up attempt from `ip` and refuses it (429 `rate_limited:sign_up`) once the
 * address used up its hourly allowance. Every attempt counts, refused ones too: that is what
 * keeps a script from mass-creating accounts or probing which emails are taken. Uses the same
 * table and atomic upsert as the sign-in failure limits, so it holds across processes. Unknown
 * addresses (no socket address, e.g. tests calling the domain directly) are not limited.
 */
export async function limitSignUps(ip: string | undefined): Promise<void> {
  if (!ip) return;
  const key = `sign-up:${ip}`;
  const limit = signUpLimit();
  const wait = await secondsUntilAllowed(key, limit);
  if (wait > 0) {
    const minutes = Math.ceil(wait / 60);
    throw new AppError(
      "rate_limited:sign_up",
      `Too many accounts were created from your address. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      { retryAfterSeconds: wait },
    );
  }
  await recordFailure(key, limit);
}
