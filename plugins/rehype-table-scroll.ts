/**
 * Rehype plugin for the docs: every Markdown table goes into a `<div class="table-scroll">` that
 * scrolls sideways when the table is wider than the column (phones), so cells never have to break
 * `client_id` into `client_i d`. A scrolling region must be reachable by keyboard (axe:
 * scrollable-region-focusable), so the wrapper is focusable and named after the table's headers.
 * Build time only: no JavaScript reaches the page. The CSS is in src/css/custom.css.
 */

type HastNode = {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
};

function textOf(node: HastNode): string {
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map(textOf).join('');
}

function find(node: HastNode, tagName: string): HastNode | undefined {
  for (const child of node.children ?? []) {
    if (child.type === 'element' && child.tagName === tagName) return child;
    const deeper = find(child, tagName);
    if (deeper) return deeper;
  }
  return undefined;
}

/** "Table: Parameter, Required, Description" — from the first row's cells, bounded. */
export function tableLabel(table: HastNode): string {
  const firstRow = find(table, 'tr');
  const cells = (firstRow?.children ?? [])
    .filter((c) => c.type === 'element' && (c.tagName === 'th' || c.tagName === 'td'))
    .map((c) => textOf(c).trim())
    .filter(Boolean);
  const label = cells.length ? `Table: ${cells.join(', ')}` : 'Table';
  return label.length > 120 ? `${label.slice(0, 119)}…` : label;
}

function wrapTables(node: HastNode): void {
  const children = node.children;
  if (!children) return;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    const isTable = child.type === 'element' && child.tagName === 'table';
    const alreadyWrapped =
      node.type === 'element' && String(node.properties?.['className'] ?? '').includes('table-scroll');
    if (isTable && !alreadyWrapped) {
      children[i] = {
        type: 'element',
        tagName: 'div',
        properties: {
          className: ['table-scroll'],
          tabIndex: 0,
          role: 'region',
          ariaLabel: tableLabel(child),
        },
        children: [child],
      };
    } else {
      wrapTables(child);
    }
  }
}

export default function rehypeTableScroll() {
  return (tree: HastNode): void => wrapTables(tree);
}
