import { themes } from 'prism-react-renderer';
import { describe, expect, it } from 'vitest';
import { accessible, contrast } from '../../config/prism-themes';

const hex = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)) as [number, number, number];

describe('accessible code themes', () => {
  it.each([
    ['light', themes.github],
    ['dark', themes.dracula],
  ] as const)('every token colour of the %s theme reaches 4.5:1 against its background', (mode, theme) => {
    const fixed = accessible(theme, mode);
    const bg = hex(String(fixed.plain.backgroundColor));
    const colours = fixed.styles.map((s) => s.style.color).filter((c): c is string => typeof c === 'string');
    expect(colours.length).toBeGreaterThan(5);
    for (const colour of colours) expect(contrast(hex(colour), bg)).toBeGreaterThanOrEqual(4.5);
  });

  it('the original github theme really did fail (this guard is not vacuous)', () => {
    const bg = hex(String(themes.github.plain.backgroundColor));
    const worst = Math.min(
      ...themes.github.styles
        .map((s) => s.style.color)
        .filter((c): c is string => typeof c === 'string' && c.startsWith('#') && c.length === 7)
        .map((c) => contrast(hex(c), bg)),
    );
    expect(worst).toBeLessThan(4.5);
  });
});
