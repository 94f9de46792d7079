import { describe, expect, it } from 'vitest';
import { cookieName, isAllowedHost, isAllowedOrigin, tokensMatch } from '#web/guards.js';

describe('web host guards', () => {
  it('accepts only its own loopback Host, whatever the case', () => {
    expect(isAllowedHost('127.0.0.1:5173', 5173)).toBe(true);
    expect(isAllowedHost('LOCALHOST:5173', 5173)).toBe(true);
    expect(isAllowedHost('127.0.0.1:5174', 5173)).toBe(false);
    expect(isAllowedHost('attacker.example:5173', 5173)).toBe(false);
    expect(isAllowedHost('127.0.0.1', 5173)).toBe(false);
    expect(isAllowedHost(undefined, 5173)).toBe(false);
  });

  it('accepts no Origin or its own, and refuses any other, including "null"', () => {
    expect(isAllowedOrigin(undefined, 8080)).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:8080', 8080)).toBe(true);
    expect(isAllowedOrigin('http://localhost:8080', 8080)).toBe(true);
    expect(isAllowedOrigin('https://127.0.0.1:8080', 8080)).toBe(false);
    expect(isAllowedOrigin('http://127.0.0.1:9090', 8080)).toBe(false);
    expect(isAllowedOrigin('https://evil.example', 8080)).toBe(false);
    expect(isAllowedOrigin('null', 8080)).toBe(false);
  });

  it('compares tokens exactly, refusing a missing, shorter, longer or different one', () => {
    const token = 'a'.repeat(43);
    expect(tokensMatch(token, token)).toBe(true);
    expect(tokensMatch(undefined, token)).toBe(false);
    expect(tokensMatch('', token)).toBe(false);
    expect(tokensMatch(token.slice(1), token)).toBe(false);
    expect(tokensMatch(`${token}a`, token)).toBe(false);
    expect(tokensMatch(`${token.slice(1)}b`, token)).toBe(false);
  });

  it('two web hosts on one machine use different cookies', () => {
    expect(cookieName(41001)).not.toBe(cookieName(41002));
    expect(cookieName(41001)).toContain('41001');
  });
});
