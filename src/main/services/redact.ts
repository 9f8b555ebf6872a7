/**
 * Takes secrets out of text before it reaches a log file a user may send: the API token
 * however it is echoed (as is, upper-case, inside Basic auth in base64), Authorization
 * header values, and anything shaped like a Toggl token or a password field.
 */
export class Redactor {
  private readonly secrets = new Set<string>();

  /** A secret to hide wherever it shows up, with the forms it travels in. */
  remember(secret: string): void {
    const value = secret.trim();
    if (value.length < 8) return;
    for (const form of [value, `${value}:api_token`]) {
      this.secrets.add(form);
      this.secrets.add(Buffer.from(form).toString('base64'));
      this.secrets.add(Buffer.from(form).toString('base64url'));
      this.secrets.add(Buffer.from(form).toString('base64').replace(/=+$/, ''));
    }
  }

  redact(text: string): string {
    let out = text;
    for (const secret of this.secrets) out = replaceAllIgnoringCase(out, secret);
    return (
      out
        // "Authorization: Basic …", "authorization=Bearer …", JSON "authorization":"…"
        .replace(
          /(authorization["']?\s*[:=]\s*["']?)(?:(basic|bearer)\s+)?[^\s"',}]+/gi,
          (_, key: string, scheme?: string) => `${key}${scheme ? `${scheme} ` : ''}[redacted]`,
        )
        .replace(/\b(basic|bearer)\s+[A-Za-z0-9+/_-]{12,}={0,2}/gi, '$1 [redacted]')
        // api_token / password / token fields in JSON or query strings
        .replace(/((?:api_token|password|token)["']?\s*[:=]\s*["']?)[^\s"'&,}]+/gi, '$1[redacted]')
        // A Toggl API token is 32 hex digits, whichever case it is echoed in.
        .replace(/\b[0-9a-f]{32}\b/gi, '[redacted]')
    );
  }
}

function replaceAllIgnoringCase(text: string, secret: string): string {
  const lower = text.toLowerCase();
  const needle = secret.toLowerCase();
  let at = lower.indexOf(needle);
  if (at < 0) return text;
  let out = '';
  let from = 0;
  while (at >= 0) {
    out += `${text.slice(from, at)}[redacted]`;
    from = at + needle.length;
    at = lower.indexOf(needle, from);
  }
  return out + text.slice(from);
}
