"use client";
// The header's account link. Public pages are the same for everyone (and cached), so the server
// always writes "Sign in"; in a browser that holds a session the link becomes "Workspace" once the
// page is live. proxy.ts keeps the readable SIGNED_IN_COOKIE in step with the session cookie
// (which scripts cannot read); it says nothing about rights — the workspace checks those.
import Link from "next/link";
import { useSyncExternalStore } from "react";
import { SIGNED_IN_COOKIE } from "@/lib/auth/signed-in-cookie";

const signedIn = () => document.cookie.split("; ").some((c) => c.startsWith(`${SIGNED_IN_COOKIE}=`));
const subscribe = () => () => {};

export function AccountLink({ signInLabel, workspaceLabel }: { signInLabel: string; workspaceLabel: string }) {
  const inside = useSyncExternalStore(subscribe, signedIn, () => false);
  return (
    <Link href={inside ? "/curate" : "/signin"} prefetch={false} className="whitespace-nowrap text-sm font-medium text-ink no-underline hover:text-accent">
      {inside ? workspaceLabel : signInLabel}
    </Link>
  );
}
