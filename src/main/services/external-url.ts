import { UserFacingError } from './errors';

/** Only web links leave the app: no file:, javascript:, custom schemes or malformed text. */
export function parseExternalUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UserFacingError('refused', 'That link is not a valid web address.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UserFacingError('refused', `Only http and https links can be opened, not ${url.protocol} links.`);
  }
  return url;
}
