import { parseActivityQuery } from "@/lib/schemas/activity";
import { activityCsv } from "@/lib/server/activity-csv";
import { ApiError } from "@/lib/server/errors";
import { fromHistory } from "@/lib/server/recorder/require";
import { json, withRoute } from "@/lib/server/route";
import { readActivity } from "@/lib/server/store/history";

export const dynamic = "force-dynamic";

// GET /api/activity – the audit of Go live / Cancel, filtered; &format=csv for spreadsheets
export const GET = withRoute(async (_ids, request) => {
  const parsed = parseActivityQuery(new URL(request.url).searchParams);
  if (!parsed.success) throw new ApiError(400, "invalid_query", parsed.error.issues[0]?.message ?? "Invalid filter.");
  const { format, limit, ...filter } = parsed.data;
  const entries = await fromHistory((r) => readActivity(r.store.db, { ...filter, limit }));
  if (format === "csv") {
    const day = new Date().toISOString().slice(0, 10);
    return new Response(activityCsv(entries), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="offer-activity-${day}.csv"`,
        "Cache-Control": "no-store, private",
      },
    });
  }
  return json({ value: entries, fetchedAt: Date.now() });
});
