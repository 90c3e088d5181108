"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useLibraryUpdates } from "@/components/evidence/use-library-updates";
import { toEvidenceLookup } from "@/lib/editor/citation-evidence";
import type { ObservationDto, SiteDto, SourceDto } from "@/lib/schemas/evidence";
import type { EvidenceLookup } from "@/lib/tradecraft";

/** The workspace's evidence library as the editor uses it. */
export interface WorkspaceEvidence {
  /** `loading` until the first answer; `error` when it could not be loaded (offline, signed out). */
  status: "loading" | "ready" | "error";
  /** Every observation, retracted ones included, oldest observed first. */
  observations: ObservationDto[];
  sources: SourceDto[];
  sites: SiteDto[];
  /** Observations by UUID (the ids citations store). */
  observationById: ReadonlyMap<string, ObservationDto>;
  /** The linter's lookup; null until loaded, so evidence rules never call every citation unknown. */
  lookup: EvidenceLookup | null;
}

interface Library {
  observations: ObservationDto[];
  sources: SourceDto[];
  sites: SiteDto[];
}

async function getJson<T>(url: string, signal: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal, credentials: "same-origin", headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as T;
}

async function loadLibrary(workspaceId: string, signal: AbortSignal): Promise<Library> {
  const base = `/api/v1/workspaces/${encodeURIComponent(workspaceId)}`;
  const [observations, sources, sites] = await Promise.all([
    getJson<ObservationDto[]>(`${base}/observations?status=all`, signal),
    getJson<SourceDto[]>(`${base}/sources`, signal),
    getJson<SiteDto[]>(`${base}/sites`, signal),
  ]);
  return { observations, sources, sites };
}

/**
 * Loads the workspace's observations, sources and sites over REST (the session cookie
 * authenticates) and loads them again whenever anyone changes the library, so chips, cards and
 * the linter show re-graded or retracted evidence without a reload. A failed reload keeps the
 * last good library.
 */
export function useWorkspaceEvidence(workspaceId: string): WorkspaceEvidence {
  const [library, setLibrary] = useState<Library | null>(null);
  const [status, setStatus] = useState<WorkspaceEvidence["status"]>("loading");
  const [generation, setGeneration] = useState(0);
  const current = useRef<AbortController | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new `generation` is the signal to load again.
  useEffect(() => {
    // A newer change supersedes a reload still under way: only the latest answer is shown.
    current.current?.abort();
    const controller = new AbortController();
    current.current = controller;
    loadLibrary(workspaceId, controller.signal).then(
      (loaded) => {
        if (controller.signal.aborted) return;
        setLibrary(loaded);
        setStatus("ready");
      },
      () => {
        if (!controller.signal.aborted) setStatus((previous) => (previous === "ready" ? previous : "error"));
      },
    );
    return () => controller.abort();
  }, [workspaceId, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  useLibraryUpdates(workspaceId, reload);

  return useMemo(() => {
    const observations = library?.observations ?? [];
    const sources = library?.sources ?? [];
    return {
      status,
      observations,
      sources,
      sites: library?.sites ?? [],
      observationById: new Map(observations.map((observation) => [observation.id, observation])),
      lookup: library ? toEvidenceLookup({ observations, sources }) : null,
    };
  }, [library, status]);
}
