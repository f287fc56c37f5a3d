/**
 * `/llms.txt` (an index of every Markdown twin, grouped like the sidebars; see https://llmstxt.org/)
 * and `/llms-full.txt` (the guide and the FAQ in one file). Pure: the plugin gives it the pages.
 */
import { promptWarning } from './transform';

export type TwinEntry = {
  title: string;
  /** One line: the page's front matter description, or its first paragraph. */
  description: string;
  /** Absolute URL of the `.md` twin. */
  url: string;
};

export type LlmsGroup = { heading: string; entries: TwinEntry[] };
export type LlmsSection = { heading: string; groups: LlmsGroup[] };

export type LlmsIndex = {
  siteTitle: string;
  /** What TelenorID+ and the portal are: a paragraph or two of Markdown. */
  about: string;
  fullUrl: string;
  sections: LlmsSection[];
};

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function entryLine(e: TwinEntry): string {
  const description = oneLine(e.description);
  return `- [${oneLine(e.title)}](${e.url})${description ? `: ${description}` : ''}`;
}

export function llmsTxt(index: LlmsIndex): string {
  const parts = [promptWarning, '', `# ${index.siteTitle}`, '', index.about.trim(), ''];
  parts.push(`The guide and the FAQ in one file: ${index.fullUrl}`, '');
  for (const section of index.sections) {
    parts.push(`## ${section.heading}`, '');
    for (const group of section.groups) {
      if (group.entries.length === 0) continue;
      if (group.heading) parts.push(`### ${group.heading}`, '');
      parts.push(...group.entries.map(entryLine), '');
    }
  }
  return (
    parts
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n'
  );
}

/** The twins one after another; each keeps its own heading, and the warning is said once. */
export function llmsFullTxt(siteTitle: string, twins: string[]): string {
  const bodies = twins.map((t) => (t.startsWith(promptWarning) ? t.slice(promptWarning.length) : t).trim());
  return `${promptWarning}\n\n# ${siteTitle}: the guide and the FAQ\n\n${bodies.join('\n\n---\n\n')}\n`;
}
