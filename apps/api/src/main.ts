import 'reflect-metadata';
import { runLedgerProcess } from './embedded/ledger-process';

void runLedgerProcess();
