/**
 * @file Whether to colour the output. A flag decides first; then the conventions other tools share:
 * FORCE_COLOR (on, unless "0" or "false"), NO_COLOR (off when set and not empty, no-color.org),
 * TERM=dumb; otherwise colour only when standard output is a terminal, never in a log file or a pipe.
 */

export function wantsColour(flags: { readonly color?: boolean | undefined; readonly noColor?: boolean | undefined }, env: Readonly<Record<string, string | undefined>>, isTty: boolean): boolean {
  if (flags.noColor) return false;
  if (flags.color) return true;
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env['NO_COLOR']) return false;
  if (env['TERM'] === 'dumb') return false;
  return isTty;
}
