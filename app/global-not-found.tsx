// URLs that match no route at all (outside the language tree) get the same 404 page.
import type { Metadata } from "next";
import { GeistSans } from "geist/font/sans";
import { NotFoundContent } from "@/components/layout/not-found-content";
import "./globals.css";

export const metadata: Metadata = { title: "Page not found · 페이지를 찾을 수 없습니다", robots: { index: false } };

export default function GlobalNotFound() {
  return (
    <html lang="en" className={GeistSans.variable}>
      <body className="antialiased">
        <main id="main">
          <NotFoundContent />
        </main>
      </body>
    </html>
  );
}
