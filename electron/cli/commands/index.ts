/**
 * The CLI's commands, in the order `ombud --help` lists them. A new command is one file in this
 * folder exporting a `Command`, plus one entry here.
 */
import type { Command } from '../command';
import { akterCommand } from './akter';
import { backupCommand } from './backup';
import { auditCommand } from './audit';
import { deadlineCommand } from './deadline';
import { demoCommand } from './demo';
import { exportCommand } from './export';
import { findingCommand } from './finding';
import { importCommand } from './import';
import { indsigtCommand } from './indsigt';
import { letterCommand } from './letter';
import { reportCommand } from './report';
import { restoreCommand } from './restore';
import { rulesCommand } from './rules';
import { sletningCommand } from './sletning';

export const COMMANDS: ReadonlyArray<Command> = [importCommand, exportCommand, rulesCommand, deadlineCommand, demoCommand, akterCommand, findingCommand, letterCommand, reportCommand, indsigtCommand, sletningCommand, backupCommand, restoreCommand, auditCommand];
