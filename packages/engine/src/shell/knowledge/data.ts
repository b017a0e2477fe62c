import type { ProgramSpec } from "./dsl.js";

/**
 * Database clients and infrastructure tools: their options only (SQL programs are analysed in
 * `../languages/`). sqlite3 3.40, psql 15, mysql 8, terraform 1.9.
 */
export const DATA: Readonly<Record<string, ProgramSpec>> = {
  sqlite3: {
    version: "sqlite3 3.40",
    // sqlite3 spells its options with one dash or two, never clustered.
    singleDashLong: true,
    opts: "-A|-archive=v -append -ascii -bail -batch -box -column -csv -deserialize -echo -header -noheader -html -interactive -json -line -list -lookaside=v -markdown -maxsize=v -memtrace -mmap=v -newline=v -nofollow -nonce=v -nullvalue=v -pagecache=v -quote -readonly -safe -separator=v -stats -table -tabs -version -vfs=v -zip",
    special: { "-cmd=v": {}, "-init=r": { dynamic: "sqlite3 -init runs the commands of a file" } },
  },
  psql: {
    version: "psql 15",
    abbrev: true,
    opts: "-c|--command=v -d|--dbname=v -l|--list -v|--set|--variable=v -X|--no-psqlrc -1|--single-transaction -a|--echo-all -b|--echo-errors -e|--echo-queries -E|--echo-hidden -n|--no-readline -q|--quiet -s|--single-step -S|--single-line -A|--no-align --csv -F|--field-separator=v -H|--html -P|--pset=v -R|--record-separator=v -t|--tuples-only -T|--table-attr=v -x|--expanded -z|--field-separator-zero -0|--record-separator-zero -h|--host=h -p|--port=v -U|--username=v -w|--no-password -W|--password",
    special: { "-f|--file=r": {}, "-o|--output|-L|--log-file=w": {} },
  },
  mysql: {
    version: "mysql 8",
    abbrev: true,
    opts: "-e|--execute=v -D|--database=v -h|--host=h -P|--port=v -u|--user=v -p|--password[=v] -B|--batch -N|--skip-column-names -s|--silent -t|--table -v|--verbose -E|--vertical -X|--xml -H|--html --protocol=v -S|--socket=v --ssl-mode=v -A|--no-auto-rehash --default-character-set=v",
    special: {
      "--tee=w": {},
      "--init-command=v": {},
      "--pager=x": {},
      "--defaults-file|--defaults-extra-file=r": {},
    },
  },
  terraform: {
    version: "terraform 1.9",
    singleDashLong: true,
    opts: "-chdir=d -help -version",
    sub: {
      fmt: {
        operands: "any",
        singleDashLong: true,
        opts: "-list=v -write=v -diff -check -recursive -no-color",
      },
      validate: {
        operands: "any",
        singleDashLong: true,
        opts: "-json -no-color -no-tests -test-directory=v",
      },
      version: { singleDashLong: true, opts: "-json" },
      "show|output": {
        operands: "any",
        singleDashLong: true,
        opts: "-json -no-color -raw -state=r",
      },
      init: {
        singleDashLong: true,
        opts: "-backend=v -backend-config=v -get=v -input=v -lock=v -lock-timeout=v -no-color -upgrade -reconfigure -migrate-state -from-module=v -plugin-dir=v -lockfile=v",
      },
      "plan|apply|destroy": {
        operands: "any",
        singleDashLong: true,
        opts: "-auto-approve -destroy -refresh-only -refresh=v -replace=v -target=v -var=v -var-file=r -input=v -lock=v -lock-timeout=v -no-color -parallelism=v -compact-warnings -detailed-exitcode -json -state=r",
        special: { "-out|-state-out|-backup=w": {} },
      },
    },
  },
};
