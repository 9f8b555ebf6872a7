// @vitest-environment happy-dom
// The icons' shapes are copied from Lucide: each drawn icon must be Lucide's, shape for shape.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { flushSync, mount, unmount } from 'svelte';
import { describe, expect, it } from 'vitest';
import Icon from '../../../src/renderer/src/components/Icon.svelte';
import { ICON_NAMES, type IconName } from '../../../src/renderer/src/lib/icon-names';

const icons = path.dirname(createRequire(import.meta.url).resolve('@lucide/svelte/icons/archive'));

/** Lucide's shapes for `name`, from the package's own file (following a renamed icon's re-export). */
function lucideShapes(name: string): [string, Record<string, string>][] {
  const reexport = /from "\.\/([\w-]+)\.svelte"/.exec(readFileSync(path.join(icons, `${name}.js`), 'utf8'));
  const source = readFileSync(path.join(icons, `${reexport?.[1] ?? name}.svelte`), 'utf8');
  const data = /const iconData = (\{.*?\});\n/.exec(source)?.[1];
  if (!data) throw new Error(`no icon data in Lucide's ${name}`);
  return (JSON.parse(data) as { node: [string, Record<string, string>][] }).node;
}

function drawn(name: IconName): { svg: SVGElement; shapes: [string, Record<string, string>][] } {
  const target = document.createElement('div');
  const icon = mount(Icon, { target, props: { name, size: 14, strokeWidth: 2 } });
  flushSync();
  const svg = target.querySelector('svg');
  if (!svg) throw new Error(`${name} draws no svg`);
  const shapes = [...svg.children].map((child): [string, Record<string, string>] => [
    child.tagName.toLowerCase(),
    Object.fromEntries([...child.attributes].map((attribute) => [attribute.name, attribute.value])),
  ]);
  void unmount(icon);
  return { svg, shapes };
}

describe('icons', () => {
  it.each(ICON_NAMES)('%s is drawn with Lucide’s shapes', (name) => {
    expect(drawn(name).shapes).toEqual(lucideShapes(name));
  });

  it('draws at the size and stroke asked for, in the text’s colour, hidden from screen readers', () => {
    const { svg } = drawn('clock');
    expect(svg.getAttribute('width')).toBe('14');
    expect(svg.getAttribute('height')).toBe('14');
    expect(svg.getAttribute('stroke-width')).toBe('2');
    expect(svg.getAttribute('stroke')).toBe('currentColor');
    expect(svg.getAttribute('viewBox')).toBe('0 0 24 24');
    expect(svg.getAttribute('aria-hidden')).toBe('true');
  });
});
