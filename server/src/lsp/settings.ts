/** Settings per workspace folder, read through workspace/configuration (section `netlens`). */
import type { AnalysisSettings } from '../engine/analysis';
import { ALL_RULE_META } from '../engine/rules/catalogue';
import type { SeveritySetting } from '../engine/rules/rule';
import { DEFAULT_EXCLUDES, DEFAULT_MAX_FILE_SIZE } from '../io/scanFiles';

export interface FolderSettings {
  analysis: AnalysisSettings;
  exclude: readonly string[];
  maxFileSize: number;
}

export const DEFAULT_FOLDER_SETTINGS: FolderSettings = {
  analysis: { defaultNamespace: 'default', rules: {} },
  exclude: DEFAULT_EXCLUDES,
  maxFileSize: DEFAULT_MAX_FILE_SIZE,
};

const SEVERITIES: readonly string[] = ['off', 'info', 'warning', 'error'];

/** Reads what the client sent; anything malformed falls back to the default for that key, never to an error. */
export function folderSettingsFrom(raw: unknown): FolderSettings {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const rules: Record<string, SeveritySetting> = {};
  const rawRules = value['rules'];
  if (rawRules && typeof rawRules === 'object') {
    for (const [id, severity] of Object.entries(rawRules as Record<string, unknown>)) {
      if (typeof severity === 'string' && SEVERITIES.includes(severity) && ALL_RULE_META.some((r) => r.id === id)) rules[id] = severity as SeveritySetting;
    }
  }
  const defaultNamespace = typeof value['defaultNamespace'] === 'string' && value['defaultNamespace'] ? (value['defaultNamespace'] as string) : 'default';
  const exclude = Array.isArray(value['exclude']) && value['exclude'].every((e) => typeof e === 'string') ? (value['exclude'] as string[]) : DEFAULT_EXCLUDES;
  const maxFileSize = typeof value['maxFileSize'] === 'number' && value['maxFileSize'] > 0 ? value['maxFileSize'] : DEFAULT_MAX_FILE_SIZE;
  return { analysis: { defaultNamespace, rules }, exclude, maxFileSize };
}
