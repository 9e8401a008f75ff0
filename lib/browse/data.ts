// The browse pages' data, cached like every public page's: rebuilt when anything public changes
// (the site tag) and at the latest after an hour.
import { cacheLife, cacheTag } from "next/cache";
import { cacheTags } from "../cache";
import { getSql, isBuildPhase } from "../db";
import type { Letter } from "./letters";
import * as q from "./queries";

const noItems: q.ItemPage = { items: [], total: 0 };
const noHeadings: q.HeadingPage = { headings: [], total: 0 };

function cached() {
  cacheTag(cacheTags.site);
  cacheLife("hours");
  return !isBuildPhase();
}

export async function getYearCounts(): Promise<q.Count<number | null>[]> {
  "use cache";
  return cached() ? q.countItemsByYear(await getSql()) : [];
}

export async function getTypeCounts(): Promise<q.Count<string>[]> {
  "use cache";
  return cached() ? q.countItemsByType(await getSql()) : [];
}

export async function getTitleLetterCounts(): Promise<q.Count<Letter>[]> {
  "use cache";
  return cached() ? q.countTitlesByLetter(await getSql()) : [];
}

export async function getHeadingLetterCounts(index: q.HeadingIndex): Promise<q.Count<Letter>[]> {
  "use cache";
  return cached() ? q.countHeadingsByLetter(await getSql(), index) : [];
}

export async function getHeadings(index: q.HeadingIndex, letter: Letter, page: number): Promise<q.HeadingPage> {
  "use cache";
  return cached() ? q.listHeadings(await getSql(), index, letter, page) : noHeadings;
}

export async function getItemsByYear(year: number | null, page: number): Promise<q.ItemPage> {
  "use cache";
  return cached() ? q.listItemsByYear(await getSql(), year, page) : noItems;
}

export async function getItemsByType(type: string, page: number): Promise<q.ItemPage> {
  "use cache";
  return cached() ? q.listItemsByType(await getSql(), type, page) : noItems;
}

export async function getItemsByTitleLetter(letter: Letter, page: number): Promise<q.ItemPage> {
  "use cache";
  return cached() ? q.listItemsByTitleLetter(await getSql(), letter, page) : noItems;
}

export async function getItemsByAuthor(name: string, page: number): Promise<q.ItemPage> {
  "use cache";
  return cached() ? q.listItemsByAuthor(await getSql(), name, page) : noItems;
}

export async function getItemsBySubject(term: string, page: number): Promise<q.ItemPage> {
  "use cache";
  return cached() ? q.listItemsBySubject(await getSql(), term, page) : noItems;
}
