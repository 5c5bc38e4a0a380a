/**
 * The one way Netlens reads a file from disk (manifests, `.netlens.yaml`, the file `cluster.importFrom` names), for
 * the CLI and the language server alike. Only regular files are read, never more than a size limit, and nothing
 * here can block: a FIFO, a character device (/dev/zero), a socket or a directory is refused from the file
 * descriptor's own type (fstat), after an open that does not wait (O_NONBLOCK: opening a FIFO without a writer
 * would otherwise hang), so a file swapped for a FIFO between a walk and the read is refused too. Symbolic links are
 * refused unless the caller says the user named the link itself (O_NOFOLLOW).
 *
 * Text: UTF-8, a UTF-8 byte order mark dropped; UTF-16 (little or big endian) with its byte order mark is decoded,
 * as kubectl does (it wraps every file in a BOM-aware decoder since Kubernetes 1.6, kubernetes/kubernetes#39008,
 * cli-runtime pkg/resource/visitor.go; checked 2026-12-05): PowerShell's `>` writes UTF-16 LE, and kubectl applies
 * such files. Without a byte order mark, NUL bytes mean a binary file, which is not read.
 */
import * as fs from 'node:fs';

export type TextEncoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be';

export type FileRead =
  | { bytes: Buffer }
  /** Over the limit: nothing was read beyond it. `size` is what fstat said (or more, for a growing file). */
  | { tooLarge: number }
  /** Could not be read: gone, permission denied, not a regular file, a symbolic link, ... */
  | { error: string };

export interface ReadOptions {
  maxBytes: number;
  /** True when the user named this path (a command-line argument): a symbolic link is then followed, like cat does. */
  followSymlink?: boolean;
}

const O_NONBLOCK = fs.constants.O_NONBLOCK ?? 0;
const O_NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0;

export function readRegularFile(file: string, options: ReadOptions): FileRead {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | O_NONBLOCK | (options.followSymlink ? 0 : O_NOFOLLOW));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // O_NOFOLLOW on a link fails with ELOOP; a socket cannot be opened (ENXIO).
    if (code === 'ELOOP' && !options.followSymlink && isSymbolicLink(file)) return { error: 'a symbolic link, not followed' };
    if (code === 'ENXIO') return { error: 'not a regular file (a socket), not read' };
    return { error: describeIoError(error) };
  }
  try {
    const stats = fs.fstatSync(fd);
    if (stats.isDirectory()) return { error: 'is a directory' };
    if (!stats.isFile()) return { error: `not a regular file (${fileType(stats)}), not read` };
    if (stats.size > options.maxBytes) return { tooLarge: stats.size };
    // Read until the end of the file, but never past the limit (a file that grows meanwhile, /proc files that say 0):
    // one byte more than fstat said shows the end at once.
    const buffer = Buffer.allocUnsafe(Math.min(options.maxBytes + 1, stats.size > 0 ? stats.size + 1 : 4096));
    let length = 0;
    let chunk = buffer;
    for (;;) {
      if (length === chunk.length) {
        if (length > options.maxBytes) return { tooLarge: length };
        const bigger = Buffer.allocUnsafe(Math.min(options.maxBytes + 1, chunk.length * 2));
        chunk.copy(bigger, 0, 0, length);
        chunk = bigger;
      }
      const read = fs.readSync(fd, chunk, length, chunk.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > options.maxBytes) return { tooLarge: length };
    }
    return { bytes: chunk.subarray(0, length) };
  } catch (error) {
    return { error: describeIoError(error) };
  } finally {
    fs.closeSync(fd);
  }
}

/** Bytes -> text as Kubernetes tools read it (see the header), or why it is not text. */
export function decodeText(bytes: Buffer): { text: string; encoding: TextEncoding } | { binary: string } {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes.subarray(2), 'utf16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes.subarray(2), 'utf16be');
  if (bytes.includes(0)) return { binary: 'binary file (contains NUL bytes), not read' };
  const text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) return { text: text.slice(1), encoding: 'utf8-bom' };
  return { text, encoding: 'utf8' };
}

function utf16(body: Buffer, encoding: 'utf16le' | 'utf16be'): { text: string; encoding: TextEncoding } | { binary: string } {
  if (body.length % 2 !== 0) return { binary: `${encoding === 'utf16le' ? 'UTF-16 LE' : 'UTF-16 BE'} text with an odd number of bytes (cut short?), not read` };
  const text = encoding === 'utf16le' ? body.toString('utf16le') : Buffer.from(body).swap16().toString('utf16le');
  return { text, encoding };
}

/** Text -> bytes in the encoding the file had, for writing a fixed file back as it was. */
export function encodeText(text: string, encoding: TextEncoding): Buffer {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8-bom':
      return Buffer.from(`\uFEFF${text}`, 'utf8');
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
  }
}

export function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'ELOOP':
      return 'too many symbolic links';
    case 'ENAMETOOLONG':
      return 'the path is too long';
    default:
      return code ? `cannot be read (${code})` : 'cannot be read';
  }
}

/** What a file that is not a regular file is, for messages. */
export function fileType(stats: fs.Stats): string {
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  return 'a special file';
}

function isSymbolicLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}
