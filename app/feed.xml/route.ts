// GET /feed.xml – Atom feed of the items most recently added to the site
import { connection } from "next/server";
import { getSql } from "@/lib/db";
import { siteUrl } from "@/lib/env";
import { feedResponse } from "@/lib/feeds/respond";

export async function GET(request: Request) {
  await connection();
  return feedResponse(request, await getSql(), { kind: "site" }, "en", siteUrl());
}
