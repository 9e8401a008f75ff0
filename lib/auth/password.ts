// Password hashing (argon2id, OWASP's recommended parameters) and generated passwords. No
// default password exists anywhere: accounts get one typed by a person or generated here.
import crypto from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

/** argon2id, m = 19 MiB, t = 2, p = 1 — OWASP's first recommended configuration. */
const OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

export async function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** False for a wrong password and for anything that is not an argon2 hash. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  if (!stored.startsWith("$argon2")) return false;
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/** Spends the time of one verification, so that an unknown email answers as slowly as a known one. */
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummy ??= hashPassword(crypto.randomBytes(16).toString("hex"));
  await verifyPassword(await dummy, password);
}

/** Why a chosen password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): "tooShort" | "tooLong" | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return "tooShort";
  if (password.length > MAX_PASSWORD_LENGTH) return "tooLong";
  return null;
}

/** 20 characters from an alphabet without look-alikes (about 115 bits). */
export function generatePassword(length = 20): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const out: string[] = [];
  while (out.length < length) {
    const byte = crypto.randomBytes(1)[0];
    // Reject bytes that would bias the choice.
    if (byte < 256 - (256 % alphabet.length)) out.push(alphabet[byte % alphabet.length]);
  }
  return out.join("");
}
