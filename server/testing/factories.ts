import { randomBytes } from "node:crypto";
import { getDatabase } from "@/db/client";
import { memberships, users, workspaces } from "@/db/schema";
import type { WorkspaceRole } from "@/lib/roles";
import type { Actor } from "../auth/actor";
import { createApiToken } from "../tokens/create-api-token";

// Factories insert rows directly so that tests of one area do not depend on another area's
// domain functions (and skip argon2, which would make every test user cost ~50 ms).

function uniqueSuffix(): string {
  return randomBytes(5).toString("hex");
}

export interface CreateTestUserOptions {
  name?: string;
  email?: string;
  /** How the actor authenticated; `session` unless a test needs a token or operator actor. */
  via?: Actor["via"];
  /** Also make the user a member of this workspace… */
  workspace?: { id: string };
  /** …with this role (default `analyst`). */
  role?: WorkspaceRole;
}

/** A new user with a unique email, returned as the actor a signed-in request would have. */
export async function createTestUser(options: CreateTestUserOptions = {}): Promise<Actor> {
  const suffix = uniqueSuffix();
  const [user] = await getDatabase()
    .insert(users)
    .values({ email: options.email ?? `user-${suffix}@example.test`, name: options.name ?? `Test User ${suffix}` })
    .returning({ id: users.id, email: users.email, name: users.name });
  if (!user) throw new Error("insert into users returned no row");
  if (options.workspace) await addTestMember(options.workspace, user, options.role ?? "analyst");
  return { ...user, via: options.via ?? "session" };
}

export interface TestWorkspace {
  id: string;
  name: string;
}

/** A new workspace whose only member is `owner`, as owner. */
export async function createTestWorkspace(owner: { id: string }, name?: string): Promise<TestWorkspace> {
  const db = getDatabase();
  const [workspace] = await db
    .insert(workspaces)
    .values({ name: name ?? `Workspace ${uniqueSuffix()}`, createdBy: owner.id })
    .returning({ id: workspaces.id, name: workspaces.name });
  if (!workspace) throw new Error("insert into workspaces returned no row");
  await addTestMember(workspace, owner, "owner");
  return workspace;
}

/** Makes `user` a member of `workspace` with `role`. */
export async function addTestMember(
  workspace: { id: string },
  user: { id: string },
  role: WorkspaceRole,
): Promise<void> {
  await getDatabase().insert(memberships).values({ workspaceId: workspace.id, userId: user.id, role });
}

/** An owner, a workspace, and one member of every other role: the usual cast of a permissions test. */
export async function createTestTeam(): Promise<{
  workspace: TestWorkspace;
  owner: Actor;
  analyst: Actor;
  reviewer: Actor;
  viewer: Actor;
}> {
  const owner = await createTestUser({ name: "Olivia Owner" });
  const workspace = await createTestWorkspace(owner);
  const analyst = await createTestUser({ name: "Ana Analyst", workspace, role: "analyst" });
  const reviewer = await createTestUser({ name: "Rey Reviewer", workspace, role: "reviewer" });
  const viewer = await createTestUser({ name: "Vic Viewer", workspace, role: "viewer" });
  return { workspace, owner, analyst, reviewer, viewer };
}

/** A live API token secret for `user`, for calling route handlers with `Authorization: Bearer`. */
export async function createTestApiToken(user: Actor, name = "test token"): Promise<string> {
  const { secret } = await createApiToken({ actor: { ...user, via: "session" }, name });
  return secret;
}
