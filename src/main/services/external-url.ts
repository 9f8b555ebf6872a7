import { repository } from '../../../package.json';
import { UserFacingError } from './errors';

/** Toggl's own web hosts: the profile page (API token), the web app, help pages. */
const TOGGL_HOSTS = new Set(['toggl.com', 'www.toggl.com', 'track.toggl.com', 'support.toggl.com']);

/** The project's own pages (releases, issues), from package.json. */
const REPOSITORY = new URL(repository.url.replace(/^git\+/, '').replace(/\.git$/, ''));

/** True for https links to Toggl's own hosts or under the project's repository. */
export function isAllowedLink(url: URL): boolean {
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return false;
  if (TOGGL_HOSTS.has(url.hostname)) return true;
  const repositoryPath = REPOSITORY.pathname.replace(/\/$/, '');
  return (
    url.hostname === REPOSITORY.hostname &&
    (url.pathname === repositoryPath || url.pathname.startsWith(`${repositoryPath}/`))
  );
}

/**
 * Only links the app has a reason to open leave it: Toggl's pages and the project's own.
 * Anything else (other sites, file:, javascript:, custom schemes, malformed text) is refused
 * with the reason.
 */
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
  if (!isAllowedLink(url)) {
    throw new UserFacingError(
      'refused',
      `Toggl Tray opens only Toggl's own pages and its project page, not ${url.protocol}//${url.host}.`,
    );
  }
  return url;
}
