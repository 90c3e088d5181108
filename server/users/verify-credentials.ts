import { eq, sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { hasNulCharacter, NUL_CHARACTER_MESSAGE } from "@/lib/nul-character";
import type { UserOutput } from "@/lib/schemas/users";
import { verifyAgainstDummy, verifyPassword } from "../auth/password";
import { ACCOUNT_LIMIT, clearFailures, IP_LIMIT, recordFailure, secondsUntilAllowed } from "../auth/rate-limit";

export interface VerifyCredentialsOptions {
  email: string;
  password: string;
  /** Client address, for the per-IP failure limit; omitted when unknown. */
  ip?: string;
}

/**
 * Checks an email and password. Wrong credentials and unknown accounts get the same error;
 * repeated failures per account and per IP are refused with a message saying when to retry.
 */
export async function verifyCredentials(options: VerifyCredentialsOptions): Promise<UserOutput> {
  // No account has one (sign-up refuses it), and PostgreSQL would fail on the rate-limit key.
  if (hasNulCharacter(options.email)) {
    throw new AppError("bad_request:credentials", NUL_CHARACTER_MESSAGE, {
      fields: { email: [NUL_CHARACTER_MESSAGE] },
    });
  }
  const email = options.email.trim().toLowerCase();
  const accountKey = `account:${email}`;
  const ipKey = options.ip ? `ip:${options.ip}` : undefined;

  const wait = Math.max(
    await secondsUntilAllowed(accountKey, ACCOUNT_LIMIT),
    ipKey ? await secondsUntilAllowed(ipKey, IP_LIMIT) : 0,
  );
  if (wait > 0) {
    const minutes = Math.ceil(wait / 60);
    throw new AppError(
      "rate_limited:sign_in",
      `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      { retryAfterSeconds: wait },
    );
  }

  const db = getDatabase();
  const [user] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email));
  let ok = false;
  if (user?.passwordHash) ok = await verifyPassword(user.passwordHash, options.password);
  else await verifyAgainstDummy(options.password);
  if (!user || !ok) {
    await recordFailure(accountKey, ACCOUNT_LIMIT);
    if (ipKey) await recordFailure(ipKey, IP_LIMIT);
    throw new AppError("unauthorized:credentials", "Email or password is incorrect.");
  }
  await clearFailures(accountKey);
  return { id: user.id, email: user.email, name: user.name };
}
