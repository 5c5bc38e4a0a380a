/**
 * Incremental equals from scratch, in the engine: after random edits, creations, deletions and renames, the
 * host's findings equal those of a fresh host given the final files.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { Analysis } from '../../server/src/engine/analysis';
import { corpusTexts } from '../support/corpus';
import { firstDifference } from '../support/diff';
import { mutate } from '../support/mutate';
import { Random } from '../support/random';

const STEPS = Number(process.env['NETLENS_INCREMENTAL_STEPS'] ?? 600);

test(`${STEPS} random workspace changes: incremental findings equal a fresh analysis`, () => randomChanges(STEPS, new Analysis()));

// The CLI's host keeps no record of reads (AnalysisOptions.incremental false): a change after a refresh recomputes
// every file, and must still equal a fresh analysis.
test(`${Math.ceil(STEPS / 6)} random workspace changes without recorded reads: findings equal a fresh analysis`, () =>
  randomChanges(Math.ceil(STEPS / 6), new Analysis({ incremental: false })));

function randomChanges(STEPS: number, incremental: Analysis): void {
  const corpus = corpusTexts().filter((c) => c.file.includes(`${path.sep}corpora${path.sep}`) || c.file.includes(`${path.sep}examples${path.sep}`));
  const random = new Random(Number(process.env['NETLENS_INCREMENTAL_SEED'] ?? 7));
  const files = new Map<string, string>();
  for (let i = 0; i < 12; i++) {
    const source = random.pick(corpus);
    files.set(`f${i}.yaml`, source.text);
    incremental.setFile(`f${i}.yaml`, source.text);
  }
  let nextName = 100;
  for (let step = 0; step < STEPS; step++) {
    const names = [...files.keys()];
    const action = random.int(10);
    if (action < 6 && names.length) {
      const name = random.pick(names);
      // Mostly small edits from the current text, sometimes a revert to a corpus file (undo, git checkout).
      const text = random.next() < 0.8 ? mutate(files.get(name)!, random) : random.pick(corpus).text;
      files.set(name, text);
      incremental.setFile(name, text);
    } else if (action < 7 && names.length > 1) {
      const name = random.pick(names);
      files.delete(name);
      incremental.removeFile(name);
    } else if (action < 8 && names.length) {
      const from = random.pick(names);
      const to = `f${nextName++}.yaml`;
      const text = files.get(from)!;
      files.delete(from);
      files.set(to, text);
      incremental.removeFile(from);
      incremental.setFile(to, text);
    } else {
      const name = `f${nextName++}.yaml`;
      const text = random.pick(corpus).text;
      files.set(name, text);
      incremental.setFile(name, text);
    }
    if (step % 5 === 0) incremental.refresh(); // sometimes several changes arrive before findings are asked for
    if (step % 25 === 0 || step === STEPS - 1) {
      const fresh = new Analysis();
      for (const [name, text] of [...files].sort(([a], [b]) => a.localeCompare(b))) fresh.setFile(name, text);
      const difference = firstDifference(incremental.allFindings(), fresh.allFindings());
      assert.equal(difference, undefined, `step ${step}: ${difference}`);
      assert.equal(incremental.index.resourceCount, fresh.index.resourceCount, `step ${step}: resource count`);
    }
  }
}
