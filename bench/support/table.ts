/**
 * One row of the printed table: a figure's measure, ours next to its baseline from the same
 * run, and how they compare. The JSON keeps the raw numbers beside it.
 */
export interface Row {
  figure: string;
  measure: string;
  ours: string;
  baseline: string;
  /** Ratio or remark ("12× fewer", "within budget"). */
  note: string;
}

export const HEADERS: Row = {
  figure: "Figure",
  measure: "Measure",
  ours: "Ours",
  baseline: "Baseline",
  note: "Compared",
};

const COLUMNS = ["figure", "measure", "ours", "baseline", "note"] as const;

/** A Markdown table (readable in a terminal, pasteable into the README as is). */
export function formatTable(rows: readonly Row[]): string {
  const all = [HEADERS, ...rows];
  const widths = COLUMNS.map((c) => Math.max(...all.map((r) => r[c].length)));
  const line = (r: Row) => `| ${COLUMNS.map((c, i) => r[c].padEnd(widths[i] ?? 0)).join(" | ")} |`;
  // Prettier's style of a Markdown table, so the printed table can go into the README as is.
  const rule = `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`;
  return [line(HEADERS), rule, ...rows.map(line)].join("\n");
}

/** Number formatting used across the figures. */
export const fmt = {
  int: (n: number) => Math.round(n).toLocaleString("en-US"),
  dec: (n: number, digits = 1) => n.toFixed(digits),
  ms: (n: number) => (n >= 100 ? `${Math.round(n)} ms` : `${n.toFixed(1)} ms`),
  kib: (bytes: number) => `${(bytes / 1024).toFixed(bytes >= 10 * 1024 ? 0 : 1)} KiB`,
  mib: (n: number) => `${n.toFixed(0)} MiB`,
  /** "12×" or "1/12×" style ratio of a to b. */
  ratio: (a: number, b: number) => {
    if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return "–";
    const r = a / b;
    return r >= 10 ? `${r.toFixed(0)}×` : `${r.toFixed(2)}×`;
  },
};
