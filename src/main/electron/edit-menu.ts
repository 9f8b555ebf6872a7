import { Menu, type WebContents } from 'electron';

/**
 * Right-click in a text field: Cut, Copy, Paste, Select All, as every desktop app has (a token
 * is pasted more often than typed). Elsewhere in the page, nothing.
 */
export function offerEditMenu(contents: WebContents): void {
  contents.on('context-menu', (_event, params) => {
    if (!params.isEditable) return;
    Menu.buildFromTemplate([
      { role: 'cut', enabled: params.editFlags.canCut },
      { role: 'copy', enabled: params.editFlags.canCopy },
      { role: 'paste', enabled: params.editFlags.canPaste },
      { type: 'separator' },
      { role: 'selectAll', enabled: params.editFlags.canSelectAll },
    ]).popup();
  });
}
