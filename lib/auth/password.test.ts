import { describe, expect, it } from "vitest";
import { generatePassword, hashPassword, passwordProblem, verifyPassword } from "./password";

describe("password hashing", () => {
  it("hashes with argon2id, salted, and verifies", async () => {
    const a = await hashPassword("correct horse battery staple");
    const b = await hashPassword("correct horse battery staple");
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, "correct horse battery staple")).toBe(true);
    expect(await verifyPassword(a, "correct horse battery stapl")).toBe(false);
  });

  it("handles Korean passwords and refuses non-hashes", async () => {
    const h = await hashPassword("비밀번호는길어야합니다아주");
    expect(await verifyPassword(h, "비밀번호는길어야합니다아주")).toBe(true);
    expect(await verifyPassword("plain-text", "plain-text")).toBe(false);
    expect(await verifyPassword("$argon2id$broken", "x")).toBe(false);
  });

  it("generates long passwords without look-alike characters", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const p = generatePassword();
      expect(p).toMatch(/^[a-km-np-zA-HJ-NP-Z2-9]{20}$/);
      seen.add(p);
    }
    expect(seen.size).toBe(50);
  });

  it("sets a minimum length", () => {
    expect(passwordProblem("short")).toBe("tooShort");
    expect(passwordProblem("twelve chars")).toBeNull();
    expect(passwordProblem("x".repeat(201))).toBe("tooLong");
  });
});
