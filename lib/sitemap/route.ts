// Connects the sitemap responses to their route files: the application's database and site URL.
import "server-only";
import { getSql } from "../db";
import { siteUrl } from "../env";
import { sitemapFileResponse, sitemapIndexResponse } from "./respond";

export async function serveSitemapIndex(request: Request): Promise<Response> {
  return sitemapIndexResponse(request, await getSql(), siteUrl());
}

export async function serveSitemapFile(request: Request, file: string): Promise<Response> {
  return sitemapFileResponse(request, await getSql(), siteUrl(), file);
}
