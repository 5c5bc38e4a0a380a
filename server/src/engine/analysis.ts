/**
 * The analysis host: files in, findings and queries out. Pure (no IO): the LSP server and the CLI feed it text.
 *
 * Incremental by construction:
 *  - a file whose content hash is unchanged is not parsed again;
 *  - its facts replace its old facts in the index (no rebuild);
 *  - the objects whose fingerprint (facts without positions) changed give change keys (`kind|namespace`, ...);
 *  - each file's findings remember the keys their rules read (`WorkspaceIndex.recordReads`); a refresh recomputes
 *    the edited file and every file whose reads the changes touch, and nothing else.
 */
import { changedResources, resourceFingerprint } from './model/fingerprint';
import { extractResources } from './model/extract/index';
import type { AnyResource } from './model/resources';
import { ReadLists, type FileChecks } from './checkResults';
import { ReadersByKey } from './model/readersByKey';
import { changeKeysFrom, changeKeysOf, fileKey, NAMESPACE_SET, touches, type ChangeKeys, type ReadKey } from './model/readKeys';
import { WorkspaceIndex } from './model/workspaceIndex';
import { FILE_RULES, RULES } from './rules/catalogue';
import type { Finding, Report, Rule, Severity, SeveritySetting } from './rules/rule';
import { lowerOf } from './rules/rule';
import { annotationIgnores, ignoreCommentsOf, isSuppressed, type IgnoredLines } from './rules/suppression';
import { LineIndex } from './syntax/lineIndex';
import { fastReadYamlText } from './syntax/fastRead';
import { boundedMessage, MAX_WORD } from './util/boundedText';
import { parseYamlText, type SyntaxIssue } from './syntax/parse';
import { contentHash } from './util/contentHash';
import type { ClusterProfile } from './profile/types';

export interface AnalysisSettings {
  /** Namespace for objects whose manifest has none. */
  defaultNamespace: string;
  /** Severity overrides per rule id. */
  rules: Readonly<Record<string, SeveritySetting>>;
  /** What the user told us about the cluster; absent = nothing known. */
  profile?: ClusterProfile;
}

const EMPTY_PROFILE: ClusterProfile = {};

export const DEFAULT_SETTINGS: AnalysisSettings = { defaultNamespace: 'default', rules: {} };

export interface AnalysisOptions {
  /** Settings per file (multi-root workspaces may differ per folder). */
  settingsFor?: (file: string) => AnalysisSettings;
  /** Called once per rule id the first time that rule throws; the rule's other results are dropped, others run. */
  onRuleError?: (ruleId: string, error: unknown) => void;
  rules?: readonly Rule[];
  /**
   * False for a host that reads the workspace once and asks once (the CLI): a refresh keeps no record of what each
   * rule check read (the per-check reads and findings are a fifth of the retained heap after a cold check), so any
   * change after it recomputes every file. Default true (the language server: edits recompute only what they touch).
   */
  incremental?: boolean;
}

interface FileState {
  hash: string;
  lineIndex: LineIndex;
  resources: AnyResource[];
  /**
   * Per object, in order: its facts without positions. Computed when the file is set again (an edit compares the
   * old and new objects); a file read once, as every file of a cold check is, never needs them.
   */
  fingerprints?: string[];
  syntaxIssues: SyntaxIssue[];
  template: boolean;
  kubernetesLike: boolean;
  /** Why the file was not read (too large, binary): it then holds no objects and one file-skipped finding. */
  skipped?: string;
  ignoredLines: IgnoredLines;
}

export class Analysis {
  readonly index = new WorkspaceIndex();
  private readonly files = new Map<string, FileState>();
  private readonly findingsByFile = new Map<string, Finding[]>();
  private readonly dirtyFiles = new Set<string>();
  private allDirty = false;
  /** Change keys of the objects added, changed or removed since the last refresh. */
  private readonly pendingChanges = new Set<ReadKey>();
  /** Per file, the dependency keys its last findings were computed from. */
  private readonly fileReads = new ReadersByKey();
  /** Per file, each rule check's last reads and findings, in the order the checks run (see checkResults.ts). */
  private readonly checkResults = new Map<string, FileChecks>();
  private readonly readLists = new ReadLists();
  /**
   * Per file, the files whose findings point into it (related locations): when its text moves, their positions
   * are stale even though no fact changed.
   */
  private readonly pointedToBy = new Map<string, Set<string>>();
  private readonly failedRules = new Set<string>();
  /** See `version`. */
  private changes = 0;
  /** Refreshes run to the end: a stepped refresh paused across another one's completion is stale. */
  private completedRefreshes = 0;
  /** Files whose findings an abandoned stepped refresh changed: the next refresh to complete reports them. */
  private readonly unreported = new Set<string>();
  private readonly rules: readonly Rule[];
  private readonly rulesByKind = new Map<string, Rule[]>();

  /** See `AnalysisOptions.incremental`. */
  private readonly incremental: boolean;

  constructor(private readonly options: AnalysisOptions = {}) {
    this.rules = options.rules ?? RULES;
    this.incremental = options.incremental ?? true;
    for (const rule of this.rules) {
      for (const kind of rule.appliesTo) {
        const list = this.rulesByKind.get(kind) ?? [];
        list.push(rule);
        this.rulesByKind.set(kind, list);
      }
    }
  }

  /**
   * Grows by at least one whenever a file's text, a file's presence or the settings change: what queries read (facts,
   * spans, line indexes, settings). A query that runs in steps (the language server's slow requests) compares it
   * between steps and starts again when it moved, so that no answer mixes two states of the workspace. `refresh()`
   * does not count: it recomputes findings from facts that a counted change already changed, and queries read no
   * findings (counting it would restart queries after every publish for nothing).
   */
  get version(): number {
    return this.changes;
  }

  /** Adds or replaces a file. Returns false when the text is unchanged (nothing to do). */
  setFile(file: string, text: string): boolean {
    const hash = contentHash(text);
    const previous = this.files.get(file);
    if (previous && previous.hash === hash) return false;
    this.changes++;
    // The fast reader answers for most manifests and declines the rest (see syntax/fastRead.ts).
    const parsed = fastReadYamlText(text) ?? parseYamlText(text);
    const settings = this.settingsOf(file);
    const resources = parsed.template ? [] : extractResources(parsed, { file, defaultNamespace: settings.defaultNamespace });
    const previousPrints = previous ? (previous.fingerprints ??= previous.resources.map(resourceFingerprint)) : [];
    const fingerprints = previous ? resources.map(resourceFingerprint) : undefined;
    this.files.set(file, {
      hash,
      lineIndex: new LineIndex(text),
      resources,
      ...(fingerprints ? { fingerprints } : {}),
      syntaxIssues: parsed.issues,
      template: parsed.template,
      kubernetesLike: resources.length > 0 || /^\s*("?)kind\1\s*:/m.test(text),
      ignoredLines: ignoreCommentsOf(text),
    });
    this.index.setFile(file, resources);
    // A new file: every object is new, no comparison needed.
    this.noteChanged(fingerprints ? changedResources(previous!.resources, previousPrints, resources, fingerprints) : resources);
    this.markDirty(file);
    return true;
  }

  /** The file and every file whose findings point into it. */
  private markDirty(file: string): void {
    // Without recorded reads, nothing tells which other files a change touches.
    if (!this.incremental && this.completedRefreshes > 0) this.allDirty = true;
    this.dirtyFiles.add(file);
    for (const other of this.pointedToBy.get(file) ?? []) this.dirtyFiles.add(other);
  }

  private noteChanged(resources: readonly AnyResource[]): void {
    for (const resource of resources) for (const key of changeKeysOf(resource)) this.pendingChanges.add(key);
  }

  /**
   * Records a file that the IO layer did not read (over the size limit, binary), so that it is reported once and
   * whatever it held before leaves the index.
   */
  setSkippedFile(file: string, reason: string): void {
    const previous = this.files.get(file);
    if (previous?.skipped === reason) return;
    this.changes++;
    this.noteChanged(previous?.resources ?? []);
    this.files.set(file, {
      hash: `skipped:${reason}`,
      lineIndex: new LineIndex(''),
      resources: [],
      syntaxIssues: [],
      template: false,
      kubernetesLike: false,
      ignoredLines: new Map(),
      skipped: reason,
    });
    this.index.removeFile(file);
    this.markDirty(file);
  }

  removeFile(file: string): void {
    const previous = this.files.get(file);
    if (!previous) return;
    this.changes++;
    this.files.delete(file);
    this.fileReads.delete(file);
    this.checkResults.delete(file);
    this.index.removeFile(file);
    this.markDirty(file);
    this.noteChanged(previous.resources);
  }

  /** Settings changed: every file is read again with the new settings. */
  settingsChanged(texts: (file: string) => string | undefined): void {
    // Features read the settings too (the profile, the default namespace), even where no file changes.
    this.changes++;
    for (const file of [...this.files.keys()]) {
      const text = texts(file);
      this.files.delete(file);
      if (text === undefined) this.index.removeFile(file);
      else this.setFile(file, text);
    }
    this.allDirty = true;
  }

  hasFile(file: string): boolean {
    return this.files.has(file);
  }

  fileNames(): string[] {
    return [...this.files.keys()];
  }

  lineIndex(file: string): LineIndex | undefined {
    return this.files.get(file)?.lineIndex;
  }

  /** Recomputes what edits made stale; returns the files whose findings changed (for publishing). */
  refresh(): string[] {
    const steps = this.refreshSteps();
    for (;;) {
      const next = steps.next();
      // Run without pausing, nothing can change the analysis meanwhile: it completes.
      if (next.done) return next.value!;
    }
  }

  /**
   * `refresh` in steps: it yields between rule checks, so that the language server can answer requests and take
   * edits while a large file is checked (a 2 MB manifest takes seconds). When the analysis changed while it was paused
   * (a file set or removed, settings changed, another refresh completed), it returns undefined at its next step
   * without finishing: the caller starts a new one. Nothing is lost: dirty files and pending changes are cleared only
   * when a refresh completes, a file's findings and recorded reads are replaced only once its checks have all run,
   * and the files an abandoned refresh changed are reported by the next one that completes.
   */
  *refreshSteps(): Generator<void, string[] | undefined, void> {
    const version = this.changes;
    const refreshes = this.completedRefreshes;
    if (this.index.takeNamespaceSetChange()) this.pendingChanges.add(NAMESPACE_SET);
    // Nothing changed since the last refresh (every change marks a file dirty or a key pending): all findings are
    // current. findings(file) refreshes first, so without this each call would look at every file again.
    if (!this.allDirty && this.dirtyFiles.size === 0 && this.pendingChanges.size === 0) {
      const reported = [...this.unreported];
      this.unreported.clear();
      return reported;
    }
    const changes = changeKeysFrom(this.pendingChanges);
    let targets: string[];
    if (this.allDirty) targets = [...this.files.keys()];
    else {
      const touched = this.fileReads.touchedBy(changes);
      for (const file of this.dirtyFiles) touched.add(file);
      // In the files' order (publishing order stays stable); a file whose reads are unknown is computed too.
      targets = [...this.files.keys()].filter((file) => touched.has(file) || !this.fileReads.has(file));
    }
    const changed: string[] = [];
    const stale = () => this.changes !== version || this.completedRefreshes !== refreshes;
    for (const file of targets) {
      // A pause between two files too: a refresh of many small files is as long as one of a large file.
      yield;
      if (stale()) break;
      const steps = this.computeFindingsSteps(file, changes);
      let step = steps.next();
      while (!step.done && !stale()) {
        yield;
        if (!stale()) step = steps.next();
      }
      if (!step.done) break;
      const next = step.value;
      const previous = this.findingsByFile.get(file);
      this.notePointers(file, previous ?? [], next);
      // A file with no findings before and none now has nothing to publish.
      if ((previous?.length ?? 0) !== next.length || (next.length > 0 && JSON.stringify(previous) !== JSON.stringify(next))) changed.push(file);
      if (next.length) this.findingsByFile.set(file, next);
      else this.findingsByFile.delete(file);
    }
    if (stale()) {
      for (const done of changed) this.unreported.add(done);
      return undefined;
    }
    for (const file of [...this.findingsByFile.keys()]) {
      if (!this.files.has(file)) {
        this.findingsByFile.delete(file);
        changed.push(file);
      }
    }
    this.allDirty = false;
    this.dirtyFiles.clear();
    this.pendingChanges.clear();
    this.completedRefreshes++;
    const reported = new Set(changed);
    for (const file of this.unreported) if (!reported.has(file)) changed.push(file);
    this.unreported.clear();
    return changed;
  }

  private notePointers(file: string, before: readonly Finding[], after: readonly Finding[]): void {
    for (const finding of before) for (const related of finding.related) this.pointedToBy.get(related.file)?.delete(file);
    for (const finding of after) {
      for (const related of finding.related) {
        if (related.file === file) continue;
        let set = this.pointedToBy.get(related.file);
        if (!set) this.pointedToBy.set(related.file, (set = new Set()));
        set.add(file);
      }
    }
  }

  findings(file: string): Finding[] {
    this.refresh();
    return this.findingsByFile.get(file) ?? [];
  }

  /**
   * While the workspace is still being read: the file's findings that do not depend on other files (syntax, and rule
   * checks that read nothing from the index but the file itself). The others would be guesses from a partial index
   * ("selects nothing" because the Deployment's file is not read yet). Computed aside: no state of the analysis moves.
   */
  provisionalFindings(file: string): Finding[] {
    return this.files.has(file) ? this.computeFindings(file, 'local-only') : [];
  }

  /**
   * While the workspace is still being read, once part of it is known to be complete (the language server reads the
   * open file's namespaces first): the file's findings from the rule checks whose every read `isFinal` says can no
   * longer change (model/readKeys.ts `isFinalWhen`). A check that read anything else (another namespace, every namespace, the set
   * of namespaces) is left out: a claim of absence across namespaces waits for the whole scan. Computed aside.
   */
  findingsWithin(file: string, isFinal: (key: ReadKey) => boolean): Finding[] {
    return this.files.has(file) ? this.computeFindings(file, { final: isFinal }) : [];
  }

  /**
   * The file's complete findings against the index as it is now, computed aside without refreshing the other files:
   * when the initial scan ends, the language server answers the open files first, then refreshes the workspace
   * (whose refresh computes them again, with the bookkeeping).
   */
  findingsAside(file: string): Finding[] {
    return this.files.has(file) ? this.computeFindings(file, 'aside') : [];
  }

  /** All findings, sorted by file then position then rule: deterministic output for the CLI. */
  allFindings(): Finding[] {
    this.refresh();
    const out: Finding[] = [];
    for (const file of [...this.findingsByFile.keys()].sort()) out.push(...this.findingsByFile.get(file)!);
    return out;
  }

  /** The settings a file is analysed with (its folder's), for features that must agree with the rules. */
  settingsOf(file: string): AnalysisSettings {
    return this.options.settingsFor?.(file) ?? DEFAULT_SETTINGS;
  }

  /**
   * `changes`: the refresh's change keys; the checks of a file that did not change itself re-run only when a change
   * touches their reads. 'local-only' (provisionalFindings) and 'aside' (findingsAside) compute without keeping
   * anything.
   */
  private computeFindings(file: string, changes: ChangeKeys | LocalMode): Finding[] {
    const steps = this.computeFindingsSteps(file, changes);
    for (;;) {
      const next = steps.next();
      if (next.done) return next.value;
    }
  }

  /** `computeFindings` in steps (a yield every CHECKS_PER_STEP rule checks); see `refreshSteps`. */
  private *computeFindingsSteps(file: string, changes: ChangeKeys | LocalMode): Generator<void, Finding[], void> {
    const state = this.files.get(file)!;
    const settings = this.settingsOf(file);
    const findings: Finding[] = [];
    const severityOf = (ruleId: string, fallback: SeveritySetting): SeveritySetting => settings.rules[ruleId] ?? fallback;
    const fileRule = (id: string) => FILE_RULES.find((r) => r.id === id)!;

    if (state.skipped !== undefined) {
      const severity = severityOf('file-skipped', fileRule('file-skipped').defaultSeverity);
      if (severity !== 'off') findings.push({ ruleId: 'file-skipped', severity, file, span: { start: 0, end: 0 }, related: [], message: `Not analysed: ${state.skipped}` });
    } else if (state.template) {
      const severity = severityOf('helm-template', fileRule('helm-template').defaultSeverity);
      if (severity !== 'off') {
        findings.push({
          ruleId: 'helm-template', severity, file, span: { start: 0, end: 0 }, related: [],
          message: 'This file is a Helm/Go template (`{{ ... }}`), not YAML yet: it is skipped. Check the rendered output (`helm template ... | netlens check -`).',
        });
      }
    } else if (state.kubernetesLike) {
      const severity = severityOf('yaml-syntax', fileRule('yaml-syntax').defaultSeverity);
      if (severity !== 'off') {
        for (const issue of state.syntaxIssues) {
          if (issue.severity !== 'error') continue;
          const finding: Finding = { ruleId: 'yaml-syntax', severity, file, span: issue.span, related: [], message: issue.message };
          if (!isSuppressed(finding, state.lineIndex, state.ignoredLines, undefined)) findings.push(finding);
        }
      }
    }

    if (changes === 'local-only' || changes === 'aside' || isFinalMode(changes)) yield* this.runRules(file, state, settings, findings, changes);
    else if (!this.incremental) yield* this.runRules(file, state, settings, findings, 'aside');
    else {
      // A file that changed itself (or all of them, after a settings change) runs every check again.
      const previous = this.allDirty || this.dirtyFiles.has(file) ? undefined : this.checkResults.get(file);
      const results = yield* this.runRules(file, state, settings, findings, { previous, changes });
      this.checkResults.set(file, results);
      const reads = new Set<ReadKey>();
      for (const list of results.reads) for (const read of list) reads.add(read);
      this.fileReads.set(file, reads);
    }
    findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message));
    return findings;
  }

  /**
   * Runs the file's rule checks, each with its reads recorded on their own, and returns their results. With
   * `previous` results (the file itself unchanged), a check whose reads `changes` does not touch keeps its findings.
   * 'local-only' keeps only the findings of checks that read nothing from the index but `file` itself; 'local-only'
   * and 'aside' return no results worth keeping.
   */
  private *runRules(
    file: string,
    state: FileState,
    settings: AnalysisSettings,
    findings: Finding[],
    mode: LocalMode | { previous: FileChecks | undefined; changes: ChangeKeys },
  ): Generator<void, FileChecks, void> {
    const severityOf = (ruleId: string, fallback: SeveritySetting): SeveritySetting => settings.rules[ruleId] ?? fallback;
    const ownKey = fileKey(file);
    const results: FileChecks = { reads: [], findings: [] };
    let position = 0;
    for (const resource of state.resources) {
      for (const rule of this.rulesByKind.get(resource.kind) ?? []) {
        const severity = severityOf(rule.id, rule.defaultSeverity);
        if (severity === 'off') continue;
        // Same file, same settings: the checks run in the same order as last time, so positions match.
        const at = position++;
        // Between two checks (no read being recorded): where a stepped refresh may pause.
        if (at % CHECKS_PER_STEP === CHECKS_PER_STEP - 1) yield;
        const kept = typeof mode === 'string' || isFinalMode(mode) ? undefined : mode;
        const keptReads = kept?.previous?.reads[at];
        if (kept && keptReads && !touches(keptReads, kept.changes)) {
          const keptFindings = kept.previous!.findings[at]!;
          results.reads.push(keptReads);
          results.findings.push(keptFindings);
          findings.push(...keptFindings);
          continue;
        }
        const reports: Report[] = [];
        // 'aside' keeps nothing: its reads are not recorded (the index records nothing into undefined).
        const checkReads = mode === 'aside' ? undefined : new Set<ReadKey>();
        const isFinal = mode === 'local-only' ? (key: ReadKey) => key === ownKey : isFinalMode(mode) ? mode.final : undefined;
        // 'local-only' keeps only checks that read nothing but their file: whether the object is a copy is asked
        // unrecorded there (those findings are provisional and not kept).
        const copyLocally = mode === 'local-only' ? this.index.copyOf(resource) !== undefined : undefined;
        this.index.recordReads(checkReads);
        let failed = false;
        // An identical copy of an object defined in an earlier file reports nothing: its findings are the first
        // definition's (duplicate-definition says where the copies are). Asked while reads are recorded, so the check
        // runs again when the copy stops being one.
        try {
          if (!(copyLocally ?? this.index.copyOf(resource) !== undefined)) rule.check(resource, { index: this.index, profile: settings.profile ?? EMPTY_PROFILE, report: (r) => reports.push(r) });
        } catch (error) {
          failed = true;
          if (!this.failedRules.has(rule.id)) {
            this.failedRules.add(rule.id);
            this.options.onRuleError?.(rule.id, error);
          }
        } finally {
          this.index.recordReads(undefined);
        }
        const checkFindings: Finding[] = [];
        if (!failed && !(isFinal && [...checkReads!].some((key) => !isFinal(key)))) {
          const objectIgnores = annotationIgnores(resource);
          for (const report of reports) {
            const finding = toFinding(rule.id, severity, file, report);
            if (!isSuppressed(finding, state.lineIndex, state.ignoredLines, objectIgnores)) checkFindings.push(finding);
          }
        }
        findings.push(...checkFindings);
        if (typeof mode !== 'string' && !isFinalMode(mode)) {
          results.reads.push(this.readLists.intern(checkReads!));
          results.findings.push(checkFindings.length ? checkFindings : NO_FINDINGS);
        }
      }
    }
    return results;
  }
}

const NO_FINDINGS: readonly Finding[] = [];

/** Findings computed aside, kept nowhere: 'local-only' (provisionalFindings), 'aside' (findingsAside), final (findingsWithin). */
type LocalMode = 'local-only' | 'aside' | FinalMode;

interface FinalMode {
  final: (key: ReadKey) => boolean;
}

function isFinalMode(mode: object | string): mode is FinalMode {
  return typeof mode === 'object' && 'final' in mode;
}

/** Rule checks between two pauses of a stepped refresh: a few milliseconds of typical checks. */
const CHECKS_PER_STEP = 32;

function toFinding(ruleId: string, configured: Severity, file: string, report: Report): Finding {
  const finding: Finding = {
    ruleId,
    severity: report.severity ? lowerOf(report.severity, configured) : configured,
    // Messages quote manifest values, which may be huge (util/boundedText.ts).
    message: boundedMessage(report.message),
    file,
    span: report.span,
    related: (report.related ?? []).map((r) => (r.message.length > MAX_WORD ? { ...r, message: boundedMessage(r.message) } : r)),
  };
  if (report.data) finding.data = report.data;
  return finding;
}
