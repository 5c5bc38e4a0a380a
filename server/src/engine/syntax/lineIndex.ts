/** Offsets <-> (line, column) for one text. Columns count UTF-16 code units, as LSP and SARIF do by default. */
export interface LineColumn {
  /** 0-based line. */
  line: number;
  /** 0-based column in UTF-16 code units. */
  column: number;
}

export class LineIndex {
  /** Kept for every file of the workspace: a typed array holds exactly 4 bytes a line (an array held 8 to 16). */
  private readonly starts: Uint32Array;

  constructor(text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = Uint32Array.from(starts);
    this.length = text.length;
  }

  readonly length: number;

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): LineColumn {
    const clamped = Math.max(0, Math.min(offset, this.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, column: clamped - this.starts[lo]! };
  }

  offset(position: LineColumn): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.length;
    const lineStart = this.starts[position.line]!;
    const nextStart = position.line + 1 < this.starts.length ? this.starts[position.line + 1]! : this.length;
    return Math.min(lineStart + Math.max(0, position.column), nextStart);
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))]!;
  }
}
