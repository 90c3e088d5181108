import { AsyncLocalStorage } from "node:async_hooks";

// Next's request-scoped APIs (`headers()`, `cookies()`, used by next-auth's getServerSession)
// keep their state in an AsyncLocalStorage that Next's own server installs on globalThis
// before loading any route. Tests call handlers without that server, so the vitest setup file
// installs it before any test file (and so any Next module) is evaluated.
const globalWithStorage = globalThis as typeof globalThis & { AsyncLocalStorage?: typeof AsyncLocalStorage };
globalWithStorage.AsyncLocalStorage ??= AsyncLocalStorage;
