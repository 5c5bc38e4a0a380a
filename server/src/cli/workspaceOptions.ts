/**
 * The options every command that reads manifests takes, the same way: `--default-namespace`, `--exclude` and
 * `--max-file-size`. One declaration, one usage text, one validation, so that no command reads files differently.
 */
import { DEFAULT_EXCLUDES, DEFAULT_MAX_FILE_SIZE, excludeProblems } from '../io/scanFiles';
import { UsageError } from './usage';

export const WORKSPACE_OPTIONS = {
  'default-namespace': { type: 'string' },
  exclude: { type: 'string', multiple: true },
  'max-file-size': { type: 'string' },
} as const;

export const WORKSPACE_USAGE = `  --default-namespace ns     namespace of objects without metadata.namespace (default "default")
  --exclude glob             skip matching paths (repeatable; default node_modules and .git); see README, Limits
  --max-file-size size       skip larger files, each reported once (default 2MB; e.g. 500KB, 10MB)
`;

export interface WorkspaceReadOptions {
  exclude: readonly string[];
  maxFileSize: number;
}

/** The validated `--exclude` and `--max-file-size` values (UsageError for a pattern or size that cannot be used). */
export function workspaceReadOptions(values: { exclude?: string[] | undefined; 'max-file-size'?: string | undefined }): WorkspaceReadOptions {
  const exclude = values.exclude ?? DEFAULT_EXCLUDES;
  const problems = excludeProblems(exclude);
  if (problems.length) throw new UsageError(`--exclude: ${problems.join('; ')}`);
  return { exclude, maxFileSize: parseSize(values['max-file-size']) ?? DEFAULT_MAX_FILE_SIZE };
}

function parseSize(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d+(?:\.\d+)?)\s*(B|KB|MB|GB)?$/i.exec(text.trim());
  if (!match) throw new UsageError(`--max-file-size takes a size such as 500KB or 10MB, got \`${text}\``);
  const unit = (match[2] ?? 'B').toUpperCase();
  const factor = unit === 'GB' ? 1024 ** 3 : unit === 'MB' ? 1024 ** 2 : unit === 'KB' ? 1024 : 1;
  const size = Math.round(Number(match[1]) * factor);
  if (size < 1) throw new UsageError(`--max-file-size must be at least 1 byte, got \`${text}\``);
  return size;
}
