import "server-only";

import Papa from "papaparse";

import type { ActivityEntry } from "@/lib/schemas/history";

/**
 * The audit as CSV for spreadsheets. UTF-8 with a byte-order mark: without it Excel reads
 * the file as the system's ANSI code page and mangles non-Latin names (陳小明 becomes
 * mojibake); LibreOffice, Numbers and Google Sheets all accept the mark. A cell that starts
 * like a formula (= + - @) is prefixed with ' so a spreadsheet never evaluates it.
 */
export const CSV_BOM = "\uFEFF";

const HEADER = [
  "time",
  "action",
  "publisher",
  "offer",
  "user",
  "role",
  "outcome",
  "http_status",
  "code",
  "upstream_status",
  "operation_id",
  "acknowledged_errors",
];

const FORMULA = /^[=+\-@\t\r]/;
const cell = (value: string | number | null): string | number => {
  if (value === null) return "";
  if (typeof value === "number") return value;
  return FORMULA.test(value) ? `'${value}` : value;
};

export function activityCsv(entries: ActivityEntry[]): string {
  const rows = entries.map((e) =>
    [
      e.at,
      e.action,
      e.publisherId,
      e.offerId,
      e.user,
      e.role,
      e.outcome,
      e.status,
      e.code,
      e.upstreamStatus,
      e.operationId,
      e.acknowledgedErrors,
    ].map(cell),
  );
  return CSV_BOM + Papa.unparse({ fields: HEADER, data: rows }, { newline: "\r\n" }) + "\r\n";
}
