import { Counter, collectDefaultMetrics, Gauge, Histogram, type Registry, register } from "prom-client";
import type { CollabErrorCode } from "@/lib/collab/protocol";

/** The Prometheus metrics of the collaboration server (one set per process). */
export interface CollabMetrics {
  connections: Gauge;
  openDocuments: Gauge;
  updatesIn: Counter;
  updatesOut: Counter;
  awarenessIn: Counter;
  persistSeconds: Histogram;
  pendingUpdates: Gauge;
  errors: Counter<"code">;
  compactions: Counter;
}

const globalForMetrics = globalThis as typeof globalThis & { __parallaxCollabMetrics?: CollabMetrics };

/**
 * The process-wide metrics. Kept on globalThis: prom-client refuses to register a metric name
 * twice, and the server, Next's bundles and tests may each load this module separately.
 */
export function collabMetrics(): CollabMetrics {
  globalForMetrics.__parallaxCollabMetrics ??= createMetrics();
  return globalForMetrics.__parallaxCollabMetrics;
}

function createMetrics(): CollabMetrics {
  collectDefaultMetrics({ prefix: "parallax_" });
  return {
    connections: new Gauge({ name: "parallax_collab_connections", help: "Open /collab connections" }),
    openDocuments: new Gauge({ name: "parallax_collab_open_documents", help: "Documents loaded in memory" }),
    updatesIn: new Counter({
      name: "parallax_collab_updates_in_total",
      help: "Document updates received from clients (accepted or not)",
    }),
    updatesOut: new Counter({
      name: "parallax_collab_updates_out_total",
      help: "Document update messages sent to clients (one per recipient)",
    }),
    awarenessIn: new Counter({
      name: "parallax_collab_awareness_in_total",
      help: "Awareness messages received from clients",
    }),
    persistSeconds: new Histogram({
      name: "parallax_collab_persist_seconds",
      help: "Time from receiving an update to its commit in document_updates",
      buckets: [0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    }),
    pendingUpdates: new Gauge({
      name: "parallax_collab_pending_updates",
      help: "Updates applied in memory whose commit (and ack) is still pending",
    }),
    errors: new Counter({
      name: "parallax_collab_errors_total",
      help: "Errors answered to collaboration clients, by code",
      labelNames: ["code"],
    }),
    compactions: new Counter({ name: "parallax_collab_compactions_total", help: "Document log compactions" }),
  };
}

/** Counts one error answered to a client. */
export function countCollabError(code: CollabErrorCode): void {
  collabMetrics().errors.inc({ code });
}

/** The metrics registry in the Prometheus text format, for `GET /metrics`. */
export async function renderMetrics(registry: Registry = register): Promise<{ contentType: string; body: string }> {
  collabMetrics();
  return { contentType: registry.contentType, body: await registry.metrics() };
}
