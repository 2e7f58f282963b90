import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const REGULAR = 'Pretendard-Regular';
export const BOLD = 'Pretendard-Bold';

// The TrueType build rather than the OTF: pdfkit embeds a smaller subset from it (5 KB vs 27 KB
// for the same short text) and parses it faster; both keep the text extractable (ToUnicode map).
const FONT_DIR = join(dirname(require.resolve('pretendard/package.json')), 'dist', 'public', 'static', 'alternative');

/** The part of fontkit's API used here; pdfkit accepts any object with `layout` as a parsed font. */
interface ParsedFont {
  layout(text: string): unknown;
}

interface Fontkit {
  create(data: Buffer): ParsedFont;
}

// Parsing a 2.7 MB font costs ~40 ms, and pdfkit re-parses a Buffer for every document. Parsing
// once with the very fontkit pdfkit depends on (resolved from pdfkit, not declared by us) and
// handing pdfkit the parsed font cut a render from ~100-150 ms to ~25-40 ms (measured). Each document still builds
// its own subset, so sharing the parsed font does not change the output bytes.
const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as Fontkit;

interface ReceiptFonts {
  readonly regular: ParsedFont;
  readonly bold: ParsedFont;
}

let cached: ReceiptFonts | undefined;

function receiptFonts(): ReceiptFonts {
  cached ??= {
    regular: fontkit.create(readFileSync(join(FONT_DIR, `${REGULAR}.ttf`))),
    bold: fontkit.create(readFileSync(join(FONT_DIR, `${BOLD}.ttf`))),
  };
  return cached;
}

export function registerReceiptFonts(doc: PDFKit.PDFDocument): void {
  const fonts = receiptFonts();
  // @types/pdfkit lists only file sources; pdfkit itself also takes a parsed fontkit font.
  doc.registerFont(REGULAR, fonts.regular as unknown as PDFKit.Mixins.PDFFontSource);
  doc.registerFont(BOLD, fonts.bold as unknown as PDFKit.Mixins.PDFFontSource);
}
