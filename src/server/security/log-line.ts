/**
 * C0 and C1 controls, DEL, and the Unicode line and paragraph separators: a request path or
 * header quoted into a log line must not start a new line (forged entries) nor drive a terminal
 * (ESC sequences that recolour, move the cursor or retitle the window).
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** The line with every control character written as a visible escape (`\r` → `\x0d`, ESC → `\x1b`). */
export function escapeControlCharacters(line: string): string {
  return line.replace(CONTROL, (char) => {
    const code = char.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
