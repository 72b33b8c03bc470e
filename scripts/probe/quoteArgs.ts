// A command line as a shell user would type it, for the report of broken cases.

export function quoteArgs(args: readonly string[]): string {
  return args.map(quoteArg).join(' ');
}

function quoteArg(arg: string): string {
  const shown = arg.length > 120 ? `${arg.slice(0, 120)}...(${arg.length} chars)` : arg;
  return /^[\w@%+=:,./-]+$/.test(shown) ? shown : `'${shown.replaceAll("'", "'\\''")}'`;
}
