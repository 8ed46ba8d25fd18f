// Catalogues compiled at build time by scripts/vite-lingui-catalogues.ts.
declare module '*.json?lingui' {
  import type { Messages } from '@lingui/core';
  const messages: Messages;
  export default messages;
}

declare module '*.json?lingui-pseudo' {
  import type { Messages } from '@lingui/core';
  const messages: Messages;
  export default messages;
}
