#!/usr/bin/env node
// The `yonggong` command. The server runs its TypeScript sources through tsx's loader (the
// workspace packages are consumed as source; there is no separate build step for the server).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
