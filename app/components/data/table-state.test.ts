import { describe, expect, it } from "vitest";
import { hrefWith, pageHref, pageNumbers, pageRows, readTableState, sortHref, sortRows, tableParamNames, timeOf } from "./table-state";

describe("table state in the URL", () => {
  const names = tableParamNames();

  it("reads sort, direction and page, with safe defaults", () => {
    expect(readTableState(new URLSearchParams("sort=title&dir=desc&page=3"), names)).toEqual({ sort: "title", dir: "desc", page: 3 });
    expect(readTableState(new URLSearchParams("dir=sideways&page=-2"), names)).toEqual({ sort: null, dir: "asc", page: 1 });
    expect(readTableState(new URLSearchParams("page=abc"), names).page).toBe(1);
  });

  it("keeps two tables apart by a prefix", () => {
    const runs = tableParamNames("runs");
    expect(runs).toEqual({ sort: "runs-sort", dir: "runs-dir", page: "runs-page" });
    const params = new URLSearchParams("sort=title&runs-sort=start&runs-dir=desc");
    expect(readTableState(params, runs)).toEqual({ sort: "start", dir: "desc", page: 1 });
    expect(readTableState(params, names)).toEqual({ sort: "title", dir: "asc", page: 1 });
  });

  it("links a header to ascending first, then descending, back on page 1, keeping the filters", () => {
    const search = "?kind=COMPANY&page=4";
    const unsorted = readTableState(new URLSearchParams(search), names);
    expect(sortHref(search, names, unsorted, "name")).toBe("?kind=COMPANY&sort=name&dir=asc");
    const ascending = { ...unsorted, sort: "name" };
    expect(sortHref(search, names, ascending, "name")).toBe("?kind=COMPANY&sort=name&dir=desc");
    expect(sortHref(search, names, { ...ascending, dir: "desc" }, "name")).toBe("?kind=COMPANY&sort=name&dir=asc");
    expect(sortHref(search, names, ascending, "users")).toBe("?kind=COMPANY&sort=users&dir=asc");
  });

  it("leaves page 1 out of the URL", () => {
    expect(pageHref("?q=tømrer&page=2", 1)).toBe("?q=t%C3%B8mrer");
    expect(pageHref("?q=x", 3)).toBe("?q=x&page=3");
    expect(pageHref("", 1)).toBe("?");
    expect(pageHref("?a=1", 2, "runs-page")).toBe("?a=1&runs-page=2");
    expect(hrefWith("?a=1&b=2", { a: null, c: "3" })).toBe("?b=2&c=3");
  });
});

describe("sorting and paging rows", () => {
  const rows = [
    { name: "Åbenrå Tømrer", count: 2, at: "2026-03-01T00:00:00.000Z" },
    { name: "aarhus el", count: 10, at: null },
    { name: "Bygning 10", count: 2, at: "2026-01-01T00:00:00.000Z" },
    { name: "Bygning 9", count: 1, at: "2026-02-01T00:00:00.000Z" },
  ];

  // Danish puts Å (and the old spelling "aa") last in the alphabet, English with A.
  it("sorts text in the reader's language, numbers within text as numbers", () => {
    expect(sortRows(rows, (r) => r.name, "asc", "da").map((r) => r.name)).toEqual(["Bygning 9", "Bygning 10", "Åbenrå Tømrer", "aarhus el"]);
    expect(sortRows(rows, (r) => r.name, "asc", "en").map((r) => r.name)).toEqual(["aarhus el", "Åbenrå Tømrer", "Bygning 9", "Bygning 10"]);
  });

  it("sorts numbers numerically and keeps the loader's order among equals in both directions", () => {
    expect(sortRows(rows, (r) => r.count, "asc", "da").map((r) => r.name)).toEqual(["Bygning 9", "Åbenrå Tømrer", "Bygning 10", "aarhus el"]);
    expect(sortRows(rows, (r) => r.count, "desc", "da").map((r) => r.name)).toEqual(["aarhus el", "Åbenrå Tømrer", "Bygning 10", "Bygning 9"]);
  });

  it("puts empty values last whichever the direction", () => {
    expect(sortRows(rows, (r) => timeOf(r.at), "asc", "da").map((r) => r.name)).toEqual(["Bygning 10", "Bygning 9", "Åbenrå Tømrer", "aarhus el"]);
    expect(sortRows(rows, (r) => timeOf(r.at), "desc", "da").map((r) => r.name)).toEqual(["Åbenrå Tømrer", "Bygning 9", "Bygning 10", "aarhus el"]);
  });

  it("cuts a page and shows the last page for a page past the end", () => {
    const many = Array.from({ length: 7 }, (_, i) => i);
    expect(pageRows(many, 1, 3)).toEqual({ rows: [0, 1, 2], page: 1, pageCount: 3 });
    expect(pageRows(many, 3, 3)).toEqual({ rows: [6], page: 3, pageCount: 3 });
    expect(pageRows(many, 9, 3)).toEqual({ rows: [6], page: 3, pageCount: 3 });
    expect(pageRows([], 1, 3)).toEqual({ rows: [], page: 1, pageCount: 1 });
  });
});

describe("the pager's page numbers", () => {
  it("shows every page of a short list", () => {
    expect(pageNumbers(1, 1)).toEqual([1]);
    expect(pageNumbers(3, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("shows the ends and the current page's neighbours of a long list", () => {
    expect(pageNumbers(1, 20)).toEqual([1, 2, 3, 4, 5, "gap", 20]);
    expect(pageNumbers(4, 20)).toEqual([1, 2, 3, 4, 5, "gap", 20]);
    expect(pageNumbers(5, 20)).toEqual([1, "gap", 4, 5, 6, "gap", 20]);
    expect(pageNumbers(17, 20)).toEqual([1, "gap", 16, 17, 18, 19, 20]);
    expect(pageNumbers(20, 20)).toEqual([1, "gap", 16, 17, 18, 19, 20]);
  });
});
