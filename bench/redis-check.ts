import { createClient } from "redis";

/** The Redis server's version, or null when it cannot be reached (scale-out is then skipped). */
export async function redisVersion(url: string): Promise<string | null> {
  const client = createClient({ url, socket: { connectTimeout: 2000, reconnectStrategy: false } });
  client.on("error", () => {});
  try {
    await client.connect();
    const info = await client.info("server");
    return `Redis ${/redis_version:(\S+)/.exec(info)?.[1] ?? "?"}`;
  } catch {
    return null;
  } finally {
    if (client.isOpen) await client.quit().catch(() => {});
  }
}
