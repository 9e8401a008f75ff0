import { describe, expect, it, vi } from "vitest";
import { plugins } from "./citation-js";
import { handleFromSegments } from "../items/handle";
import { attachmentDisposition, exportItemResponse, type ExportRecord } from "./respond";
import { BASE_URL, seedItem } from "./test-fixtures";

/** The lookup the route passes (getPublicItem), here over a fixed set of items. */
function lookup(...items: ExportRecord[]) {
  return vi.fn(async (handle: string) => items.find((i) => i.handle === handle) ?? null);
}

async function problemOf(response: Response) {
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  return (await response.json()) as { status: number; title: string; detail?: string };
}

describe("GET /handle/{prefix}/{n}/export", () => {
  it("answers 200 with the file, its type, an attachment name and five minutes of caching", async () => {
    const find = lookup(seedItem());
    const response = await exportItemResponse({ prefix: "2023.sw.kbri", n: "1191", format: "bibtex" }, find, { baseUrl: BASE_URL });
    expect(response.status).toBe(200);
    expect(find).toHaveBeenCalledWith("2023.sw.kbri/1191");
    expect(response.headers.get("content-type")).toBe("application/x-bibtex; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="2023.sw.kbri-1191.bib"');
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const [record] = plugins.input.chain(await response.text(), { generateGraph: false });
    expect(record.title).toBe("The Role of Glutamate Underlying Treatment-resistant Depression");
  });

  it("decodes percent-encoded handle segments", async () => {
    const find = lookup(seedItem());
    const response = await exportItemResponse({ prefix: "2023%2Esw%2Ekbri", n: "1191", format: "dc-xml" }, find);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="2023.sw.kbri-1191.xml"');
  });

  it("answers 400 for a missing or unknown format, naming the valid ones, without looking the item up", async () => {
    for (const format of [null, "", "pdf", "BIBTEX"]) {
      const find = lookup(seedItem());
      const response = await exportItemResponse({ prefix: "2023.sw.kbri", n: "1191", format }, find);
      expect(response.status).toBe(400);
      const body = await problemOf(response);
      expect(body).toMatchObject({ status: 400, title: "Bad Request" });
      expect(body.detail).toContain("bibtex, ris, endnote, csl-json, dc-xml");
      expect(find).not.toHaveBeenCalled();
    }
  });

  it("answers 404 for an unknown handle, a draft and an item in review", async () => {
    const draft: ExportRecord = { ...seedItem(), handle: "2023.sw.kbri/2", status: "DRAFT" };
    const inReview: ExportRecord = { ...seedItem(), handle: "2023.sw.kbri/3", status: "IN_REVIEW" };
    const find = lookup(seedItem(), draft, inReview);
    for (const n of ["9999", "2", "3"]) {
      const response = await exportItemResponse({ prefix: "2023.sw.kbri", n, format: "ris" }, find);
      expect(response.status).toBe(404);
      expect(await problemOf(response)).toMatchObject({ status: 404, title: "Not Found" });
    }
  });

  it("answers 404 for a segment that is not valid percent-encoding, without looking it up", async () => {
    const find = lookup(seedItem());
    const response = await exportItemResponse({ prefix: "2023.sw.kbri", n: "%E0%A4%A", format: "ris" }, find);
    expect(response.status).toBe(404);
    expect(find).not.toHaveBeenCalled();
  });

  it("answers 410 for a withdrawn item", async () => {
    const find = lookup({ ...seedItem(), status: "WITHDRAWN" });
    const response = await exportItemResponse({ prefix: "2023.sw.kbri", n: "1191", format: "endnote" }, find);
    expect(response.status).toBe(410);
    expect(await problemOf(response)).toMatchObject({ status: 410, title: "Gone" });
  });
});

describe("handleFromSegments", () => {
  it("joins decoded segments", () => {
    expect(handleFromSegments("2023.sw.kbri", "1191")).toBe("2023.sw.kbri/1191");
    expect(handleFromSegments("a%20b", "1")).toBe("a b/1");
    expect(handleFromSegments("%", "1")).toBeNull();
  });
});

describe("attachmentDisposition", () => {
  it("quotes a plain ASCII name", () => {
    expect(attachmentDisposition("2023.sw.kbri-1191.ris")).toBe('attachment; filename="2023.sw.kbri-1191.ris"');
  });
  it("adds filename* (RFC 8187) when the name needs it, with a safe ASCII fallback", () => {
    expect(attachmentDisposition('논문 "1".bib')).toBe(`attachment; filename="____1_.bib"; filename*=UTF-8''%EB%85%BC%EB%AC%B8%20%221%22.bib`);
  });
});
