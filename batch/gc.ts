/**
 * A full garbage collection on demand, for the places a batch knows a document's garbage is all there is.
 *
 * Why: V8 lets a busy heap grow long before it collects, so a long batch's memory would climb although nothing
 * is kept, and the peak would grow with the number of documents. `--expose-gc` cannot be given to a worker
 * (nor to the `jixiao` command), so the flag is set from inside and `gc` taken from a fresh context.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

export function collectGarbage(): void {
  gc();
}
