/**
 * `netlens fix [paths...] [--dry-run] [--rule id]`: applies the safe quick-fixes: those with exactly one candidate
 * that only correct a reference (a misspelled Service, port, class or listener name with one close match, a named
 * targetPort with one container port to go to) and never touch an access rule. Fixes that need a choice or change enforcement (policyTypes,
 * NetworkPolicy admits) are left to the editor; docs/fixes.md lists which is which.
 */
import { FILE_HEADERS_ONLY, formatPatch, structuredPatch } from 'diff';
import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import { quickFixes, type FixContext, type TextEdit } from '../../engine/fixes/index';
import { applyEdits } from '../../engine/fixes/types';
import { LineIndex } from '../../engine/syntax/lineIndex';
import { encodeText, type TextEncoding } from '../../io/readFile';
import { readManifest } from '../../io/scanFiles';
import { escapeLine } from '../format/terminal';
import { exitCode, loadWorkspace, nothingRead, reportReadProblems, STDIN_PATH } from '../loadWorkspace';
import { loadProfileOption } from '../profileOption';
import { EXIT_OK, EXIT_USAGE, UsageError, type CliIO, type Command } from '../usage';
import { settingsFromOptions } from './ruleOptions';
import { WORKSPACE_OPTIONS, WORKSPACE_USAGE, workspaceReadOptions } from '../workspaceOptions';

export const fixCommand: Command = {
  name: 'fix',
  summary: 'apply the safe quick-fixes (one obvious candidate) to manifests',
  usage: `netlens fix [paths...] [options]

Reads every *.yaml, *.yml and *.json under the paths (default: .), finds what \`netlens check\` finds, and applies
the quick-fixes that are safe to apply unattended: a misspelled name or port with exactly one close candidate
(Ingress and route backends, route parents and listeners, Service references in env and ConfigMap values,
ingress and gateway classes, named targetPorts). Only the misspelled text changes; comments and formatting stay.
A fix whose edit would change more than it means to (a value anchored with & and reused through * elsewhere) is
skipped, with the reason on stderr.
Everything else (choices, NetworkPolicy changes) is offered by the editor's quick-fix menu.

Options:
  --dry-run                  print a unified diff instead of writing the files
  --rule id                  only fix findings of this rule (repeatable)
${WORKSPACE_USAGE}  --profile file             the cluster profile (default: .netlens.yaml here or in the first path's folder)
`,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        'dry-run': { type: 'boolean', default: false },
        rule: { type: 'string', multiple: true },
        ...WORKSPACE_OPTIONS,
        profile: { type: 'string' },
      },
    });
    const paths = positionals.length ? positionals : ['.'];
    const dryRun = values['dry-run']!;
    if (paths.includes('-') && !dryRun) throw new UsageError('standard input cannot be fixed in place: add --dry-run');
    const settings = settingsFromOptions(undefined, values['default-namespace']);
    const readOptions = workspaceReadOptions(values);
    const profile = loadProfileOption(values.profile, io, paths);
    if (profile) {
      settings.profile = profile;
      if (profile.defaultNamespace && values['default-namespace'] === undefined) settings.defaultNamespace = profile.defaultNamespace;
    }
    const workspace = await loadWorkspace(paths, settings, io, readOptions);
    reportReadProblems(workspace, io, true);
    if (nothingRead(workspace)) return EXIT_USAGE;

    // The same reader as the analysis (BOM dropped, UTF-16 decoded), so that offsets agree; the encoding is kept to
    // write the file back as it was. Standard input is never fixed.
    const texts = new Map<string, { text: string; encoding: TextEncoding }>();
    const textOf = (file: string): string | undefined => {
      if (!texts.has(file)) {
        const read = readManifest(file, { maxFileSize: readOptions.maxFileSize, explicit: true });
        if ('error' in read) return undefined;
        texts.set(file, read);
      }
      return texts.get(file)?.text;
    };
    const ctx: FixContext = { index: workspace.analysis.index, textOf };
    if (profile) ctx.profile = profile;
    const only = values.rule;
    const chosen = new Map<string, { edits: TextEdit[]; titles: string[] }>();
    let fixed = 0;
    let skipped = 0;
    for (const finding of workspace.analysis.allFindings()) {
      if (only && !only.includes(finding.ruleId)) continue;
      if (finding.file === STDIN_PATH) continue;
      let fixes;
      try {
        fixes = quickFixes(ctx, { ruleId: finding.ruleId, file: finding.file, span: finding.span, data: finding.data ?? {} });
      } catch (error) {
        io.err(`netlens fix: could not compute fixes for ${workspace.display(finding.file)} (${finding.ruleId}): ${(error as Error).message}\n`);
        continue;
      }
      const fix = fixes.find((f) => f.safe && !f.command && f.change.newFiles.length === 0 && (f.change.edits.length > 0 || f.disabled));
      if (!fix) continue;
      if (fix.disabled) {
        // The guard refused it (an anchor reused elsewhere, an edit that would not read back as meant): say why.
        io.err(`skipped ${workspace.display(finding.file)}:${line(textOf(finding.file) ?? '', finding.span.start)}: ${finding.ruleId}: ${fix.title}: ${fix.disabled}\n`);
        skipped++;
        continue;
      }
      // Edits of one run never overlap: a later fix touching text an earlier one changed waits for the next run.
      if (fix.change.edits.some((e) => overlaps(chosen.get(e.file)?.edits ?? [], e))) continue;
      for (const edit of fix.change.edits) {
        const entry = chosen.get(edit.file) ?? { edits: [], titles: [] };
        entry.edits.push(edit);
        chosen.set(edit.file, entry);
      }
      const first = fix.change.edits[0]!;
      chosen.get(first.file)!.titles.push(escapeLine(`${workspace.display(finding.file)}:${line(textOf(finding.file) ?? '', finding.span.start)}: ${finding.ruleId}: ${fix.title}`));
      fixed++;
    }
    const files = [...chosen.keys()].sort();
    for (const file of files) {
      const before = textOf(file) ?? '';
      const after = applyEdits(before, chosen.get(file)!.edits);
      if (dryRun) io.out(unifiedDiff(escapeLine(workspace.display(file)), before, after));
      else {
        fs.writeFileSync(file, encodeText(after, texts.get(file)?.encoding ?? 'utf8'));
        for (const title of chosen.get(file)!.titles) io.out(`fixed ${title}\n`);
      }
    }
    io.err(`${fixed === 0 ? 'no safe fix to apply' : `${dryRun ? 'would fix' : 'fixed'} ${fixed} finding${fixed === 1 ? '' : 's'} in ${files.length} file${files.length === 1 ? '' : 's'}`}${skipped ? ` (${skipped} skipped, see above)` : ''}\n`);
    return exitCode(workspace, EXIT_OK);
  },
};

function overlaps(edits: readonly TextEdit[], edit: TextEdit): boolean {
  return edits.some((e) => e.span.start < edit.span.end && edit.span.start < e.span.end) || edits.some((e) => e.span.start === edit.span.start && e.span.end === edit.span.end);
}

function line(text: string, offset: number): number {
  return new LineIndex(text).position(offset).line + 1;
}

/**
 * A unified diff of two texts (`--- a/file`, `+++ b/file`, hunks with `context` lines of context), computed and
 * printed by the `diff` library; the texts are manifests we just edited, so they differ in few places.
 */
export function unifiedDiff(name: string, before: string, after: string, context = 3): string {
  if (before === after) return '';
  const patch = structuredPatch(`a/${name}`, `b/${name}`, before, after, undefined, undefined, { context });
  return formatPatch(patch, FILE_HEADERS_ONLY);
}
