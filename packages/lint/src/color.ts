import { styleText } from "node:util";

/** The styles automode's terminal output uses. */
export type ColorStyle = "red" | "yellow" | "green" | "dim" | "bold" | "underline";

export interface ColorSettings {
  /** `--color` (true) or `--no-color` (false); undefined when neither was given. */
  flag?: boolean | undefined;
  env: NodeJS.ProcessEnv;
  /** Whether the output the text goes to is a terminal. */
  isTTY: boolean;
}

/**
 * Whether to colour, one rule for every command of the app and the linter, in Node's order
 * (`tty.getColorDepth`, which `util.styleText` follows): a `--color`/`--no-color` flag wins;
 * then `FORCE_COLOR` (any value but `0` or `false` turns colour on, those turn it off); then
 * `NO_COLOR` set and not empty (no-color.org), `NODE_DISABLE_COLORS` or `TERM=dumb` turn it
 * off; otherwise colour only on a terminal.
 */
export function shouldColor({ flag, env, isTTY }: ColorSettings): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force.toLowerCase() !== "false";
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.NODE_DISABLE_COLORS !== undefined || env.TERM === "dumb") return false;
  return isTTY;
}

export type Paint = (style: ColorStyle | readonly ColorStyle[], text: string) => string;

/**
 * Styles text through `util.styleText` when `enabled`, and leaves it plain otherwise. The
 * decision is `shouldColor`'s alone: Node 22's `styleText` would also look at
 * `process.stdout` on its own, which is wrong for `--color` into a pipe or a report file.
 */
export function painter(enabled: boolean): Paint {
  if (!enabled) return (_style, text) => text;
  return (style, text) =>
    styleText(typeof style === "string" ? style : [...style], text, { validateStream: false });
}
