import { describe, expect, it } from "vitest";

import { progressiveRows } from "./progressive-rows";

const ids = (from: number, count: number) => Array.from({ length: count }, (_, i) => `offer-${from + i}`);
const key = (id: string) => id;

describe("progressiveRows", () => {
  it("renders a short list in full", () => {
    expect(progressiveRows(ids(0, 16), null, key)).toEqual({ shown: ids(0, 16), pending: 0 });
  });

  it("renders the first screenful of a page of new rows and leaves the rest pending", () => {
    const result = progressiveRows(ids(100, 50), ids(0, 50), key);
    expect(result.shown).toEqual(ids(100, 16));
    expect(result.pending).toBe(34);
  });

  it("counts only rows that were not rendered before", () => {
    // A filter keeps offers 0–9 and brings 40 new ones: the kept ones come free.
    const rows = [...ids(0, 10), ...ids(500, 40)];
    const result = progressiveRows(rows, ids(0, 50), key);
    expect(result.shown).toEqual([...ids(0, 10), ...ids(500, 16)]);
    expect(result.pending).toBe(24);
  });

  it("renders a reordering of the same rows in full (a sort within the page, a poll)", () => {
    const previous = ids(0, 50);
    expect(progressiveRows([...previous].reverse(), previous, key)).toEqual({
      shown: [...previous].reverse(),
      pending: 0,
    });
  });

  it("renders in full when no more than the allowance is new", () => {
    const rows = [...ids(0, 34), ...ids(900, 16)];
    expect(progressiveRows(rows, ids(0, 50), key).pending).toBe(0);
  });

  it("takes the allowance it is given", () => {
    expect(progressiveRows(ids(100, 10), ids(0, 10), key, 4)).toEqual({ shown: ids(100, 4), pending: 6 });
  });
});
