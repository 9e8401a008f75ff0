"use client";
// Shown when even the root layout fails; it must bring its own <html>.
import { ErrorContent } from "@/components/layout/error-content";
import "./globals.css";

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="antialiased">
        <main id="main">
          <ErrorContent digest={error.digest} reset={reset} />
        </main>
      </body>
    </html>
  );
}
