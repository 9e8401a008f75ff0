import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { csvField, toCsv, UTF8_BOM } from "./csv";

const parseCsv = (text: string) => parse(text, { bom: true, relax_column_count: true }) as string[][];

describe("csvField", () => {
  it("quotes only what needs quoting", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a, b")).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("cr\rhere")).toBe('"cr\rhere"');
    expect(csvField("정서·인지 질환")).toBe("정서·인지 질환");
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
    expect(csvField(42)).toBe("42");
    expect(csvField(-3)).toBe("-3");
    expect(csvField(Number.NaN)).toBe("");
  });

  it("keeps spreadsheet formulas from running", () => {
    expect(csvField("=HYPERLINK(\"http://evil\")")).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvField("+1 555")).toBe("'+1 555");
    expect(csvField("-2+3")).toBe("'-2+3");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("\tcmd")).toBe("'\tcmd");
    expect(csvField("a=b")).toBe("a=b");
  });
});

describe("toCsv, read back with csv-parse", () => {
  it("round-trip awkward values, with CRLF line ends", () => {
    const rows = [
      ["The Role of Glutamate, Underlying", 'He said "no"', "line one\r\nline two", "구자욱", 2023],
      ["", "x", "y", "z", null],
    ];
    const text = toCsv(["title", "note", "abstract", "name", "year"], rows);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    expect(text.slice(1).split("\r\n")[0]).toBe("title,note,abstract,name,year");
    expect(parseCsv(text)).toEqual([
      ["title", "note", "abstract", "name", "year"],
      ["The Role of Glutamate, Underlying", 'He said "no"', "line one\r\nline two", "구자욱", "2023"],
      ["", "x", "y", "z", ""],
    ]);
  });
});
