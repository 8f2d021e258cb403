import * as fs from 'fs';

/** True when `file` is a symbolic link whose target does not exist. */
export function isDanglingLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink() && !fs.existsSync(file);
  } catch {
    return false;
  }
}

/** Why a file or folder could not be read, in words, from the error Node raised. */
export function readFailure(file: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (isDanglingLink(file)) {
    let target = '';
    try {
      target = ` to ${fs.readlinkSync(file)}`;
    } catch {
      // the link vanished meanwhile; say it without the target
    }
    return `it is a broken symbolic link${target} (the target does not exist)`;
  }
  switch (code) {
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'it no longer exists';
    case 'ELOOP':
      return 'it is a loop of symbolic links';
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}
