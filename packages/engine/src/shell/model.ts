import type { Hazard, Operation } from "../types.js";
import type { FileSystem } from "./fs.js";
import type { Overlay } from "./overlay/overlay.js";

/** Shell state tracked along one command line. */
export interface State {
  cwd: string;
  oldpwd: string | undefined;
  /** `pushd` stack. */
  dirs: string[];
  /**
   * Other folders the shell may be in: a `cd` to a folder that does not exist fails and leaves
   * the shell where it was (`cd x; cat ../.env`), so later relative paths are judged from both.
   */
  alts?: readonly string[];
}

/** What a command's standard input is fed with. */
export interface Feed {
  /** The feeding commands use the network (`curl … |`). */
  network: boolean;
  /** The text, when it is literal (a heredoc, `echo … |`). */
  text: string | undefined;
  /** How: "a pipe", "a heredoc", "a herestring", "a < redirect". */
  via: string;
}

/** What a statement produced, for the next pipeline stage. */
export interface Flow {
  network: boolean;
  text: string | undefined;
}

/** The wrappers around the commands being analysed. */
export interface Frame {
  wrappers: readonly string[];
  /** Hazards every command inside inherits (`sudo` → privilege). */
  inherited: readonly Hazard[];
  /** Nesting of `bash -c` and friends, to stop runaway recursion. */
  depth: number;
}

export interface Host {
  readonly fs: FileSystem;
  readonly home: string;
  readonly ops: Operation[];
  /** Count of network-class commands emitted so far (to tell whether a stage used the net). */
  network: number;
  /** What the commands earlier in the line made: links, files, folders, downloads. */
  readonly overlay: Overlay;
  /** Parses and analyses a command line given as a string (`bash -c '…'`). */
  script(text: string, st: State, frame: Frame, feed: Feed | undefined): Flow;
}

export const NO_FLOW: Flow = { network: false, text: undefined };
