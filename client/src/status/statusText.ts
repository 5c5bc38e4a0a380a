/**
 * What the status bar item says, from the server's state (`netlens/status`, or the client's own while the server
 * starts or has stopped) and the finding counts of the diagnostics. Pure: test/client/statusText.test.ts.
 *
 * While the server reads and checks the workspace the item shows progress, never a count: "0" during a scan would
 * claim a clean workspace that was not looked at yet. A workspace without any Kubernetes object (docker-compose and
 * CI files only) hides the item, unless it has findings (a YAML syntax error is still one).
 */
import type { WorkspaceStatus } from '../../../server/src/protocol/requests';
import { joinAnd, plural } from '../text';

export type ServerState = { state: 'starting' } | { state: 'stopped' } | WorkspaceStatus;

export interface FindingCounts {
  errors: number;
  warnings: number;
  infos: number;
  /** Files with at least one finding. */
  files: number;
}

export interface StatusView {
  text: string;
  tooltip: string;
  /** What a screen reader says. */
  label: string;
  /** The command a click runs. */
  command: string;
}

export const PROBLEMS_COMMAND = 'workbench.actions.view.problems';
export const RESTART_COMMAND = 'netlens.restartServer';

/** The item's content, or undefined when it should be hidden. */
export function statusView(server: ServerState, counts: FindingCounts): StatusView | undefined {
  switch (server.state) {
    case 'starting':
      return busy('Netlens', 'starting the language server');
    case 'reading': {
      const progress = `${server.read.toLocaleString('en-US')} of ${plural(server.total, 'file')}`;
      return busy(`Netlens: analysing ${progress}`, `reading the workspace's manifests, ${progress}`);
    }
    case 'checking':
      return busy(`Netlens: checking ${plural(server.files, 'file')}`, `checking ${plural(server.files, 'file')} across the workspace`);
    case 'stopped':
      return {
        text: '$(error) Netlens: stopped',
        tooltip: 'Kube Netlens: the language server stopped. Click to start it again.',
        label: 'Kube Netlens: the language server stopped',
        command: RESTART_COMMAND,
      };
    case 'ready':
      return readyView(server, counts);
  }
}

function busy(text: string, doing: string): StatusView {
  return { text: `$(sync~spin) ${text}`, tooltip: `Kube Netlens: ${doing}.`, label: `Kube Netlens: ${doing}`, command: PROBLEMS_COMMAND };
}

function readyView(server: { resources: number; files: number }, counts: FindingCounts): StatusView | undefined {
  const total = counts.errors + counts.warnings + counts.infos;
  if (server.resources === 0 && total === 0) return undefined;
  const analysed = `Analysed ${plural(server.resources, 'resource')} in ${plural(server.files, 'file')}.`;
  if (total === 0) {
    return { text: '$(check) Netlens', tooltip: `Kube Netlens: no findings. ${analysed}`, label: 'Kube Netlens: no findings', command: PROBLEMS_COMMAND };
  }
  const icon = counts.errors ? '$(error)' : counts.warnings ? '$(warning)' : '$(info)';
  const parts = [
    counts.errors ? plural(counts.errors, 'error') : '',
    counts.warnings ? plural(counts.warnings, 'warning') : '',
    counts.infos ? plural(counts.infos, 'info') : '',
  ].filter((p) => p !== '');
  const summary = `${joinAnd(parts)} in ${plural(counts.files, 'file')}`;
  return {
    text: `${icon} Netlens: ${total.toLocaleString('en-US')}`,
    tooltip: `Kube Netlens: ${summary}. ${analysed} Click to open the Problems panel.`,
    label: `Kube Netlens: ${summary}`,
    command: PROBLEMS_COMMAND,
  };
}
