// GET /feed.xml – Atom feed of the items most recently added to the site
import { connection } from "next/server";
import { serveFeed } from "@/lib/feeds/route";

export async function GET(request: Request) {
  await connection();
  return serveFeed(request, { kind: "site" }, "en");
}
