import Papa from "papaparse";
import { describe, expect, it } from "vitest";

import type { ActivityEntry } from "@/lib/schemas/history";

import { activityCsv, CSV_BOM } from "./activity-csv";

const entry = (over: Partial<ActivityEntry>): ActivityEntry => ({
  id: 1,
  at: "2026-11-29T10:00:00.000Z",
  action: "golive",
  publisherId: "contoso",
  offerId: "contoso-vm",
  user: "aaron@contoso.example",
  role: "Approver",
  outcome: "accepted",
  status: 202,
  code: null,
  upstreamStatus: 202,
  operationId: "op-1",
  acknowledgedErrors: null,
  ...over,
});

describe("activity CSV", () => {
  it("keeps zh-TW names, commas, quotes and line breaks intact for a spreadsheet", () => {
    const csv = activityCsv([
      entry({ user: "陳小明 <ming@contoso.example>", offerId: 'a,"b"\nc', acknowledgedErrors: 2 }),
    ]);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual([
      expect.objectContaining({
        user: "陳小明 <ming@contoso.example>",
        offer: 'a,"b"\nc',
        acknowledged_errors: "2",
        http_status: "202",
      }),
    ]);
    expect(csv.split("\r\n")[0]).toBe(
      `${CSV_BOM}time,action,publisher,offer,user,role,outcome,http_status,code,upstream_status,operation_id,acknowledged_errors`,
    );
  });

  it("never lets a cell run as a formula", () => {
    const csv = activityCsv([entry({ user: '=HYPERLINK("http://evil")', offerId: "@sum" })]);
    const row = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true }).data[0];
    expect(row?.user).toBe('\'=HYPERLINK("http://evil")');
    expect(row?.offer).toBe("'@sum");
  });
});
