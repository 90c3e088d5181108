import { describe, expect, it } from "vitest";
import { DocumentRegistry } from "./document-registry";
import type { LiveDocument } from "./live-document";
import { deferred } from "./testing/collab-test-helpers";

// The registry only calls `settled()` on documents; a stand-in keeps this a unit test.
function fakeDocument(id: string, settled: () => Promise<void> = async () => {}): LiveDocument {
  return { id, settled } as unknown as LiveDocument;
}

describe("document registry", () => {
  it("shares one in-flight load between simultaneous joiners", async () => {
    const loading = deferred<LiveDocument>();
    let loads = 0;
    const registry = new DocumentRegistry({
      load: () => {
        loads += 1;
        return loading.promise;
      },
      unload: async () => {},
    });
    const joins = Array.from({ length: 5 }, () => registry.acquire("doc", "workspace"));
    loading.resolve(fakeDocument("doc"));
    const documents = await Promise.all(joins);
    expect(loads).toBe(1);
    expect(new Set(documents).size).toBe(1);
  });

  it("unloads after the last holder leaves and saves settle, unless someone joins meanwhile", async () => {
    const saving = deferred();
    const unloaded: string[] = [];
    const unloadedEvent = deferred();
    const registry = new DocumentRegistry({
      load: async (id) => fakeDocument(id, () => saving.promise),
      unload: async (live) => {
        unloaded.push(live.id);
        unloadedEvent.resolve();
      },
    });
    await registry.acquire("doc", "workspace");
    await registry.acquire("doc", "workspace");
    registry.release("doc");
    registry.release("doc");
    // Saves still pending: the document stays, and a joiner arriving now keeps it.
    const again = await registry.acquire("doc", "workspace");
    saving.resolve();
    await again.settled();
    // The unload check runs on microtasks after `settled()`; by the next macrotask it has run.
    await new Promise((resolve) => setImmediate(resolve));
    expect(unloaded).toEqual([]);
    expect(registry.get("doc")).toBe(again);

    registry.release("doc");
    await unloadedEvent.promise;
    expect(unloaded).toEqual(["doc"]);
    expect(registry.get("doc")).toBeUndefined();
  });

  it("retries a load that failed", async () => {
    let attempts = 0;
    const registry = new DocumentRegistry({
      load: async (id) => {
        attempts += 1;
        if (attempts === 1) throw new Error("database unavailable");
        return fakeDocument(id);
      },
      unload: async () => {},
    });
    await expect(registry.acquire("doc", "workspace")).rejects.toThrow("database unavailable");
    await expect(registry.acquire("doc", "workspace")).resolves.toMatchObject({ id: "doc" });
  });
});
