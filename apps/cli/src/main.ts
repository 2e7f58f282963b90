import 'reflect-metadata';
import { runCli } from './cli-program';

void runCli(process.argv.slice(2), { env: process.env }).then((code) => {
  process.exitCode = code;
});
