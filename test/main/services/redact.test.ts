import { describe, expect, it } from 'vitest';
import { Redactor } from '../../../src/main/services/redact';
import { DEMO } from '../../../tools/sandbox/fixture';

const token = DEMO.apiToken;
const basic = Buffer.from(`${token}:api_token`).toString('base64');

function redactor(): Redactor {
  const r = new Redactor();
  r.remember(token);
  return r;
}

describe('Redactor: no token leaves in a log line', () => {
  it.each([
    ['as is', `signed in with ${token}`],
    ['upper-case', `echo: ${token.toUpperCase()}`],
    ['mixed case inside a word', `key=x${token.slice(0, 16).toUpperCase()}${token.slice(16)}y`],
    ['Basic auth header', `Authorization: Basic ${basic}`],
    ['Basic auth header, upper-case name', `AUTHORIZATION: BASIC ${basic}`],
    ['bare base64 echo', `header was ${basic} (rejected)`],
    ['base64 without padding', `header was ${basic.replace(/=+$/, '')}`],
    ['base64url', `x=${Buffer.from(`${token}:api_token`).toString('base64url')}`],
    ['base64 of the token alone', `t=${Buffer.from(token).toString('base64')}`],
    ['JSON field', JSON.stringify({ api_token: token, fullname: 'Dana Demo' })],
    ['query string', `GET /me?api_token=${token}&x=1`],
    ['headers object', JSON.stringify({ headers: { authorization: `Basic ${basic}` } })],
  ])('%s', (_, line) => {
    const out = redactor().redact(line);
    expect(out).toContain('[redacted]');
    for (const secret of [token, basic, basic.replace(/=+$/, ''), token.toUpperCase()]) {
      expect(out.toLowerCase()).not.toContain(secret.toLowerCase());
    }
  });

  it('hides tokens it was never told about when they look like one, and Bearer values', () => {
    const other = 'a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5';
    const out = new Redactor().redact(`token ${other.toUpperCase()} and Authorization: Bearer abc.def-ghi_jkl`);
    expect(out).not.toContain(other.toUpperCase());
    expect(out).not.toContain('abc.def-ghi_jkl');
  });

  it('hides a password field, and leaves ordinary text alone', () => {
    expect(new Redactor().redact('{"email":"demo@toggl-tray.test","password":"demo-password"}')).toBe(
      '{"email":"demo@toggl-tray.test","password":"[redacted]"}',
    );
    const plain = 'sync: skipped a project Toggl Tray could not read {"id":1234,"name":"Website redesign"}';
    expect(redactor().redact(plain)).toBe(plain);
  });

  it('ignores a secret too short to be one, and hides an Authorization value without a scheme', () => {
    const r = new Redactor();
    r.remember('abc');
    expect(r.redact('abc def')).toBe('abc def');
    expect(r.redact('Authorization: opaque-value-123')).toBe('Authorization: [redacted]');
    expect(r.redact("{'Authorization': 'Bearer abc.def'}")).toBe("{'Authorization': 'Bearer [redacted]'}");
  });
});
