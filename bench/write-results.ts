import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { BenchResults } from "./bench-results";
import { renderChart } from "./render-chart";
import { renderMarkdown } from "./render-markdown";

/**
 * Writes bench/results/<date>.json (every raw figure), <date>.md (the comparison tables) and
 * <date>.svg (the chart). A full run also becomes latest.md / latest.svg, which the READMEs link;
 * a quick run is marked `-quick` and never replaces them. Returns the paths written.
 */
export function writeResults(results: BenchResults): string[] {
  const directory = path.join(import.meta.dirname, "results");
  mkdirSync(directory, { recursive: true });
  const name = `${results.date.slice(0, 10)}${results.quick ? "-quick" : ""}`;
  const json = path.join(directory, `${name}.json`);
  const markdown = path.join(directory, `${name}.md`);
  const svg = path.join(directory, `${name}.svg`);
  writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(markdown, `${renderMarkdown(results, `${name}.json`)}\n![chart](${name}.svg)\n`);
  writeFileSync(svg, renderChart(results));
  const written = [json, markdown, svg];
  if (!results.quick) {
    const latestMarkdown = path.join(directory, "latest.md");
    writeFileSync(latestMarkdown, `${renderMarkdown(results, `${name}.json`)}\n![chart](latest.svg)\n`);
    copyFileSync(svg, path.join(directory, "latest.svg"));
    written.push(latestMarkdown, path.join(directory, "latest.svg"));
  }
  return written;
}
