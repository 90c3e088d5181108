import { and, eq, sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { authAccounts, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { UserOutput } from "@/lib/schemas/users";
import { recordAuditEvent } from "../audit/record-audit-event";

export interface LinkOidcUserOptions {
  provider: string;
  /** The identity provider's `sub`. */
  providerAccountId: string;
  email: string | null | undefined;
  /** Whether the provider vouches for the email (`email_verified`). */
  emailVerified: boolean;
  name: string | null | undefined;
}

/**
 * Finds the user behind an OIDC identity, linking it to an existing account with the same
 * verified email or creating one. An unverified email is never linked to an existing account:
 * that would let anyone who controls an identity provider take over the account.
 */
export async function linkOidcUser(options: LinkOidcUserOptions): Promise<UserOutput> {
  const db = getDatabase();
  return db.transaction(async (tx) => {
    const [linked] = await tx
      .select({ id: users.id, email: users.email, name: users.name })
      .from(authAccounts)
      .innerJoin(users, eq(users.id, authAccounts.userId))
      .where(
        and(eq(authAccounts.provider, options.provider), eq(authAccounts.providerAccountId, options.providerAccountId)),
      );
    if (linked) return linked;

    const email = options.email?.trim().toLowerCase();
    if (!email) throw new AppError("bad_request:oidc", "The identity provider did not send an email address.");
    const [existing] = await tx
      .select({ id: users.id, email: users.email, name: users.name })
      .from(users)
      .where(eq(sql`lower(${users.email})`, email));
    if (existing && !options.emailVerified) {
      throw new AppError("conflict:user", "An account with this email exists; sign in with its password.");
    }
    const user =
      existing ??
      (
        await tx
          .insert(users)
          .values({ email, name: options.name?.trim() || email.split("@")[0] || email })
          .returning({ id: users.id, email: users.email, name: users.name })
      )[0];
    if (!user) throw new AppError("internal:user");
    await tx.insert(authAccounts).values({
      userId: user.id,
      provider: options.provider,
      providerAccountId: options.providerAccountId,
    });
    await recordAuditEvent({
      db: tx,
      workspaceId: null,
      actorUserId: user.id,
      action: "user.oidc_linked",
      targetType: "user",
      targetId: user.id,
      data: { provider: options.provider },
    });
    return user;
  });
}
