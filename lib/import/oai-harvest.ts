// OAI-PMH harvest client: ListRecords with oai_dc from another repository's base URL (optionally
// one set), following resumption tokens page by page, with a timeout per request, a few retries
// for temporary failures (503 with Retry-After, network errors) and a cap on the number of pages.
import { ImportInputError } from "./input";
import type { ParsedRecord } from "./record";
import { parseOaiPage } from "./formats/xml-records";

export type HarvestOptions = {
  baseUrl: string;
  set?: string;
  from?: string;
  until?: string;
  /** Per request, in milliseconds (default 60 s). */
  timeoutMs?: number;
  maxPages?: number;
  /** Largest response accepted, in bytes. */
  maxBytes?: number;
  retries?: number;
  fetch?: typeof fetch;
  onPage?: (page: { number: number; records: number; total?: number }) => void;
};

export type HarvestResult = { records: ParsedRecord[]; notes: string[]; pages: number };

export async function harvestOaiDc(options: HarvestOptions): Promise<HarvestResult> {
  const base = validBaseUrl(options.baseUrl);
  const doFetch = options.fetch ?? fetch;
  const maxPages = options.maxPages ?? 10_000;
  const records: ParsedRecord[] = [];
  const notes: string[] = [];
  let token: string | undefined;
  let pages = 0;
  const seenTokens = new Set<string>();
  do {
    const url = new URL(base);
    url.searchParams.set("verb", "ListRecords");
    if (token) url.searchParams.set("resumptionToken", token);
    else {
      url.searchParams.set("metadataPrefix", "oai_dc");
      if (options.set) url.searchParams.set("set", options.set);
      if (options.from) url.searchParams.set("from", options.from);
      if (options.until) url.searchParams.set("until", options.until);
    }
    const text = await fetchPage(doFetch, url, options);
    pages++;
    let page;
    try {
      page = parseOaiPage(text, records.length);
    } catch (err) {
      throw new ImportInputError(`Page ${pages} of the harvest (${url}) is not a usable OAI-PMH response: ${(err as Error).message}`, "fetch");
    }
    if (page.error) {
      if (page.error.code === "noRecordsMatch") {
        if (pages === 1) notes.push(`The repository has no records${options.set ? ` in set "${options.set}"` : ""} (noRecordsMatch).`);
        break;
      }
      throw new ImportInputError(
        `The repository answered page ${pages} with the OAI-PMH error ${page.error.code}${page.error.message ? `: ${page.error.message}` : ""}.`,
        "fetch",
      );
    }
    records.push(...page.records);
    options.onPage?.({ number: pages, records: records.length, total: page.completeListSize });
    token = page.resumptionToken;
    if (token) {
      if (seenTokens.has(token)) throw new ImportInputError(`The repository returned the same resumption token twice (${token}); the harvest stopped to avoid a loop.`, "fetch");
      seenTokens.add(token);
    }
    if (token && pages >= maxPages) {
      notes.push(`Stopped after ${pages} pages (the page limit); the repository has more records.`);
      break;
    }
  } while (token);
  notes.push(`Harvested ${records.length} record(s) in ${pages} page(s) from ${base}.`);
  return { records, notes, pages };
}

function validBaseUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ImportInputError(`"${value}" is not a URL; give the repository's OAI-PMH base URL (e.g. https://repository.example.org/oai/request).`, "fetch");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new ImportInputError(`The OAI-PMH base URL must be http or https (got ${url.protocol}).`, "fetch");
  url.search = "";
  return url;
}

async function fetchPage(doFetch: typeof fetch, url: URL, options: HarvestOptions): Promise<string> {
  const retries = options.retries ?? 3;
  const maxBytes = options.maxBytes ?? 50 * 1024 * 1024;
  let lastError = "";
  for (let attempt = 0; attempt <= retries; attempt++) {
    let response: Response;
    try {
      response = await doFetch(url, {
        signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
        headers: { accept: "text/xml, application/xml", "user-agent": "Atrium OAI-PMH harvester" },
      });
    } catch (err) {
      const e = err as Error;
      lastError = e.name === "TimeoutError" ? `no answer within ${((options.timeoutMs ?? 60_000) / 1000).toFixed(0)} s` : e.message;
      if (attempt < retries) await sleep(1000 * 2 ** attempt);
      continue;
    }
    if (response.status === 503 || response.status === 429) {
      const wait = Math.min(Number(response.headers.get("retry-after")) || 2 ** attempt, 60);
      lastError = `HTTP ${response.status}`;
      await response.body?.cancel();
      if (attempt < retries) await sleep(wait * 1000);
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new ImportInputError(`The repository answered HTTP ${response.status} for ${url}.`, "fetch");
    }
    const length = Number(response.headers.get("content-length"));
    if (length > maxBytes) {
      await response.body?.cancel();
      throw new ImportInputError(`A harvest page is ${length} bytes, more than the ${maxBytes} accepted.`, "fetch");
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length > maxBytes) throw new ImportInputError(`A harvest page is ${bytes.length} bytes, more than the ${maxBytes} accepted.`, "fetch");
    return new TextDecoder("utf-8").decode(bytes);
  }
  throw new ImportInputError(`The repository at ${url.origin} could not be reached after ${retries + 1} attempts (${lastError}).`, "fetch");
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
