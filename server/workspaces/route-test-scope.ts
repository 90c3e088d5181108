import { AsyncLocalStorage } from "node:async_hooks";

// Next's request-scoped APIs (`headers()`, `cookies()`, used by next-auth's getServerSession)
// keep their state in an AsyncLocalStorage that Next's own server installs on globalThis
// before loading any route. Route tests call handlers without that server, so they install it
// themselves, before any Next module is evaluated:
//   await vi.hoisted(() => import("./route-test-scope"));
const globalWithStorage = globalThis as typeof globalThis & { AsyncLocalStorage?: typeof AsyncLocalStorage };
globalWithStorage.AsyncLocalStorage ??= AsyncLocalStorage;
