import { rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { userSchema } from '../../../shared/schema';
import type { Logger } from '../logger';
import { openConfFile, type OpenSettingsFile, type SettingsFile } from '../store/settings-file';

const profileSchema = z.object({
  apiUrl: z.string(),
  user: userSchema,
  /** Set when Toggl refused the stored token: the app opens on the sign-in view. */
  refusedReason: z.string().nullable(),
});

export type Profile = z.infer<typeof profileSchema>;

/**
 * Who was signed in, so the app opens straight into the main view without a request (and
 * offline). Holds no token: that lives only in the vault. A settings-sized file, so it goes
 * through the settings-file port (electron-store or conf), opened for each use: it is read
 * once at start and written at sign-in.
 */
export class ProfileStore {
  readonly file: string;

  constructor(
    private readonly dataDir: string,
    private readonly log: Logger,
    private readonly open: OpenSettingsFile = openConfFile,
  ) {
    this.file = path.join(dataDir, 'profile.json');
  }

  private openFile(): SettingsFile {
    return this.open({ cwd: this.dataDir, name: 'profile', defaults: {}, projectVersion: '0.0.0' });
  }

  read(apiUrl: string): Promise<Profile | undefined> {
    return Promise.resolve(this.readNow(apiUrl));
  }

  private readNow(apiUrl: string): Profile | undefined {
    let raw: unknown;
    try {
      raw = this.openFile().store;
    } catch (error) {
      this.log.warn('profile: unreadable, ignoring it', { file: this.file, error: String(error) });
      return undefined;
    }
    const parsed = profileSchema.safeParse(raw);
    if (!parsed.success) {
      if (Object.keys(raw as object).length > 0) {
        this.log.warn('profile: not in the expected shape, ignoring it', { file: this.file });
      }
      return undefined;
    }
    return parsed.data.apiUrl === apiUrl ? parsed.data : undefined;
  }

  async write(profile: Profile): Promise<void> {
    let file: SettingsFile;
    try {
      file = this.openFile();
    } catch {
      // An unreadable profile is replaced: it was ignored on read already.
      await this.delete();
      file = this.openFile();
    }
    file.store = profile;
  }

  async delete(): Promise<void> {
    await rm(this.file, { force: true });
  }
}
