"use client";
import { ErrorContent } from "@/components/layout/error-content";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorContent digest={error.digest} reset={reset} />;
}
