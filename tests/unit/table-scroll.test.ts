import { describe, expect, it } from 'vitest';
import rehypeTableScroll from '../../plugins/rehype-table-scroll';

const cell = (tagName: string, text: string) => ({
  type: 'element',
  tagName,
  properties: {},
  children: [{ type: 'text', value: text }],
});
const table = () => ({
  type: 'element',
  tagName: 'table',
  properties: {},
  children: [
    {
      type: 'element',
      tagName: 'thead',
      properties: {},
      children: [
        {
          type: 'element',
          tagName: 'tr',
          properties: {},
          children: [cell('th', 'Parameter'), cell('th', 'Required')],
        },
      ],
    },
  ],
});

describe('Markdown tables on narrow screens', () => {
  it('wraps each table in a focusable, named region that can scroll sideways', () => {
    const tree = {
      type: 'root',
      children: [{ type: 'element', tagName: 'p', properties: {}, children: [] }, table()],
    };
    rehypeTableScroll()(tree);
    const wrapper = tree.children[1] as {
      tagName: string;
      properties: Record<string, unknown>;
      children: { tagName: string }[];
    };
    expect(wrapper.tagName).toBe('div');
    expect(wrapper.properties).toEqual({
      className: ['table-scroll'],
      tabIndex: 0,
      role: 'region',
      ariaLabel: 'Table: Parameter, Required',
    });
    expect(wrapper.children[0]!.tagName).toBe('table');
  });

  it('wraps a table once, however deep it is (a table inside a details block)', () => {
    const tree = {
      type: 'root',
      children: [{ type: 'element', tagName: 'details', properties: {}, children: [table()] }],
    };
    const plugin = rehypeTableScroll();
    plugin(tree);
    plugin(tree);
    const details = tree.children[0] as { children: { tagName: string; children: { tagName: string }[] }[] };
    expect(details.children[0]!.tagName).toBe('div');
    expect(details.children[0]!.children[0]!.tagName).toBe('table');
  });
});
