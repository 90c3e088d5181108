"use client";

import { useEffect, useRef, useState } from "react";
import { createRefreshScheduler, type RefreshScheduler } from "@/lib/realtime/refresh-scheduler";

/**
 * Asks for the page's server parts (status, publish checklist) to be rendered again with
 * `refresh` (which may change between renders): `soon` for a deliberate change, `later` for
 * bursts of saves. A refresh still waiting when the component goes away is dropped.
 */
export function usePageRefresh(refresh: () => void): Pick<RefreshScheduler, "soon" | "later"> {
  const callback = useRef(refresh);
  callback.current = refresh;
  const [scheduler] = useState(() => createRefreshScheduler(() => callback.current()));
  useEffect(() => () => scheduler.cancel(), [scheduler]);
  return scheduler;
}
