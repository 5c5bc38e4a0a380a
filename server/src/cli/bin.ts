/** Bundle entry point for the `netlens` bin. */
import { limitHeapGrowth } from '../io/heapGrowth';
import { runFromProcess } from './main';

limitHeapGrowth();
runFromProcess();
