// Entry of the import validation worker thread: registers tsx (the server runs its TypeScript
// sources through it, as bin/yonggong.mjs does) and starts validate-rows.worker.ts.
import { register } from 'tsx/esm/api';

register();
await import('./validate-rows.worker.ts');
