import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { create, type Font } from "fontkit";

/** The embedded fonts' names in a PDF document, by role. */
export const FONT = { regular: "Sans", bold: "Sans-Bold", italic: "Sans-Oblique", mono: "Mono" } as const;
export type FontName = (typeof FONT)[keyof typeof FONT];

const FILES: Record<FontName, string> = {
  Sans: "DejaVuSans.ttf",
  "Sans-Bold": "DejaVuSans-Bold.ttf",
  "Sans-Oblique": "DejaVuSans-Oblique.ttf",
  Mono: "DejaVuSansMono.ttf",
};

/** Printed for a character no embedded font can draw: visible, never a silent "?". */
export const MISSING_GLYPH = "□";

interface LoadedFont {
  data: Buffer;
  font: Font;
}

let loaded: Map<FontName, LoadedFont> | undefined;

/**
 * DejaVu Sans (Latin, Cyrillic, Greek, Armenian, Georgian, arrows and maths signs; free licence,
 * see the dejavu-fonts-ttf package) read once per process. Resolved from the project directory at
 * run time rather than imported, so the route bundle needs no asset handling for the font files.
 */
export function pdfFonts(): Map<FontName, LoadedFont> {
  if (loaded) return loaded;
  const fromProject = createRequire(path.join(process.cwd(), "package.json"));
  const directory = path.join(path.dirname(fromProject.resolve("dejavu-fonts-ttf/package.json")), "ttf");
  loaded = new Map(
    (Object.entries(FILES) as [FontName, string][]).map(([name, file]) => {
      const data = readFileSync(path.join(directory, file));
      return [name, { data, font: create(data) }];
    }),
  );
  return loaded;
}

function fontOf(name: FontName): Font {
  const font = pdfFonts().get(name)?.font;
  if (!font) throw new Error(`PDF font ${name} is not loaded`);
  return font;
}

/** Whether a character can be drawn in the regular font (the fallback of every other one). */
export function isRenderable(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return char === "\n" || fontOf(FONT.regular).hasGlyphForCodePoint(code);
}

/**
 * Text as runs the embedded fonts can draw: characters `name` lacks fall back to the regular font,
 * and those it lacks too (Korean, Chinese, Japanese…) become a visible □.
 */
export function fontSegments(text: string, name: FontName): { text: string; font: FontName }[] {
  const wanted = fontOf(name);
  const segments: { text: string; font: FontName }[] = [];
  for (const char of text.normalize("NFC").replace(/\t/g, "    ")) {
    // Other control characters have no glyph and no meaning on a page.
    if (char !== "\n" && /\p{Cc}/u.test(char)) continue;
    const code = char.codePointAt(0) ?? 0;
    const [piece, font] =
      char === "\n" || wanted.hasGlyphForCodePoint(code)
        ? [char, name]
        : isRenderable(char)
          ? [char, FONT.regular]
          : [MISSING_GLYPH, FONT.regular];
    const last = segments.at(-1);
    if (last && last.font === font) last.text += piece;
    else segments.push({ text: piece, font });
  }
  return segments;
}

/** The characters of `texts` no embedded font can draw, each once, in order of appearance. */
export function unrenderableCharacters(texts: Iterable<string>): string[] {
  const missing = new Set<string>();
  for (const text of texts) {
    for (const char of text.normalize("NFC")) {
      if (char !== "\t" && !isRenderable(char) && !/\p{Cc}/u.test(char)) missing.add(char);
    }
  }
  return [...missing];
}
