import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { renderAuthorizationMatrix, replaceMatrixSection } from "./render-authorization-matrix";

// Rewrites the generated authorization matrix in docs/security.md after the table changed:
//   node --import tsx server/security/write-security-doc.ts
// authorization-matrix.test.ts fails while the document and the table disagree.

const file = path.resolve(import.meta.dirname, "../../docs/security.md");
const before = readFileSync(file, "utf8");
const after = replaceMatrixSection(before, renderAuthorizationMatrix());
if (after === before) {
  process.stdout.write("docs/security.md is up to date\n");
} else {
  writeFileSync(file, after);
  process.stdout.write("docs/security.md: authorization matrix rewritten\n");
}
