import { getDatabaseHandle } from "@/db/client";
import { APP_VERSION } from "@/server/version";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for load balancers and the README's first check. */
export async function GET(): Promise<Response> {
  let handle: ReturnType<typeof getDatabaseHandle> | undefined;
  try {
    handle = getDatabaseHandle();
    await handle.ping();
    return Response.json({ status: "ok", db: handle.kind, version: APP_VERSION });
  } catch {
    return Response.json(
      { status: "error", db: handle?.kind ?? "unknown", version: APP_VERSION, error: "database unreachable" },
      { status: 503 },
    );
  }
}
