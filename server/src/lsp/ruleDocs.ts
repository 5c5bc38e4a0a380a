/**
 * Where a diagnostic's rule is documented, for its `codeDescription`: the rule's page as shipped beside the server
 * (docs/rules/<id>.md of the .vsix, of the npm package, of the repository), as a file: URI, so that the link opens
 * the page of the version that produced the finding, in the editor, offline. The VS Code client also offers "Show
 * documentation", which opens the same page rendered (client/src/ruleDocs.ts). A rule without a page gets no link.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** docs/rules of the installation: found upward from this module (dist/server.js, or out/server/src/lsp in tests). */
function findRulesFolder(): string | undefined {
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, 'docs', 'rules');
    if (fs.existsSync(path.join(candidate, 'README.md'))) return candidate;
    dir = path.dirname(dir);
  }
  return undefined;
}

const RULES_FOLDER = findRulesFolder();
const hrefs = new Map<string, string | undefined>();

/** The file: URI of the rule's page, or undefined when the installation has none. */
export function ruleDocHref(ruleId: string): string | undefined {
  if (!hrefs.has(ruleId)) {
    const page = RULES_FOLDER && /^[a-z0-9-]+$/.test(ruleId) ? path.join(RULES_FOLDER, `${ruleId}.md`) : undefined;
    hrefs.set(ruleId, page && fs.existsSync(page) ? pathToFileURL(page).href : undefined);
  }
  return hrefs.get(ruleId);
}
