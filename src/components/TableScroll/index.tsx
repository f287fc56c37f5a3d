/**
 * A widget table that scrolls sideways when it is wider than the page (phones), so its cells never
 * break a word in two. The region is focusable and named, so keyboard users can scroll it (axe:
 * scrollable-region-focusable). Styles: `.table-scroll` in src/css/custom.css (shared with the
 * Markdown tables, which plugins/rehype-table-scroll.ts wraps at build time).
 */
export default function TableScroll({
  label,
  children,
}: {
  label: string;
  children: React.ReactNode;
}): React.JSX.Element {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
