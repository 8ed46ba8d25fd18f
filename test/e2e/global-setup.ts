import { assertChromiumInstalled } from '../support/chromium';

// Fail the whole browser suite up front, with the install command, rather than skip it.
export default function checkChromium(): void {
  assertChromiumInstalled();
}
