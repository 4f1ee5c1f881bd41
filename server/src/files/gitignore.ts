/**
 * @file Whether git ignores a file: the .gitignore files from the work tree's root down to the
 * file's folder, and .git/info/exclude, matched by the `ignore` package (what ESLint and Prettier
 * use) rather than by hand, since gitignore's rules (anchoring, `dir/`, `!`, `**`) are easy to get
 * subtly wrong. Outside a git work tree nothing is ignored; the global core.excludesFile is not read.
 */
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { Files } from './access';

export class GitIgnores {
  private readonly rootOf = new Map<string, string | undefined>();
  private readonly rulesOf = new Map<string, Ignore | undefined>();
  private readonly dirIgnored = new Map<string, boolean>();

  constructor(private readonly files: Pick<Files, 'readNow' | 'existsNow'>) {}

  /** Whether `target` (an absolute path) is ignored; `isDir` for a folder, which git then never looks inside. */
  ignores(target: string, isDir = false): boolean {
    const absolute = path.resolve(target);
    const dir = path.dirname(absolute);
    const root = this.workTree(dir);
    if (!root || absolute === root) return false;
    return this.isDirIgnored(dir, root) || this.matches(absolute, isDir, root);
  }

  /** Forget what was read: a .gitignore changed. */
  forget(): void {
    this.rootOf.clear();
    this.rulesOf.clear();
    this.dirIgnored.clear();
  }

  /** A folder ignored by its own rule or through a parent: nothing in it can be re-included (git's rule). */
  private isDirIgnored(dir: string, root: string): boolean {
    if (dir === root) return false;
    let ignored = this.dirIgnored.get(dir);
    if (ignored === undefined) {
      ignored = this.isDirIgnored(path.dirname(dir), root) || this.matches(dir, true, root);
      this.dirIgnored.set(dir, ignored);
    }
    return ignored;
  }

  /** The deepest .gitignore with a rule for `target` decides, as in git. */
  private matches(target: string, isDir: boolean, root: string): boolean {
    for (let dir = path.dirname(target); ; dir = path.dirname(dir)) {
      const rules = this.rulesIn(dir, root);
      if (rules) {
        const relative = path.relative(dir, target).split(path.sep).join('/') + (isDir ? '/' : '');
        const { ignored, unignored } = rules.test(relative);
        if (ignored) return true;
        if (unignored) return false;
      }
      if (dir === root || path.dirname(dir) === dir) return false;
    }
  }

  private rulesIn(dir: string, root: string): Ignore | undefined {
    if (!this.rulesOf.has(dir)) {
      const own = this.files.readNow(path.join(dir, '.gitignore'));
      // info/exclude ranks below the root's .gitignore: added first, so the .gitignore's rules win.
      const exclude = dir === root ? this.files.readNow(path.join(root, '.git', 'info', 'exclude')) : undefined;
      this.rulesOf.set(dir, own === undefined && exclude === undefined ? undefined : ignore().add(exclude ?? '').add(own ?? ''));
    }
    return this.rulesOf.get(dir);
  }

  /** The nearest folder holding `.git` (a folder, or a file in a linked work tree or a submodule). */
  private workTree(dir: string): string | undefined {
    if (!this.rootOf.has(dir)) {
      const parent = path.dirname(dir);
      this.rootOf.set(dir, this.files.existsNow(path.join(dir, '.git')) ? dir : parent === dir ? undefined : this.workTree(parent));
    }
    return this.rootOf.get(dir);
  }
}

