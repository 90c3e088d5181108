/**
 * PDF's standard fonts (Helvetica, Courier) only have the WinAnsi (Windows-1252) characters; the
 * exports embed no font files, so anything else would come out as a wrong glyph. Common signs are
 * spelled out, the rest becomes "?". Exported HTML, Markdown, DOCX and JSON keep the full text.
 */
const REPLACEMENTS: Record<string, string> = {
  "≈": "~",
  "≤": "<=",
  "≥": ">=",
  "≠": "!=",
  "→": "->",
  "←": "<-",
  "−": "-",
  "‐": "-",
  "‑": "-",
  "\u00a0": " ",
  "\u2009": " ",
  "\u202f": " ",
};

// The characters Windows-1252 adds to Latin-1 in 0x80–0x9F.
const CP1252_EXTRAS = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");

/** Text the standard fonts can show: WinAnsi characters kept, others replaced. */
export function toWinAnsi(text: string): string {
  let out = "";
  for (const char of text.normalize("NFC")) {
    const code = char.codePointAt(0) ?? 0;
    if (char === "\n" || (code >= 0x20 && code <= 0x7e) || (code >= 0xa1 && code <= 0xff) || CP1252_EXTRAS.has(char)) {
      out += char;
    } else if (REPLACEMENTS[char] !== undefined) {
      out += REPLACEMENTS[char];
    } else if (char === "\t") {
      out += "    ";
    } else {
      // Letters outside Latin-1 with accents fall back to their base letter (ő → o).
      const base = char.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
      out += /^[\x20-\x7e]+$/.test(base) ? base : "?";
    }
  }
  return out;
}
