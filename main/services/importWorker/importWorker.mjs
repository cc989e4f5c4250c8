// Worker entry: registers tsx in this thread (workers do not inherit loaders), then runs the TS worker.
import { register } from 'tsx/esm/api';

register();
await import('./importWorker.ts');
