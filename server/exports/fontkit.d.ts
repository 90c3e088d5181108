// fontkit (pdfkit's font parser) ships no types; only what the PDF export reads of it.
declare module "fontkit" {
  export interface Font {
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function create(buffer: Buffer | Uint8Array): Font;
}
