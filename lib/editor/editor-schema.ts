import { getSchema } from "@tiptap/core";
import type { Schema } from "@tiptap/pm/model";
import { schemaExtensions } from "./editor-extensions";

let cached: Schema | undefined;

/** The ProseMirror schema of assessment documents (built once per process or tab). */
export function editorSchema(): Schema {
  cached ??= getSchema(schemaExtensions());
  return cached;
}
