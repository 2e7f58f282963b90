import type { ScenarioResult } from './scenario-result';

const cell = (text: string, width: number): string => (text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width));

/** A plain-text table: one row per figure, with its target and whether it was met. */
export function formatTable(results: readonly (ScenarioResult | { id: string; error: string })[]): string {
  const rows = [['id', 'figure', 'value', 'target', 'met', 'load1']];
  for (const result of results) {
    if ('error' in result) {
      rows.push([result.id, `FAILED: ${result.error}`, '', '', '', '']);
      continue;
    }
    for (const figure of result.figures) {
      const met = figure.met === undefined ? '' : figure.met ? 'yes' : 'NO';
      rows.push([result.id, figure.name, `${figure.value} ${figure.unit}`, figure.target ?? '', met, String(figure.loadAverage)]);
    }
  }
  const widths = [7, 78, 18, 10, 4, 6];
  return rows.map((row) => row.map((text, index) => cell(text, widths[index])).join(' | ')).join('\n');
}
