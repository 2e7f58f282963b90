import { Worker } from 'node:worker_threads';

/**
 * pdf-parse (pdf.js) loads its worker with a dynamic import(), which Jest's CommonJS runtime
 * refuses. A worker thread runs plain Node, outside Jest's module system, so the text is
 * extracted there exactly as a production reader would.
 */
const EXTRACT = `
const { parentPort, workerData } = require('node:worker_threads');
const { PDFParse } = require(workerData.pdfParsePath);
(async () => {
  const parser = new PDFParse({ data: workerData.pdf });
  try {
    parentPort.postMessage((await parser.getText()).text);
  } finally {
    await parser.destroy();
  }
})();
`;

/** The text a reader (or a screen reader, or a search) extracts from the PDF. */
export function extractPdfText(pdf: Buffer): Promise<string> {
  const worker = new Worker(EXTRACT, {
    eval: true,
    workerData: { pdf: new Uint8Array(pdf), pdfParsePath: require.resolve('pdf-parse') },
  });
  return new Promise<string>((resolve, reject) => {
    worker.once('message', (text: string) => resolve(text));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`PDF text extraction exited with code ${code}`)));
  });
}
