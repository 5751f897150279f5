import { main } from './main';

// Entry point of the bundled CLI (dist/cli/pathways.mjs).
main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
