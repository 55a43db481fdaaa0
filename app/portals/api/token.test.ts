import { describe, expect, it } from "vitest";
import { generateToken, hashToken, parseBearer, TOKEN_PREFIX_LENGTH } from "./token";

describe("API tokens", () => {
  it("are 256 random bits, with a display prefix and a SHA-256 hash that is not the token", () => {
    const a = generateToken();
    const b = generateToken();
    expect(a.token).not.toBe(b.token);
    expect(Buffer.from(a.token.slice(4), "base64url")).toHaveLength(32);
    expect(a.prefix).toBe(a.token.slice(0, TOKEN_PREFIX_LENGTH));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hash).toBe(hashToken(a.token));
  });

  it("are read from a Bearer header only when token-shaped", () => {
    const { token } = generateToken();
    expect(parseBearer(`Bearer ${token}`)).toBe(token);
    expect(parseBearer(`bearer   ${token}`)).toBe(token);
    expect(parseBearer(null)).toBeNull();
    expect(parseBearer(`Basic ${token}`)).toBeNull();
    expect(parseBearer("Bearer abc")).toBeNull();
    expect(parseBearer(`Bearer ${token} extra`)).toBeNull();
  });
});
