/**
 * Markdown as a renderer reads it: markdown-it (CommonMark, with raw HTML and GFM-style autolinking of bare URLs,
 * www. names and e-mail addresses turned on, so that every way text can become active is looked for). Tests of
 * manifest text in hovers and completion documentation check the parse, not the source: no link, image or HTML
 * that manifest text made, and the text shown is the text written.
 */
import assert from 'node:assert/strict';

interface Token {
  type: string;
  content: string;
  attrs: [string, string][] | null;
  children: Token[] | null;
}
interface MarkdownIt {
  parse(source: string, env: object): Token[];
}
// markdown-it ships no types; its parse API is small and stable (tokens with type, content, attrs, children).
const MarkdownItClass = require('markdown-it') as new (options: object) => MarkdownIt;
const renderer = new MarkdownItClass({ html: true, linkify: true });

export interface RenderedMarkdown {
  /** The text a reader sees, inline code included, one line per paragraph, list item or heading. */
  text: string;
  /** Contents of inline code spans, in order. */
  codeSpans: string[];
  /** Targets of links and images. */
  links: string[];
  images: string[];
  /** Raw HTML blocks and inline tags. */
  html: string[];
  /** Block types other than paragraphs, lists and bullet items (a heading, a table, a quote would mean injected blocks). */
  blocks: string[];
}

export function renderMarkdown(source: string): RenderedMarkdown {
  const out: RenderedMarkdown = { text: '', codeSpans: [], links: [], images: [], html: [], blocks: [] };
  const lines: string[] = [];
  const expected = new Set(['paragraph_open', 'paragraph_close', 'bullet_list_open', 'bullet_list_close', 'list_item_open', 'list_item_close', 'inline']);
  for (const token of renderer.parse(source, {})) {
    if (!expected.has(token.type)) {
      if (token.type === 'html_block') out.html.push(token.content);
      else out.blocks.push(token.type);
    }
    if (token.type !== 'inline') continue;
    let line = '';
    for (const child of token.children ?? []) {
      switch (child.type) {
        case 'text':
          line += child.content;
          break;
        case 'code_inline':
          line += child.content;
          out.codeSpans.push(child.content);
          break;
        case 'softbreak':
        case 'hardbreak':
          line += '\n';
          break;
        case 'link_open':
          out.links.push(child.attrs?.find(([name]) => name === 'href')?.[1] ?? '');
          break;
        case 'image':
          out.images.push(child.attrs?.find(([name]) => name === 'src')?.[1] ?? '');
          break;
        case 'html_inline':
          out.html.push(child.content);
          break;
      }
    }
    lines.push(line);
  }
  out.text = lines.join('\n');
  return out;
}

/**
 * Asserts that markdown holds no link, image or HTML to anything but the allowed documentation hosts and, when
 * `allowedFiles` is given, the workspace's own files at a line (`web.yaml#L12`, percent-encoded: the hovers' places).
 */
export function assertInert(source: string, allowedLinkHosts: readonly string[] = [], allowedFiles: readonly string[] = []): RenderedMarkdown {
  const rendered = renderMarkdown(source);
  const ownFile = (href: string) => /#L\d+$/.test(href) && allowedFiles.includes(decoded(href.replace(/#L\d+$/, '')));
  const foreign = rendered.links.filter((href) => !allowedLinkHosts.some((host) => href.startsWith(`https://${host}/`)) && !ownFile(href));
  assert.deepEqual({ links: foreign, images: rendered.images, html: rendered.html, blocks: rendered.blocks }, { links: [], images: [], html: [], blocks: [] }, `active markdown in:\n---\n${source}\n---`);
  return rendered;
}

function decoded(href: string): string {
  try {
    return decodeURIComponent(href);
  } catch {
    return href;
  }
}
