import { getDatabase } from "@/db/client";
import { users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { signUpInput, type UserOutput } from "@/lib/schemas/users";
import { recordAuditEvent } from "../audit/record-audit-event";
import { hashPassword } from "../auth/password";
import { parseInput } from "../http/parse-input";

export interface CreateUserOptions {
  email: string;
  name: string;
  password: string;
}

/** Creates an account with an email and password. Email addresses are unique, case-insensitively. */
export async function createUser(options: CreateUserOptions): Promise<UserOutput> {
  const input = parseInput(signUpInput, options);
  const passwordHash = await hashPassword(input.password);
  const db = getDatabase();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, passwordHash })
      .onConflictDoNothing()
      .returning({ id: users.id, email: users.email, name: users.name });
    if (!row) {
      throw new AppError("conflict:user", "An account with this email already exists.", {
        fields: { email: ["An account with this email already exists."] },
      });
    }
    await recordAuditEvent({
      db: tx,
      workspaceId: null,
      actorUserId: row.id,
      action: "user.created",
      targetType: "user",
      targetId: row.id,
    });
    return row;
  });
}
