// Code-highlighting themes that pass WCAG AA: prism-react-renderer's github and dracula themes
// have token colours below 4.5:1 against their own backgrounds (axe flags them), so every token
// colour is nudged darker (light theme) or lighter (dark theme) until it reaches 4.5:1.
import { themes, type PrismTheme } from 'prism-react-renderer';

type Rgb = [number, number, number];

function parseHex(hex: string): Rgb | undefined {
  const m = /^#([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(hex.trim());
  if (!m) return undefined;
  const h = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as Rgb;
}

function parseColour(value: string): Rgb | undefined {
  const rgb = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/i.exec(value.trim());
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  return parseHex(value);
}

const toHex = (c: Rgb) => `#${c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

function luminance([r, g, b]: Rgb): number {
  const lin = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

function readable(colour: string, background: Rgb, towards: Rgb): string {
  let c = parseColour(colour);
  if (!c) return colour;
  for (let step = 0; step < 40 && contrast(c, background) < 4.6; step += 1) {
    c = c.map((v, i) => v + (towards[i]! - v) * 0.1) as Rgb;
  }
  return toHex(c);
}

export function accessible(theme: PrismTheme, mode: 'light' | 'dark'): PrismTheme {
  const background = parseColour(
    String(theme.plain.backgroundColor ?? (mode === 'light' ? '#fff' : '#000')),
  )!;
  const towards: Rgb = mode === 'light' ? [0, 0, 0] : [255, 255, 255];
  const fix = (style: Record<string, unknown>) =>
    typeof style.color === 'string' ? { ...style, color: readable(style.color, background, towards) } : style;
  return {
    plain: fix(theme.plain as Record<string, unknown>),
    styles: theme.styles.map((s) => ({ ...s, style: fix(s.style as Record<string, unknown>) })),
  } as PrismTheme;
}

/** The code blocks' colours, light and dark: for the build's highlighting and the browser's alike. */
export const codeThemes = {
  light: accessible(themes.github, 'light'),
  dark: accessible(themes.dracula, 'dark'),
};
