import { describe, expect, it } from 'vitest';
import { accentPalette, fromSystemAccent } from '../../src/shared/accent';

describe('the OS accent color', () => {
  it('comes from Electron as rrggbbaa, and is used as #rrggbb', () => {
    expect(fromSystemAccent('0a84ffff')).toBe('#0a84ff');
    expect(fromSystemAccent('D93B3B')).toBe('#d93b3b');
    expect(fromSystemAccent('')).toBeNull();
    expect(fromSystemAccent('blue')).toBeNull();
    expect(fromSystemAccent(undefined)).toBeNull();
  });

  it('gets the text color that reads on it: white on dark accents, black on light ones', () => {
    expect(accentPalette('#0a84ff')).toEqual({ accent: '#0a84ff', onAccent: '#000000' });
    expect(accentPalette('#1d4ed8')).toEqual({ accent: '#1d4ed8', onAccent: '#ffffff' });
    expect(accentPalette('#FFD60A')).toEqual({ accent: '#ffd60a', onAccent: '#000000' });
    expect(accentPalette('#5e2b97')).toEqual({ accent: '#5e2b97', onAccent: '#ffffff' });
    expect(accentPalette(null)).toBeNull();
    expect(accentPalette('rgb(1,2,3)')).toBeNull();
  });
});
