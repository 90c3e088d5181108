import { eq, sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { WORKSPACE_ROLES, type WorkspaceRole } from "@/lib/roles";
import { type Actor, operatorActor } from "../auth/actor";
import { importEvidenceFile } from "../evidence/import-evidence-file";
import { addMember } from "../members/add-member";
import { createApiToken } from "../tokens/create-api-token";
import { createUser } from "../users/create-user";
import { createWorkspace } from "../workspaces/create-workspace";

/** Flags of one CLI invocation, already parsed. */
export type Flags = Record<string, string | undefined>;

/** A CLI command: what it needs, what it does, and the line it prints on success. */
export interface Command {
  usage: string;
  /** `args` are the positionals after the command's name (e.g. the FILE of `import FILE`). */
  run: (flags: Flags, io: { readPassword: () => Promise<string>; args?: string[] }) => Promise<string>;
}

function required(flags: Flags, name: string): string {
  const value = flags[name];
  if (!value) throw new AppError("bad_request:cli", `--${name} is required.`);
  return value;
}

/** The user with this email, as an actor for domain functions (the CLI acts on their behalf). */
async function actorForEmail(email: string): Promise<Actor> {
  const [user] = await getDatabase()
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()));
  if (!user) throw new AppError("not_found:user", `No user has the email ${email}.`);
  return { ...user, via: "operator" };
}

export const COMMANDS: Record<string, Command> = {
  "user create": {
    usage: "user create --email E --name N   (password from stdin)",
    async run(flags, io) {
      const user = await createUser({
        email: required(flags, "email"),
        name: required(flags, "name"),
        password: await io.readPassword(),
      });
      return `Created user ${user.email} (${user.id})`;
    },
  },
  "token create": {
    usage: "token create --email E --name N [--expires-in-days D]   (prints the token)",
    async run(flags) {
      const actor = await actorForEmail(required(flags, "email"));
      const days = flags["expires-in-days"];
      const { secret } = await createApiToken({
        actor,
        name: required(flags, "name"),
        expiresInDays: days ? Number(days) : undefined,
      });
      return secret;
    },
  },
  "workspace create": {
    usage: "workspace create --name N --owner E",
    async run(flags) {
      const owner = await actorForEmail(required(flags, "owner"));
      const workspace = await createWorkspace({ actor: owner, name: required(flags, "name") });
      return `Created workspace "${workspace.name}" (${workspace.id}) owned by ${owner.email}`;
    },
  },
  "member add": {
    usage: `member add --workspace W --email E --role ${WORKSPACE_ROLES.join("|")}`,
    async run(flags) {
      const role = required(flags, "role");
      if (!WORKSPACE_ROLES.includes(role as WorkspaceRole)) {
        throw new AppError("bad_request:cli", `--role must be one of ${WORKSPACE_ROLES.join(", ")}.`);
      }
      const member = await addMember({
        actor: operatorActor(),
        workspaceId: required(flags, "workspace"),
        email: required(flags, "email"),
        role: role as WorkspaceRole,
      });
      return `Added ${member.email} to workspace ${flags.workspace} as ${member.role}`;
    },
  },
  import: {
    usage: "import FILE --workspace W   (a library JSON file, or a .csv of observations)",
    async run(flags, io) {
      const file = io.args?.[0];
      if (!file) throw new AppError("bad_request:cli", "Name the file to import: import FILE --workspace W.");
      const result = await importEvidenceFile({
        actor: operatorActor(),
        workspaceId: required(flags, "workspace"),
        path: file,
      });
      const lines = (["sources", "sites", "observations"] as const).map(
        (kind) => `${kind}: ${result[kind].created} created, ${result[kind].existing} already in the library`,
      );
      for (const kind of ["sources", "sites", "observations"] as const) {
        for (const record of result[kind].differing) {
          lines.push(`not applied, differs from the library: ${record.id} (${record.fields.join(", ")})`);
        }
      }
      if (result.ignoredFields.length > 0) {
        lines.push(`not imported (no place for them in the library): ${result.ignoredFields.join(", ")}`);
      }
      return lines.join("\n");
    },
  },
};
