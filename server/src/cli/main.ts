/** `pnpm konvent <command>`: the command-line interface. */
process.stderr.write('The Konvent CLI is not built yet.\n');
process.exit(1);
