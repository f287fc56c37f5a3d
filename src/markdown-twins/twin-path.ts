/** The `.md` twin of a permalink: `/api/token` → `/api/token.md`, `/` → `/index.md`. Shared by the plugin and the page's copy button. */
export function twinPath(permalink: string): string {
  return permalink.endsWith('/') ? `${permalink}index.md` : `${permalink}.md`;
}
