// @vitest-environment happy-dom
// The one Dialog every dialog is made of, by itself. happy-dom's showModal() only sets `open`
// (no top layer, no inert page, no Escape of its own): what the browser does is in the e2e
// specs (dialog-keyboard.spec.ts); this is what the component itself does with focus and Escape.
import { screen } from '@testing-library/dom';
import { createRawSnippet, flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import Dialog from '../../../src/renderer/src/components/forms/Dialog.svelte';

type Mounted = ReturnType<typeof mount>;
const mounted: Mounted[] = [];

afterEach(async () => {
  for (const component of mounted.splice(0)) await unmount(component);
  document.body.replaceChildren();
});

interface Shown {
  onclose?: () => void;
  returnFocus?: (opener: HTMLElement | null) => void;
  role?: 'dialog' | 'alertdialog';
}

/** A dialog titled `title` holding `html` (one element), in `target`, as a parent would show it. */
function show(title: string, html: string, props: Shown = {}, target: Element = document.body): Mounted {
  const children = createRawSnippet(() => ({ render: () => html }));
  const component = mount(Dialog, { target, props: { title, onclose: () => undefined, ...props, children } });
  flushSync();
  mounted.push(component);
  return component;
}

/** The parent closing it: its block goes, as `{#if}` does when the state says closed. */
async function hide(component: Mounted): Promise<void> {
  mounted.splice(mounted.indexOf(component), 1);
  await unmount(component);
}

function escape(target: Element): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
  target.dispatchEvent(event);
  return event;
}

function button(name: string): HTMLButtonElement {
  const opener = document.createElement('button');
  opener.textContent = name;
  document.body.append(opener);
  return opener;
}

describe('Dialog', () => {
  it('opens modal under its title with focus on its first control that takes it, and gives focus back to its opener', async () => {
    const opener = button('New project');
    opener.focus();
    const dialog = show('New project', '<div><input aria-label="Locked" disabled><input aria-label="Name"></div>');
    const element = screen.getByRole<HTMLDialogElement>('dialog', { name: 'New project' });
    expect(element.open).toBe(true);
    expect(element.querySelector('h2')?.textContent).toBe('New project');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Name' }));
    await hide(dialog);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('a confirmation is an alertdialog', () => {
    show('Delete project', '<button>Cancel</button>', { role: 'alertdialog' });
    expect(screen.getByRole('alertdialog', { name: 'Delete project' })).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('takes Escape itself, every time: the popover behind never sees it, and it asks to close once', () => {
    const onclose = vi.fn();
    const popover = vi.fn();
    window.addEventListener('keydown', popover);
    show('Edit task', '<div><input aria-label="Name"></div>', { onclose });
    const name = screen.getByRole('textbox', { name: 'Name' });
    expect(escape(name).defaultPrevented).toBe(true);
    expect(escape(name).defaultPrevented).toBe(true);
    window.removeEventListener('keydown', popover);
    expect(onclose).toHaveBeenCalledTimes(1);
    expect(popover).not.toHaveBeenCalled();
  });

  it('closes on `cancel` (Escape with focus outside it), keeping the browser from closing it behind its parent’s back', () => {
    const onclose = vi.fn();
    show('Edit project', '<div><input aria-label="Name"></div>', { onclose });
    const cancel = new Event('cancel', { cancelable: true });
    screen.getByRole('dialog').dispatchEvent(cancel);
    expect(cancel.defaultPrevented).toBe(true);
    expect(onclose).toHaveBeenCalledTimes(1);
  });

  it('closed by the browser itself (Chrome, Escape past its limit of stopped cancels): asks its parent to close', () => {
    const onclose = vi.fn();
    show('Edit project', '<div><input aria-label="Name"></div>', { onclose });
    screen.getByRole<HTMLDialogElement>('dialog').close();
    expect(onclose).toHaveBeenCalledTimes(1);
  });

  it('one opened from another: Escape closes only it, and focus goes back to the first one’s control', async () => {
    const opener = button('Members');
    opener.focus();
    const first = show('Members', '<div><button>Add</button><button>Open the other</button></div>');
    const outer = screen.getByRole('dialog', { name: 'Members' });
    const inner = screen.getByRole('button', { name: 'Open the other' });
    inner.focus();
    const closeSecond = vi.fn();
    const second = show('Confirm', '<div><button>Yes</button></div>', { onclose: closeSecond }, outer);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Yes' }));
    escape(screen.getByRole('button', { name: 'Yes' }));
    expect(closeSecond).toHaveBeenCalledTimes(1);
    await hide(second);
    expect(document.activeElement).toBe(inner);
    expect(screen.getByRole<HTMLDialogElement>('dialog', { name: 'Members' }).open).toBe(true);
    await hide(first);
    expect(document.activeElement).toBe(opener);
  });

  it('whoever shows it may put focus elsewhere on close: it is handed the opener', async () => {
    const opener = button('Delete');
    opener.focus();
    const returnFocus = vi.fn();
    const dialog = show('Delete project', '<button>Delete</button>', { returnFocus });
    await hide(dialog);
    expect(returnFocus).toHaveBeenCalledWith(opener);
    expect(document.activeElement).not.toBe(opener);
  });
});
