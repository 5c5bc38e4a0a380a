/**
 * A small, plain tree of one YAML/JSON document, with UTF-16 offsets into the file text for every node.
 *
 * Why not keep the `yaml` package's Document: it costs about 21 KB of heap per resource, and every layer above
 * only needs maps, sequences and scalars with their spans. Aliases point at the converted anchor node (shared, never
 * copied), so an alias bomb costs no more than the text that declares it.
 */
export interface Span {
  /** Offset of the first character (UTF-16 code units into the file text). */
  start: number;
  /** Offset just past the last character. */
  end: number;
}

export type YNode = YMap | YSeq | YScalar;

export interface YMap extends Span {
  kind: 'map';
  pairs: YPair[];
}

export interface YPair extends Span {
  /** The key as a scalar; complex keys (maps or sequences as keys) are kept as null and ignored by the model. */
  key: YScalar | null;
  value: YNode | null;
}

export interface YSeq extends Span {
  kind: 'seq';
  items: YNode[];
}

export type ScalarValue = string | number | boolean | null;

export interface YScalar extends Span {
  kind: 'scalar';
  value: ScalarValue;
  /** True for unquoted, non-block scalars: YAML 1.1 readers (Kubernetes) may read these differently. */
  plain: boolean;
  /** The scalar as written, for plain scalars only (e.g. `yes`, `0777`, `1e3`). */
  source?: string;
}
